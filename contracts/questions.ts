/** The question bank. */
import { z } from 'zod';

/**
 * What kind of answer a question asks for. Drives the expected answer length and whether STAR structure
 * is checked (behavioural). The question bank (mock interviews) stores one per question; the content
 * analysis reads it.
 */
export const questionTypes = ['behavioural', 'situational', 'technical', 'motivation', 'general'] as const;
export const questionTypeSchema = z.enum(questionTypes);
export type QuestionType = z.infer<typeof questionTypeSchema>;

export const questionSchema = z.object({ id: z.string(), text: z.string(), category: z.string() });
export type Question = z.infer<typeof questionSchema>;

export const randomQuestionQuery = z.object({ after: z.string().max(100).optional() });

export const questionList = z.object({ items: z.array(questionSchema) });
export type QuestionList = z.infer<typeof questionList>;
