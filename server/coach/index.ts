/**
 * Optional LLM coach (off unless LLM_BASE_URL is set): any OpenAI-compatible chat endpoint (Ollama, llama.cpp server,
 * a hosted one) reviews the transcript and the measured metrics of a Report: key points, relevance, STAR coverage
 * with quotes, 2-3 tips. The reply is JSON validated with zod; one retry on invalid JSON, then a clear error.
 * The lead stores the result in the report as `coach`.
 */
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

/** LLM_BASE_URL, LLM_MODEL, LLM_API_KEY and LLM_TIMEOUT_MS, parsed in server/config.ts (`config.coach`). */
export interface CoachSettings {
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs: number;
}

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

/** null when the coach is off (`config.coach` is null: LLM_BASE_URL unset). */
export function createCoach(settings: CoachSettings | null): Coach | null {
  if (!settings) return null;
  const base: Omit<ChatOptions, 'signal'> = { baseUrl: settings.baseUrl, model: settings.model, apiKey: settings.apiKey || undefined, timeoutMs: settings.timeoutMs };

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
