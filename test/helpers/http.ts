/** Small fetch helpers against a running server. */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

/**
 * Answers belong to their practice owner (issue 11), the anonymous identity in the `ia_practice` cookie. The
 * helpers of one test process act as one browser: they send one random 256-bit secret of their own to every
 * server (so concurrent uploads, restarts and several API processes on one database all see the same owner).
 */
let helperSecret = randomBytes(32).toString('base64url');

/** The `cookie` header of this helper's practice owner. */
export function practiceCookie(_baseUrl?: string): Record<string, string> {
  return { cookie: `ia_practice=${helperSecret}` };
}

/** Makes `value` this helper's practice identity from now on; returns the cookie header value. */
export function setPracticeCookie(_baseUrl: string, value: string): string {
  helperSecret = value;
  return `ia_practice=${value}`;
}

/** Follows a server that hands out another identity (it should not: the helpers always send theirs). */
export function keepPracticeCookie(_baseUrl: string, res: Response): void {
  for (const line of res.headers.getSetCookie()) {
    const m = /^ia_practice=([^;]+)/.exec(line);
    if (m?.[1]) helperSecret = m[1];
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
