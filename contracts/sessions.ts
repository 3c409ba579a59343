/**
 * Mock interviews: a session of 3-10 questions answered back to back, each answer analysed while the next is
 * recorded, and a session report summing up across the answers (docs/mock-interviews.md).
 */
import { z } from 'zod';
import { answerStatus } from './answers.js';
import { questionRoleSchema, questionTypeSchema } from './questions.js';

/** Extra time (accessibility): a percentage added to the think time and the answer limit. */
export const EXTRA_TIME_PCTS = [0, 25, 50, 100] as const;

export const createSessionBody = z
  .object({
    /** How many questions (3-10); with a set, at most the set's size. */
    count: z.number().int().min(3, 'a mock interview has at least 3 questions').max(10, 'a mock interview has at most 10 questions').default(5),
    /** Questions for this role (plus questions for any role). */
    role: questionRoleSchema.exclude(['any']).optional(),
    /** Questions from these categories only. */
    categories: z.array(z.string().trim().toLowerCase().min(1).max(40)).max(20).optional(),
    /** One of the user's question sets, in its order (instead of role and categories). */
    setId: z.string().min(1).max(100).optional(),
    /** Pasted job description: stored with the session and given to each answer's analysis for the relevance check. */
    jobDescription: z.string().trim().max(10_000, 'the job description can be at most 10,000 characters').optional(),
    /** Seconds to read and think before each answer (before extra time). */
    thinkTimeSec: z.number().int().min(0).max(300).default(30),
    /** Longest answer in seconds (before extra time). */
    answerTimeSec: z.number().int().min(30, 'answers need at least 30 seconds').max(600).default(120),
    extraTimePct: z.union(EXTRA_TIME_PCTS.map((p) => z.literal(p)) as [z.ZodLiteral<0>, z.ZodLiteral<25>, z.ZodLiteral<50>, z.ZodLiteral<100>]).default(0),
    /** Answer without a camera: record the microphone only. */
    audioOnly: z.boolean().default(false),
  })
  .refine((b) => !(b.setId && (b.role || b.categories?.length)), { message: 'choose a question set or a role and categories, not both', path: ['setId'] });
export type CreateSessionBody = z.input<typeof createSessionBody>;

export const sessionParams = z.object({ id: z.string().min(1).max(100) });
export const sessionItemParams = z.object({ id: z.string().min(1).max(100), position: z.coerce.number().int().min(1).max(10) });

/** The state of the answer recorded for one question of the session. */
export const sessionAnswerSchema = z.object({
  id: z.string(),
  status: answerStatus,
  stage: z.string().nullable(),
  progress: z.number(),
  error: z.string().nullable(),
  durationSec: z.number(),
  audioOnly: z.boolean(),
});
export type SessionAnswer = z.infer<typeof sessionAnswerSchema>;

export const sessionItemSchema = z.object({
  /** 1-based. */
  position: z.number(),
  questionId: z.string().nullable(),
  questionText: z.string(),
  questionType: questionTypeSchema,
  category: z.string(),
  answer: sessionAnswerSchema.nullable(),
});
export type SessionItem = z.infer<typeof sessionItemSchema>;

/** One measure followed across the session's analysed answers. */
export const measureTrendSchema = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.string(),
  /** Which way is better: a higher or lower value, or staying inside `band`. */
  better: z.enum(['higher', 'lower', 'band']),
  band: z.object({ low: z.number().nullable(), high: z.number().nullable(), source: z.string() }).nullable(),
  /** One point per question, in order; null when that answer is not analysed or the measure was not measured. */
  points: z.array(z.object({ position: z.number(), value: z.number().nullable() })),
  first: z.number().nullable(),
  last: z.number().nullable(),
  mean: z.number().nullable(),
  /** first -> last, judged by `better`; null with fewer than two measured answers. */
  direction: z.enum(['improved', 'worse', 'steady']).nullable(),
  /** The figures the direction came from, as a sentence. */
  evidence: z.string(),
});
export type MeasureTrend = z.infer<typeof measureTrendSchema>;

export const answerRankSchema = z.object({
  position: z.number(),
  answerId: z.string(),
  questionText: z.string(),
  /** Mean of the answer's measured 0-100 scores (unmeasured ones are left out, never counted as zero). */
  meanScore: z.number(),
  scoresUsed: z.number(),
  evidence: z.string(),
});
export type AnswerRank = z.infer<typeof answerRankSchema>;

export const practiseNextSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** Why, from the figures. */
  reason: z.string(),
  tip: z.string(),
});
export type PractiseNext = z.infer<typeof practiseNextSchema>;

export const sessionSummarySchema = z.object({
  total: z.number(),
  analysed: z.number(),
  measures: z.array(measureTrendSchema),
  strongest: answerRankSchema.nullable(),
  weakest: answerRankSchema.nullable(),
  practiseNext: z.array(practiseNextSchema),
  /** What the summary could not use, and why (failed analyses, audio-only answers, unmeasured scores). */
  notes: z.array(z.string()),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

export const sessionStatus = z.enum(['recording', 'analysing', 'complete']);
export type SessionStatus = z.infer<typeof sessionStatus>;

export const sessionSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  role: questionRoleSchema.nullable(),
  categories: z.array(z.string()),
  setId: z.string().nullable(),
  jobDescription: z.string().nullable(),
  thinkTimeSec: z.number(),
  answerTimeSec: z.number(),
  extraTimePct: z.number(),
  /** Think time and answer limit with the extra time added: what the recording flow uses. */
  effectiveThinkSec: z.number(),
  effectiveAnswerSec: z.number(),
  audioOnly: z.boolean(),
  /** recording: questions left to answer; analysing: all answered, analyses running; complete: every analysis settled. */
  status: sessionStatus,
  items: z.array(sessionItemSchema),
  /** Across the analysed answers; null until one is analysed. */
  summary: sessionSummarySchema.nullable(),
});
export type Session = z.infer<typeof sessionSchema>;

export const sessionListItem = sessionSchema.pick({ id: true, createdAt: true, role: true, categories: true, status: true }).extend({ total: z.number(), answered: z.number() });
export const sessionList = z.object({ items: z.array(sessionListItem) });
export type SessionList = z.infer<typeof sessionList>;
