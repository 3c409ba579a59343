/** The question bank. */
import { z } from 'zod';

export const questionSchema = z.object({ id: z.string(), text: z.string(), category: z.string() });
export type Question = z.infer<typeof questionSchema>;

export const randomQuestionQuery = z.object({ after: z.string().max(100).optional() });

export const questionList = z.object({ items: z.array(questionSchema) });
export type QuestionList = z.infer<typeof questionList>;
