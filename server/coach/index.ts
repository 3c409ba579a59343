/**
 * Optional LLM coach (off unless LLM_BASE_URL is set): any OpenAI-compatible chat endpoint (Ollama, llama.cpp server,
 * a hosted one) reviews the transcript and the measured metrics of a Report: key points, relevance, STAR coverage
 * with quotes, 2-3 tips. The reply is JSON validated with zod; one retry on invalid JSON, then a clear error.
 * The lead stores the result in the report as `coach`.
 */
import { z } from 'zod';
import type { Report } from '../analysis/report.js';
import { chat, CoachError, type ChatOptions } from './chat.js';
import { buildMessages, type ChatMessage } from './prompt.js';
import { llmReplySchema, toCoachSection, type CoachSection, type LlmReply } from './schema.js';

export { CoachError } from './chat.js';
export type { CoachSection, StarPart } from './schema.js';

export interface Coach {
  readonly model: string;
  review(report: Report, signal?: AbortSignal): Promise<CoachSection>;
}

const envSchema = z.object({
  LLM_BASE_URL: z.url({ error: 'LLM_BASE_URL must be a URL such as http://127.0.0.1:11434/v1' }),
  LLM_MODEL: z.string({ error: 'LLM_MODEL is required when LLM_BASE_URL is set' }).trim().min(1, 'LLM_MODEL is required when LLM_BASE_URL is set'),
  LLM_API_KEY: z.string().optional(),
  LLM_TIMEOUT_MS: z.coerce.number({ error: 'LLM_TIMEOUT_MS must be a number of milliseconds' }).int().positive('LLM_TIMEOUT_MS must be positive').default(60_000),
});

/** Parse the first JSON object in the reply (models sometimes wrap it in ``` fences), validated with zod. */
export function parseCoachReply(text: string): { ok: true; reply: LlmReply } | { ok: false; problem: string } {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return { ok: false, problem: 'the reply contains no JSON object' };
  let json: unknown;
  try {
    json = JSON.parse(text.slice(start, end + 1));
  } catch (e) {
    return { ok: false, problem: `the JSON does not parse (${(e as Error).message})` };
  }
  const r = llmReplySchema.safeParse(json);
  if (!r.success) return { ok: false, problem: r.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
  return { ok: true, reply: r.data };
}

/** null when LLM_BASE_URL is unset (the coach is off). Throws a clear Error for bad settings. */
export function createCoach(env: Record<string, string | undefined>): Coach | null {
  if (!env.LLM_BASE_URL?.trim()) return null;
  const r = envSchema.safeParse({ ...env, LLM_API_KEY: env.LLM_API_KEY || undefined, LLM_TIMEOUT_MS: env.LLM_TIMEOUT_MS || undefined });
  if (!r.success) throw new Error(`Invalid LLM coach settings: ${r.error.issues.map((i) => i.message).join('; ')}`);
  const base: Omit<ChatOptions, 'signal'> = { baseUrl: r.data.LLM_BASE_URL, model: r.data.LLM_MODEL, apiKey: r.data.LLM_API_KEY, timeoutMs: r.data.LLM_TIMEOUT_MS };

  return {
    model: base.model,
    async review(report, signal) {
      const transcript = report.transcript?.text.trim() ?? '';
      if (!transcript) throw new CoachError('The LLM coach needs a transcript, and this report has none.');
      const t0 = Date.now();
      const messages: ChatMessage[] = buildMessages(report);
      let problem = '';
      for (let attempt = 1; attempt <= 2; attempt++) {
        const text = await chat(messages, { ...base, signal });
        const parsed = parseCoachReply(text);
        if (parsed.ok) return toCoachSection(parsed.reply, transcript, base.model, Date.now() - t0);
        problem = parsed.problem;
        messages.push(
          { role: 'assistant', content: text },
          { role: 'user', content: `That reply is not valid: ${problem}. Answer again with only the JSON object in the required format.` },
        );
      }
      throw new CoachError(`The LLM coach (${base.model}) returned invalid JSON twice (${problem}).`);
    },
  };
}
