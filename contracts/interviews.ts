/** Interviews: an ordered question set with time limits, consent text, retention and ranking weights. */
import { z } from 'zod';
import { resourceId } from './ids.js';
import { METRICS, type Metric } from './scores.js';

export const interviewParams = z.object({ id: resourceId });

export const metricSchema = z.enum(METRICS);
/** The weights in force: one per metric (0 leaves it out of the total). */
export const weightsSchema = z.record(metricSchema, z.number());
export type Weights = z.infer<typeof weightsSchema>;
/** Weights as sent or stored: any subset, each 0-100; the others keep their default. */
export const weightsInput = z.object(Object.fromEntries(METRICS.map((m) => [m, z.number().min(0).max(100).optional()])) as Record<Metric, z.ZodOptional<z.ZodNumber>>).strict();

/** A criterion of a question's own rubric: what each level 1 to 5 looks like, so a "4" means the same to every reviewer. */
export const rubricCriterionSchema = z.object({
  key: z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, 'key: a short name such as "relevance" (letters, digits, _)'),
  label: z.string().trim().min(1).max(80),
  anchors: z.tuple([z.string().trim().min(1).max(300), z.string().trim().min(1).max(300), z.string().trim().min(1).max(300), z.string().trim().min(1).max(300), z.string().trim().min(1).max(300)]),
});
export const questionRubricSchema = z
  .array(rubricCriterionSchema)
  .min(1)
  .max(8)
  .refine((cs) => new Set(cs.map((c) => c.key)).size === cs.length, 'rubric: each criterion key once');

/** A question of a new interview: one from the bank (questionId) or a new one (text). */
export const interviewQuestionInput = z.object({
  questionId: z.string().min(1).max(100).optional(),
  text: z.string().min(1).max(1000).optional(),
  thinkTimeSec: z.number().int().min(0).max(600).default(30),
  answerTimeSec: z.number().int().min(10).max(1800).default(120),
  retakes: z.number().int().min(0).max(10).default(1),
  /** This question's rubric; omitted: the default rubric (relevance, structure, communication). */
  rubric: questionRubricSchema.optional(),
});

/** What the candidate sees first: the company's name, its logo (an https URL or a path on this server) and a short introduction. */
export const brandSchema = z.object({
  company: z.string().trim().max(120).default(''),
  logoUrl: z
    .string()
    .trim()
    .max(2000)
    .refine((u) => u === '' || /^https:\/\/[^\s"'<>]+$/.test(u) || /^\/[^\s"'<>]*$/.test(u), 'logoUrl: an https:// URL or a path on this server')
    .default(''),
  intro: z.string().trim().max(5000).default(''),
});
export type Brand = z.infer<typeof brandSchema>;

export const interviewPatch = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().max(10_000),
    consentText: z.string().max(10_000).optional(),
    retentionDays: z.number().int().min(1).max(36_500).nullable().optional(),
    weights: weightsInput.nullable().optional(),
    brand: brandSchema.nullable().optional(),
    questions: z.array(interviewQuestionInput).min(1).max(50),
  })
  .partial();
export type InterviewPatch = z.input<typeof interviewPatch>;
export const interviewCreate = interviewPatch.required({ title: true, questions: true }).extend({ description: z.string().max(10_000).default('') });
export type InterviewCreate = z.input<typeof interviewCreate>;

export const interviewQuestionSchema = z.object({
  questionId: z.string(),
  text: z.string(),
  category: z.string(),
  position: z.number(),
  thinkTimeSec: z.number(),
  answerTimeSec: z.number(),
  retakes: z.number(),
  rubric: z.array(rubricCriterionSchema),
});
export type InterviewQuestion = z.infer<typeof interviewQuestionSchema>;

const interviewFields = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  consentText: z.string(),
  retentionDays: z.number().nullable(),
  weights: weightsSchema,
  brand: brandSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const interviewSchema = interviewFields.extend({ questions: z.array(interviewQuestionSchema) });
export type Interview = z.infer<typeof interviewSchema>;

/** GET /api/admin/interviews: without the questions, with the number of candidates. */
export const interviewList = z.object({ items: z.array(interviewFields.extend({ candidates: z.number() })) });
export type InterviewList = z.infer<typeof interviewList>;
