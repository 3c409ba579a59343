/** The leaderboard: candidates ranked by a weighted total that shows how it was made. */
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

export const leaderboardRowSchema = z.object({
  rank: z.number().nullable(),
  candidate: candidateSchema.pick({ id: true, name: true, email: true, status: true, tags: true, group: true }),
  answered: z.number(),
  analysed: z.number(),
  /** Per metric: the candidate's value, null when not measured or not rated. */
  metrics: z.record(metricSchema, z.number().nullable()),
  total: z.number().nullable(),
  terms: z.array(termSchema),
  weightSum: z.number(),
  missing: z.array(metricSchema),
  band: z.enum(BANDS),
});
export type LeaderboardRow = z.infer<typeof leaderboardRowSchema>;

export const leaderboardSchema = z.object({ weights: weightsSchema, questions: z.number(), rows: z.array(leaderboardRowSchema) });
export type Leaderboard = z.infer<typeof leaderboardSchema>;
