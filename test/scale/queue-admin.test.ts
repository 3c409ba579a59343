/** The queue admin API: counts, failed jobs with their reason, retry (in-process app, embedded queue, real analysis). */
import { randomUUID } from 'node:crypto';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Container } from '../../server/container.js';
import { ADMIN, createHiringApp, type HiringApp, login } from '../hiring/helpers.js';
import { fixture } from '../helpers/fixtures.js';
import { until } from './queue-contract.js';

describe('queue admin API', () => {
  let t: HiringApp;
  let c: Container;
  let app: HiringApp['app'];
  let dataDir: string;
  let cookie: string;
  let csrf: string;
  const as = (method: 'GET' | 'POST', url: string) => app.inject({ method, url, headers: { cookie, ...(method === 'POST' ? { 'x-csrf-token': csrf } : {}) } });

  beforeAll(async () => {
    t = await createHiringApp({ JOB_MAX_ATTEMPTS: '1' }, { worker: true });
    ({ c, app, dataDir } = t);
    ({ cookie, csrf } = await login(t, ADMIN.email, ADMIN.password));
  });
  afterAll(() => t.close());

  it('shows a failed job with its reason, retries it, and the answer then finishes', async () => {
    // An answer whose video is not in storage yet: its analysis fails.
    const id = randomUUID();
    const mediaKey = `answers/${id}/answer.webm`;
    await c.answerRepo.create({ id, questionId: 'q-gen-01', questionText: 'Tell me about yourself.', mediaKey, mime: 'video/webm', sizeBytes: 1, durationSec: 3, hasAudio: true, hasVideo: true, engine: 'quick', scope: 'practice' });
    await c.queue.enqueue(id, 'analyze');
    await until(async () => (await c.answerRepo.get(id))?.status === 'failed', 60_000, 'the answer failed');

    expect((await app.inject({ method: 'GET', url: '/api/admin/queue' })).statusCode).toBe(401); // signed out
    const res = await as('GET', '/api/admin/queue');
    expect(res.statusCode).toBe(200);
    const stats = res.json() as { failed: number; queued: number; running: number; failedJobs: Array<{ id: string; answerId: string; error: string; attempts: number; state: string }> };
    expect(stats).toMatchObject({ failed: 1, queued: 0, running: 0 });
    const job = stats.failedJobs.find((j) => j.answerId === id)!;
    expect(job).toMatchObject({ state: 'failed', attempts: 1 });
    expect(job.error.length).toBeGreaterThan(0);

    // Fix the cause (the video arrives), then retry from the admin API.
    const tmp = join(dataDir, 'tmp', `copy-${id}.webm`);
    await copyFile(fixture('short.webm'), tmp);
    await c.storage.putFile(mediaKey, tmp);
    const noCsrf = await app.inject({ method: 'POST', url: `/api/admin/queue/jobs/${encodeURIComponent(job.id)}/retry`, headers: { cookie } });
    expect(noCsrf.statusCode).toBe(403);
    const retry = await as('POST', `/api/admin/queue/jobs/${encodeURIComponent(job.id)}/retry`);
    expect(retry.statusCode).toBe(202);
    expect(retry.json()).toMatchObject({ id: job.id, answerId: id });
    await until(async () => (await c.answerRepo.get(id))?.status === 'done', 60_000, 'the retried answer done');
    const after = (await as('GET', '/api/admin/queue')).json() as { failed: number; done: number };
    expect(after).toMatchObject({ failed: 0, done: 1 });

    // Not failed any more: 409; unknown: 404.
    expect((await as('POST', `/api/admin/queue/jobs/${encodeURIComponent(job.id)}/retry`)).statusCode).toBe(409);
    const missing = await as('POST', '/api/admin/queue/jobs/nope/retry');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'JOB_NOT_FOUND' });
  });
});
