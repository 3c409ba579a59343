/** Small fetch helpers against a running server. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

/**
 * One practice owner per server, like one browser: answers belong to the anonymous identity in the
 * `ia_practice` cookie (issue 11), so the helpers below keep the cookie the server sets and send it back.
 */
const jars = new Map<string, string>();

/** The `cookie` header of this helper's practice owner on `baseUrl` (empty before its first upload). */
export function practiceCookie(baseUrl: string): Record<string, string> {
  const c = jars.get(new URL(baseUrl).host);
  return c ? { cookie: c } : {};
}

/** Makes `value` this helper's practice identity on `baseUrl` (for a request sent without the helpers); returns the cookie header. */
export function setPracticeCookie(baseUrl: string, value: string): string {
  jars.set(new URL(baseUrl).host, `ia_practice=${value}`);
  return `ia_practice=${value}`;
}

/** Remembers the `ia_practice` cookie a response sets. */
export function keepPracticeCookie(baseUrl: string, res: Response): void {
  for (const line of res.headers.getSetCookie()) {
    const m = /^(ia_practice=[^;]+)/.exec(line);
    if (m?.[1]) jars.set(new URL(baseUrl).host, m[1]);
  }
}

export async function uploadAnswer(baseUrl: string, file: string, questionId = 'q-gen-01'): Promise<{ status: number; body: { id?: string; code?: string; message?: string } }> {
  const form = new FormData();
  form.append('questionId', questionId);
  form.append('video', new Blob([await readFile(file)], { type: file.endsWith('.mp4') ? 'video/mp4' : 'video/webm' }), basename(file));
  const res = await fetch(`${baseUrl}/api/answers`, { method: 'POST', body: form, headers: practiceCookie(baseUrl) });
  keepPracticeCookie(baseUrl, res);
  return { status: res.status, body: (await res.json()) as { id?: string } };
}

export interface AnswerState {
  id: string;
  status: 'queued' | 'processing' | 'done' | 'failed';
  stage: string | null;
  progress: number;
  error: string | null;
  report: Record<string, unknown> | null;
}

export async function getAnswer(baseUrl: string, id: string): Promise<AnswerState> {
  const res = await fetch(`${baseUrl}/api/answers/${id}`, { headers: practiceCookie(baseUrl) });
  if (!res.ok) throw new Error(`GET answer ${id}: ${res.status} ${await res.text()}`);
  return (await res.json()) as AnswerState;
}

/** Polls until `pred` holds for the answer, or throws after `timeoutMs`. */
export async function waitForAnswer(baseUrl: string, id: string, pred: (a: AnswerState) => boolean, timeoutMs = 120_000, everyMs = 100): Promise<AnswerState> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const a = await getAnswer(baseUrl, id);
    if (pred(a)) return a;
    if (Date.now() > end) throw new Error(`answer ${id} still ${a.status}/${a.stage} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
