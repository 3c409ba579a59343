/** The question bank, the practice user's own questions and question sets. */
import { z } from 'zod';

/**
 * What kind of answer a question asks for. Drives the expected answer length and whether STAR structure
 * is checked (behavioural). The question bank (mock interviews) stores one per question; the content
 * analysis reads it.
 */
export const questionTypes = ['behavioural', 'situational', 'technical', 'motivation', 'general'] as const;
export const questionTypeSchema = z.enum(questionTypes);
export type QuestionType = z.infer<typeof questionTypeSchema>;

/** Roles the bank has questions for; 'any' marks a question that suits every role. */
export const questionRoles = ['any', 'software-engineer', 'sales', 'nurse', 'graduate', 'product-manager', 'customer-service', 'teacher', 'data-analyst'] as const;
export const questionRoleSchema = z.enum(questionRoles);
export type QuestionRole = z.infer<typeof questionRoleSchema>;

/** Where a question comes from: the built-in bank, or the practice user's own ('own', visible only to its owner). */
export const questionOrigin = z.enum(['bank', 'own']);

export const questionSchema = z.object({
  id: z.string(),
  text: z.string(),
  category: z.string(),
  type: questionTypeSchema,
  roles: z.array(questionRoleSchema),
  origin: questionOrigin,
});
export type Question = z.infer<typeof questionSchema>;

export const randomQuestionQuery = z.object({ after: z.string().max(100).optional() });

const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .max(500)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(20));

/** GET /api/questions filters: categories and types are comma-separated lists; role includes the 'any' questions. */
export const questionListQuery = z.object({
  category: csv(z.string().min(1).max(40)).optional(),
  type: csv(questionTypeSchema).optional(),
  role: questionRoleSchema.exclude(['any']).optional(),
  origin: questionOrigin.optional(),
});
export type QuestionListQuery = z.infer<typeof questionListQuery>;

export const questionList = z.object({ items: z.array(questionSchema) });
export type QuestionList = z.infer<typeof questionList>;

/** GET /api/questions/facets: what the filters can take, with how many questions each matches (bank + own). */
export const questionFacets = z.object({
  categories: z.array(z.object({ id: z.string(), count: z.number() })),
  types: z.array(z.object({ id: questionTypeSchema, count: z.number() })),
  roles: z.array(z.object({ id: questionRoleSchema, label: z.string(), count: z.number() })),
});
export type QuestionFacets = z.infer<typeof questionFacets>;

export const questionParams = z.object({ id: z.string().min(1).max(100) });

const questionText = z.string().trim().min(10, 'a question needs at least 10 characters').max(500, 'a question can be at most 500 characters');
const categoryName = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9 -]*$/, 'a category is letters, digits, spaces and dashes');

/** POST /api/questions (and PATCH with every field optional): one of the user's own questions. */
export const ownQuestionBody = z.object({
  text: questionText,
  category: categoryName.default('own'),
  type: questionTypeSchema.default('general'),
  roles: z.array(questionRoleSchema).max(questionRoles.length).default(['any']),
});
export type OwnQuestionBody = z.input<typeof ownQuestionBody>;
export const ownQuestionPatch = z.object({
  text: questionText.optional(),
  category: categoryName.optional(),
  type: questionTypeSchema.optional(),
  roles: z.array(questionRoleSchema).max(questionRoles.length).optional(),
});
export type OwnQuestionPatch = z.infer<typeof ownQuestionPatch>;

/** A question set: an ordered list of questions (bank or own) a practice user keeps for mock interviews. */
export const questionSetSchema = z.object({
  id: z.string(),
  name: z.string(),
  questions: z.array(questionSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type QuestionSet = z.infer<typeof questionSetSchema>;

export const questionSetBody = z.object({
  name: z.string().trim().min(1, 'give the set a name').max(80),
  questionIds: z.array(z.string().min(1).max(100)).min(1, 'a set needs at least one question').max(50, 'a set can hold at most 50 questions'),
});
export type QuestionSetBody = z.infer<typeof questionSetBody>;
export const questionSetPatch = questionSetBody.partial();

export const questionSetList = z.object({ items: z.array(questionSetSchema) });
export type QuestionSetList = z.infer<typeof questionSetList>;

export const roleLabels: Record<QuestionRole, string> = {
  any: 'Any role',
  'software-engineer': 'Software engineer',
  sales: 'Sales',
  nurse: 'Nurse',
  graduate: 'Graduate',
  'product-manager': 'Product manager',
  'customer-service': 'Customer service',
  teacher: 'Teacher',
  'data-analyst': 'Data analyst',
};
