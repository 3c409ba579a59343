/** Reviewers rate answers on a rubric and may override an automated score; a candidate's full record for review. */
import { z } from 'zod';
import { answerSchema } from './answers.js';
import { candidateParams, candidateSchema, decisionRecord } from './candidates.js';
import { resourceId } from './ids.js';
import { rubricCriterionSchema } from './interviews.js';
import { inviteSchema } from './invites.js';
import { SCORE_NAMES } from './scores.js';

export { type Criterion, RUBRIC } from './rubric.js';

export const candidateAnswerParams = candidateParams.extend({ answerId: resourceId });

/** Ratings 1-5 by criterion key: the question's own rubric, or the default (relevance, structure, communication). */
export const reviewBody = z.object({ ratings: z.record(z.string().max(40), z.number().int().min(1).max(5)), comment: z.string().max(5000).default('') });
export type ReviewInput = z.input<typeof reviewBody>;
export const overrideBody = z.object({ metric: z.enum(SCORE_NAMES), value: z.number().min(0).max(100), reason: z.string().trim().min(1).max(2000) });
export type OverrideInput = z.input<typeof overrideBody>;

export const reviewSchema = z.object({ reviewerId: z.string(), reviewer: z.string(), ratings: z.record(z.string(), z.number()), comment: z.string(), updatedAt: z.string() });
export type Review = z.infer<typeof reviewSchema>;

/** An override of an automated score; the last one per metric is in force, the original stays visible. */
export const scoreOverrideSchema = z.object({ metric: z.string(), originalValue: z.number().nullable(), value: z.number(), reason: z.string(), by: z.string(), at: z.string() });
export type ScoreOverride = z.infer<typeof scoreOverrideSchema>;

/** A comment pinned to a moment of the answer's video. */
export const commentBody = z.object({
  atSec: z
    .number()
    .min(0)
    .max(24 * 3600),
  text: z.string().trim().min(1).max(2000),
});
export type CommentInput = z.input<typeof commentBody>;
export const commentSchema = z.object({ id: z.string(), atSec: z.number(), text: z.string(), by: z.string(), at: z.string() });
export type Comment = z.infer<typeof commentSchema>;

/** One question of the interview for one candidate: their answer (null before they answer), reviews and overrides. */
export const candidateAnswerSchema = z.object({
  questionId: z.string(),
  questionText: z.string(),
  position: z.number(),
  /** This question's rubric: criteria with anchored descriptions of each level 1-5. */
  rubric: z.array(rubricCriterionSchema),
  answer: answerSchema.nullable(),
  reviews: z.array(reviewSchema),
  overrides: z.array(scoreOverrideSchema),
  comments: z.array(commentSchema),
  /** Per score name: the latest override, else the automated value (null: not measured). */
  scoresInForce: z.record(z.string(), z.number().nullable()),
});
export type CandidateAnswer = z.infer<typeof candidateAnswerSchema>;

/** GET /api/admin/interviews/:id/candidates/:candidateId */
export const candidateDetailSchema = z.object({
  candidate: candidateSchema,
  invites: z.array(inviteSchema),
  decisions: z.array(decisionRecord),
  answers: z.array(candidateAnswerSchema),
  rubric: z.array(z.string()),
  /**
   * Blind review: true while this reviewer has not rated any of the candidate's answers; the name, email and group
   * are then withheld ("Candidate 1a2b3c") and other reviewers' ratings hidden, so neither sways the first rating.
   */
  blind: z.boolean(),
  /** Every reviewer's mean rating (1-5), their average and spread: the basis of the rank (hidden while blind). */
  reviewSummary: z.object({
    average: z.number().nullable(),
    spread: z.number().nullable(),
    reviewers: z.array(z.object({ reviewerId: z.string(), reviewer: z.string(), average: z.number(), ratings: z.number() })),
  }),
});
export type CandidateDetail = z.infer<typeof candidateDetailSchema>;
