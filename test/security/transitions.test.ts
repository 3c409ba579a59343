/**
 * Issue 13: every answer state change goes through AnswerService.transition (write + publish together), so a
 * live viewer (the server-sent events of /api/answers/:id/events are fed by the event bus) sees the changes
 * made by reconcile() after a crash and by the abort re-queue path at shutdown, which used to be silent.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AnswerEvent } from '../../server/infra/events/event-bus.js';
import { createAnalysisHandler } from '../../server/features/analysis/analysis.job.js';
import { createTestApp, multipart, type TestApp } from '../helpers/app.js';
import { makeVideo } from '../helpers/media.js';

let t: TestApp;
let video: Buffer;
beforeAll(async () => {
  t = await createTestApp({}, { worker: false });
  video = await readFile(await makeVideo(join(t.dataDir, 'v.mkv'), ['-f', 'lavfi', '-i', 'color=c=blue:size=64x48:rate=5:d=2', '-f', 'lavfi', '-i', 'sine=f=220:r=16000:d=2', '-t', '2', '-c:v', 'mjpeg', '-c:a', 'pcm_s16le']));
});
afterAll(async () => {
  await t?.close();
});

async function newAnswer(): Promise<string> {
  const { payload, headers } = multipart({ questionId: 'q-gen-01' }, { name: 'a.mkv', type: 'video/x-matroska', data: video });
  const res = await t.app.inject({ method: 'POST', url: '/api/answers', payload, headers });
  expect(res.statusCode).toBe(202);
  return res.json().id as string;
}

function watch(id: string): { events: AnswerEvent[]; stop: () => void } {
  const events: AnswerEvent[] = [];
  const stop = t.c.events.subscribe(id, (e) => events.push(e));
  return { events, stop };
}

it('reconcile() after a crash publishes the answer going back to the queue', async () => {
  const id = await newAnswer();
  // A crash mid-analysis: the row says processing, the job is gone.
  await t.c.database.db.deleteFrom('jobs').where('answer_id', '=', id).execute();
  await t.c.answerRepo.setState(id, { status: 'processing', stage: 'transcribing', progress: 0.4 });
  const w = watch(id);
  expect(await t.c.answers.reconcile()).toBeGreaterThanOrEqual(1);
  w.stop();
  expect(w.events).toContainEqual(expect.objectContaining({ answerId: id, status: 'queued', stage: 'queued', progress: 0 }));
  expect((await t.c.answers.get(id)).status).toBe('queued');
});

it('an analysis aborted at shutdown publishes the answer going back to the queue', async () => {
  const id = await newAnswer();
  let markStarted = () => {};
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  const handler = createAnalysisHandler({
    answers: t.c.answerRepo,
    states: t.c.answers,
    storage: t.c.storage,
    // An engine that runs until it is told to stop, as a long analysis at shutdown.
    engine: {
      name: 'slow',
      analyze: (_input, onProgress, signal) =>
        new Promise((_resolve, reject) => {
          onProgress({ stage: 'transcribing', progress: 0.3 });
          markStarted();
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
        }),
    },
    log: { info: () => {}, warn: () => {} },
    progressWriteMs: 0,
  });
  const w = watch(id);
  const ac = new AbortController();
  const run = handler({ id: 'job-1', answerId: id, kind: 'analyze', attempt: 1, maxAttempts: 3 }, ac.signal);
  await started;
  ac.abort(new Error('shutting down'));
  await expect(run).rejects.toThrow(/shutting down/);
  w.stop();
  expect(w.events.map((e) => `${e.status}/${e.stage}`)).toEqual(['processing/starting', 'processing/transcribing', 'queued/queued']);
  expect((await t.c.answers.get(id)).status).toBe('queued');
});

it('the admin queue retry goes through the same transition', async () => {
  const id = await newAnswer();
  const job = await t.c.database.db.selectFrom('jobs').select('id').where('answer_id', '=', id).executeTakeFirstOrThrow();
  await t.c.database.db.updateTable('jobs').set({ status: 'failed', last_error: 'boom' }).where('id', '=', job.id).execute();
  await t.c.answerRepo.setState(id, { status: 'failed', stage: 'failed', progress: 0, error: 'boom' });
  const w = watch(id);
  expect(await t.c.answers.retryJob(job.id, id)).toBe(true);
  w.stop();
  expect(w.events).toEqual([expect.objectContaining({ status: 'queued', stage: 'queued', error: null })]);
});
