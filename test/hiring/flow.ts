/** Drives the candidate side for tests: consent, then every question in order, then waits for the analyses. */
import { readFile } from 'node:fs/promises';
import { multipart } from '../helpers/app.js';
import { fixture } from '../helpers/fixtures.js';
import type { Client, HiringApp } from './helpers.js';
import { addCandidate, invite } from './helpers.js';

export async function candidateAnswers(t: HiringApp, admin: Client, interviewId: string, candidate: Record<string, unknown>, file = 'short.webm'): Promise<{ id: string; answerIds: string[] }> {
  const { id } = await addCandidate(admin, interviewId, candidate);
  const { token } = await invite(admin, interviewId, id);
  await t.app.inject({ method: 'POST', url: `/api/invite/${token}/consent`, payload: { accept: true } });
  const data = await readFile(fixture(file));
  for (;;) {
    const view = (await t.app.inject({ method: 'GET', url: `/api/invite/${token}` })).json() as { nextQuestionId: string | null };
    if (!view.nextQuestionId) break;
    const res = await t.app.inject({ method: 'POST', url: `/api/invite/${token}/answers`, ...multipart({ questionId: view.nextQuestionId }, { name: file, type: 'video/webm', data }) });
    if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${res.body}`);
  }
  const rows = await t.c.database.db.selectFrom('candidate_answers').select('answer_id').where('candidate_id', '=', id).orderBy('created_at').execute();
  const answerIds = rows.map((r) => r.answer_id);
  for (const a of answerIds) await waitSettled(t, a);
  return { id, answerIds };
}

export async function waitSettled(t: HiringApp, answerId: string, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const a = await t.c.answers.get(answerId);
    if (a.status === 'done' || a.status === 'failed') {
      if (a.status === 'failed') throw new Error(`analysis failed: ${a.error}`);
      return;
    }
    if (Date.now() > end) throw new Error(`answer ${answerId} still ${a.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Gives a finished answer automated scores, as a full engine would (the quick engine measures none). */
export async function setScores(t: HiringApp, answerId: string, scores: Record<string, number | null>): Promise<void> {
  const a = await t.c.answers.get(answerId);
  const report = structuredClone(a.report!);
  for (const [k, v] of Object.entries(scores)) (report.scores as Record<string, { value: number | null }>)[k]!.value = v;
  await t.c.answerRepo.setState(answerId, { status: 'done', stage: 'done', progress: 1, reportJson: JSON.stringify(report) });
}
