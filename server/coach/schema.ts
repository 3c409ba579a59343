/** The coach's reply (as the LLM writes it) and the CoachSection stored in the report as `coach`. */
import { z } from 'zod';

const nonEmpty = z.string().trim().min(1);
const starPart = z.object({ present: z.boolean(), quote: z.string().nullable() });

/** What the LLM must answer (snake_case JSON, described in the prompt). */
export const llmReplySchema = z.object({
  key_points: z.array(nonEmpty).min(1),
  relevance: z.object({ addresses_question: z.boolean(), explanation: nonEmpty }),
  star: z.object({ situation: starPart, task: starPart, action: starPart, result: starPart }),
  tips: z.array(nonEmpty).min(2).max(3),
  /** A stronger version of the answer in the candidate's own facts (optional: older prompts and small models may omit it). */
  rewrite: z.string().trim().nullable().optional(),
  /** Questions an interviewer would likely ask next. */
  follow_up_questions: z.array(nonEmpty).max(3).optional(),
});
export type LlmReply = z.infer<typeof llmReplySchema>;

export const STAR_PARTS = ['situation', 'task', 'action', 'result'] as const;

export interface StarPart {
  present: boolean;
  /** The candidate's words the model quoted, or null. */
  quote: string | null;
  /** True when the quote was found in the transcript (case and spacing ignored); false means paraphrased or invented. */
  quoteInTranscript: boolean | null;
}

export interface CoachSection {
  /** Always labelled: this is a language model's reading of the transcript, not a measurement. */
  source: string;
  model: string;
  keyPoints: string[];
  relevance: { addressesQuestion: boolean; explanation: string };
  star: Record<(typeof STAR_PARTS)[number], StarPart>;
  tips: string[];
  /** The model's suggested rewrite of the answer, null when it gave none. A suggestion, not a measurement. */
  rewrite: string | null;
  /** Follow-up questions an interviewer might ask next (0-3). */
  followUpQuestions: string[];
  timingMs: number;
}

const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}']+/gu, ' ').trim();

export function toCoachSection(reply: LlmReply, transcript: string, model: string, timingMs: number): CoachSection {
  const text = norm(transcript);
  const part = (p: LlmReply['star']['situation']): StarPart => {
    const quote = p.quote && p.quote.trim() ? p.quote.trim() : null;
    return { present: p.present, quote, quoteInTranscript: quote ? text.includes(norm(quote)) : null };
  };
  return {
    source: `LLM coach (${model}), a language model's reading of the transcript`,
    model,
    keyPoints: reply.key_points,
    relevance: { addressesQuestion: reply.relevance.addresses_question, explanation: reply.relevance.explanation },
    star: { situation: part(reply.star.situation), task: part(reply.star.task), action: part(reply.star.action), result: part(reply.star.result) },
    tips: reply.tips,
    rewrite: reply.rewrite?.trim() ? reply.rewrite.trim() : null,
    followUpQuestions: reply.follow_up_questions ?? [],
    timingMs,
  };
}
