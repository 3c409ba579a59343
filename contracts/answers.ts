/** The practice answers API: upload, one answer with its live status and report, history, events. */
import { z } from 'zod';
import { reportSchema } from './report.js';
import { ANSWER_STATUSES } from './statuses.js';

export const answerStatus = z.enum(ANSWER_STATUSES);

export const answerParams = z.object({ id: z.string().min(1).max(100) });

/** POST /api/answers (and retry): 202 with the id to follow. */
export const answerAccepted = z.object({ id: z.string() });
export type AnswerAccepted = z.infer<typeof answerAccepted>;

/** GET /api/answers/:id: status, progress and (when done) the report. */
export const answerSchema = z.object({
  id: z.string(),
  status: answerStatus,
  /** The analysis stage being run (e.g. "transcribe"), null before it starts. */
  stage: z.string().nullable(),
  /** 0..1 */
  progress: z.number(),
  report: reportSchema.nullable(),
  /** Why the analysis failed, meant for the user. */
  error: z.string().nullable(),
  questionId: z.string().nullable(),
  questionText: z.string(),
  createdAt: z.string(),
  durationSec: z.number(),
  videoUrl: z.string(),
});
export type Answer = z.infer<typeof answerSchema>;

/** One `event: status` of GET /api/answers/:id/events: the answer without its report (fetch it when settled). */
export const answerEventSchema = answerSchema.omit({ report: true });
export type AnswerEvent = z.infer<typeof answerEventSchema>;

export const answerListQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });

/** A line of the history: the score values only (keys are score names, see contracts/scores.ts). */
export const answerSummarySchema = z.object({
  id: z.string(),
  questionText: z.string(),
  status: answerStatus,
  createdAt: z.string(),
  durationSec: z.number(),
  scores: z.record(z.string(), z.number().nullable()).nullable(),
});
export type AnswerSummary = z.infer<typeof answerSummarySchema>;

export const answerList = z.object({ items: z.array(answerSummarySchema) });
export type AnswerList = z.infer<typeof answerList>;
