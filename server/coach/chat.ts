/** One call to an OpenAI-compatible chat endpoint (POST {base}/chat/completions), with a timeout. */
import type { ChatMessage } from './prompt.js';

export class CoachError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CoachError';
  }
}

export interface ChatOptions {
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

const redact = (text: string, key?: string) => (key ? text.split(key).join('[redacted]') : text);

/** Returns the assistant message content. Throws CoachError with a clear message (never the API key). */
export async function chat(messages: ChatMessage[], o: ChatOptions): Promise<string> {
  const url = `${o.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const timeout = AbortSignal.timeout(o.timeoutMs);
  const signal = o.signal ? AbortSignal.any([o.signal, timeout]) : timeout;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(o.apiKey ? { authorization: `Bearer ${o.apiKey}` } : {}) },
      body: JSON.stringify({ model: o.model, messages, temperature: 0.2, response_format: { type: 'json_object' } }),
      signal,
    });
  } catch (err) {
    if (o.signal?.aborted) throw o.signal.reason ?? err;
    if (timeout.aborted) throw new CoachError(`The LLM coach did not answer within ${Math.round(o.timeoutMs / 1000)} s (LLM_TIMEOUT_MS).`);
    throw new CoachError(`The LLM coach at ${o.baseUrl} could not be reached: ${redact((err as Error).message, o.apiKey)}`);
  }
  const body = await res.text().catch(() => '');
  if (res.status === 401 || res.status === 403) throw new CoachError(`The LLM endpoint rejected the API key (HTTP ${res.status}): check LLM_API_KEY.`);
  if (!res.ok) throw new CoachError(`The LLM endpoint answered HTTP ${res.status}: ${redact(body.slice(0, 200), o.apiKey)}`);
  let content: unknown;
  try {
    content = (JSON.parse(body) as { choices?: Array<{ message?: { content?: unknown } }> }).choices?.[0]?.message?.content;
  } catch {
    throw new CoachError('The LLM endpoint did not return an OpenAI-style chat completion (body is not JSON).');
  }
  if (typeof content !== 'string') throw new CoachError('The LLM endpoint returned a chat completion without message content.');
  return content;
}
