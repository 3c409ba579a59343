/** The practice history (issue 11): the owner's own answers, filtered and searched. */
import { z } from 'zod';
import { answerStatus } from './answers.js';

const isoDate = z.iso.date({ message: 'use a real date as YYYY-MM-DD' });

export const historyQuery = z
  .object({
    questionId: z.string().max(100).optional(),
    category: z.string().max(50).optional(),
    /** First day included (UTC, YYYY-MM-DD). */
    from: isoDate.optional(),
    /** Last day included (UTC, YYYY-MM-DD). */
    to: isoDate.optional(),
    /** Words to find in the transcripts (all of them, any order, case-insensitive). */
    q: z.string().trim().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: '"from" must not be after "to"', path: ['from'] });
export type HistoryQuery = z.input<typeof historyQuery>;

export const historyItem = z.object({
  id: z.string(),
  questionId: z.string().nullable(),
  questionText: z.string(),
  category: z.string().nullable(),
  status: answerStatus,
  createdAt: z.string(),
  durationSec: z.number(),
  scores: z.record(z.string(), z.number().nullable()).nullable(),
  /** With `q`: a short piece of the transcript around the first match. */
  snippet: z.string().nullable(),
});
export type HistoryItem = z.infer<typeof historyItem>;

export const historyList = z.object({ items: z.array(historyItem), total: z.number().int() });
export type HistoryList = z.infer<typeof historyList>;
