/** The leaderboard: candidates ranked by their reviewers' scores, automated scores beside (server/features/leaderboard/ranking.ts). */
import { z } from 'zod';
import { candidateSchema, candidateStatus } from './candidates.js';
import { metricSchema, weightsSchema } from './interviews.js';
import { LEADERBOARD_SORTS } from './scores.js';

export const leaderboardQuery = z.object({
  status: candidateStatus.optional(),
  tag: z.string().max(50).optional(),
  sort: z.enum(LEADERBOARD_SORTS).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
});
export type LeaderboardQuery = z.infer<typeof leaderboardQuery>;

/** One term of a total: value x weight. */
export const termSchema = z.object({ metric: metricSchema, value: z.number(), weight: z.number(), product: z.number() });
export type Term = z.infer<typeof termSchema>;

export const BANDS = ['high', 'middle', 'low', 'none'] as const;

/** One reviewer's score for a candidate: the mean of every 1-5 rating they gave (name hidden in blind review). */
export const reviewerScoreSchema = z.object({ reviewerId: z.string(), reviewer: z.string(), average: z.number(), ratings: z.number() });

export const REVIEW_GROUPS = ['reviewed', 'not_reviewed'] as const;

export const leaderboardRowSchema = z.object({
  /** From the reviewer score only; null for the not yet reviewed. */
  rank: z.number().nullable(),
  reviewGroup: z.enum(REVIEW_GROUPS),
  candidate: candidateSchema.pick({ id: true, name: true, email: true, status: true, tags: true, group: true }),
  answered: z.number(),
  analysed: z.number(),
  /** Per metric (0-100): the automated score, and the reviewer score mapped as (r - 1) / 4 x 100; null when not measured or not rated. */
  metrics: z.record(metricSchema, z.number().nullable()),
  /** What the rank is made of: the mean of the per-reviewer means (1-5) and their spread. */
  review: z.object({ average: z.number().nullable(), spread: z.number().nullable(), reviewers: z.array(reviewerScoreSchema) }),
  /** Shown beside the rank, never in it: the weighted mean of the measured automated scores without Confidence. */
  automated: z.object({ summary: z.number().nullable(), terms: z.array(termSchema), weightSum: z.number(), missing: z.array(metricSchema) }),
  /** This row's arithmetic in words. */
  explanation: z.string(),
  band: z.enum(BANDS),
});
export type LeaderboardRow = z.infer<typeof leaderboardRowSchema>;

/** `formula`: the ranking rule in words, shown above the table. */
export const leaderboardSchema = z.object({ formula: z.string(), weights: weightsSchema, questions: z.number(), rows: z.array(leaderboardRowSchema) });
export type Leaderboard = z.infer<typeof leaderboardSchema>;
