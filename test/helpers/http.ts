/** Small fetch helpers against a running server. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

export async function uploadAnswer(baseUrl: string, file: string, questionId = 'q-gen-01'): Promise<{ status: number; body: { id?: string; code?: string; message?: string } }> {
  const form = new FormData();
  form.append('questionId', questionId);
  form.append('video', new Blob([await readFile(file)], { type: file.endsWith('.mp4') ? 'video/mp4' : 'video/webm' }), basename(file));
  const res = await fetch(`${baseUrl}/api/answers`, { method: 'POST', body: form });
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
  const res = await fetch(`${baseUrl}/api/answers/${id}`);
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
