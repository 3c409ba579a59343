import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, migrateToLatest, openSqlite } from '../../db/database.js';
import { DbJobQueue } from './db-queue.js';
import { type Job, PermanentJobError } from './queue.js';

let dir: string;
let database: Database;
const queues: DbJobQueue[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ia-queue-'));
  database = openSqlite(join(dir, 'db.sqlite'));
  await migrateToLatest(database.db);
  const now = new Date().toISOString();
  await database.db.insertInto('answers').values(
    ['a1', 'a2', 'a3'].map((id) => ({ id, question_id: null, question_text: 'q', status: 'queued' as const, stage: null, progress: 0, error: null, report_json: null, media_key: `answers/${id}/x.webm`, mime: 'video/webm', size_bytes: 1, duration_sec: 1, has_audio: 1, has_video: 1, engine: 'quick', created_at: now, updated_at: now })),
  ).execute();
});

afterEach(async () => {
  for (const q of queues.splice(0)) await q.stop(100);
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

function queue(opts: Partial<ConstructorParameters<typeof DbJobQueue>[1]> = {}) {
  const q = new DbJobQueue(database.db, { maxAttempts: 3, pollMs: 20, backoffBaseMs: 10, ...opts });
  queues.push(q);
  return q;
}

const jobRow = (answerId: string) => database.db.selectFrom('jobs').selectAll().where('answer_id', '=', answerId).executeTakeFirstOrThrow();

async function until(pred: () => Promise<boolean>, ms = 5000) {
  const end = Date.now() + ms;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('DbJobQueue', () => {
  it('runs each job once, at most `concurrency` at a time', async () => {
    const q = queue();
    let active = 0;
    let peak = 0;
    const seen: string[] = [];
    q.start(async (job) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 30));
      seen.push(job.answerId);
      active--;
    }, { concurrency: 2 });
    for (const id of ['a1', 'a2', 'a3']) await q.enqueue(id, 'analyze');
    await until(async () => seen.length === 3);
    expect(seen.sort()).toEqual(['a1', 'a2', 'a3']);
    expect(peak).toBe(2);
    await until(async () => (await jobRow('a3')).status === 'done');
  });

  it('retries a transient failure with backoff, then succeeds', async () => {
    const q = queue();
    const attempts: number[] = [];
    q.start(async (job) => {
      attempts.push(job.attempt);
      if (job.attempt < 3) throw new Error('flaky');
    }, { concurrency: 1 });
    await q.enqueue('a1', 'analyze');
    await until(async () => (await jobRow('a1')).status === 'done');
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('ends as failed with the reason after the retry budget, or at once for a permanent error', async () => {
    const q = queue({ maxAttempts: 2 });
    const calls: Record<string, number> = {};
    q.start(async (job: Job) => {
      calls[job.answerId] = (calls[job.answerId] ?? 0) + 1;
      if (job.answerId === 'a1') throw new Error('still broken');
      throw new PermanentJobError('not a video');
    }, { concurrency: 1 });
    await q.enqueue('a1', 'analyze');
    await q.enqueue('a2', 'analyze');
    await until(async () => (await jobRow('a1')).status === 'failed' && (await jobRow('a2')).status === 'failed');
    expect(await jobRow('a1')).toMatchObject({ attempts: 2, last_error: 'still broken' });
    expect(await jobRow('a2')).toMatchObject({ attempts: 1, last_error: 'not a video' });
    expect(calls).toEqual({ a1: 2, a2: 1 });
    expect(await q.hasActiveJob('a1')).toBe(false);
  });

  it('takes back a job left running by a dead process (embedded mode)', async () => {
    const dead = queue();
    dead.start(() => new Promise(() => {}), { concurrency: 1 }); // hangs forever, like a killed worker
    await dead.enqueue('a1', 'analyze');
    await until(async () => (await jobRow('a1')).status === 'running');
    // the "process" dies: its queue object is simply abandoned
    (dead as unknown as { stopped: boolean }).stopped = true;

    const next = queue({ reclaimOnStart: true });
    const ran: string[] = [];
    next.start(async (job) => void ran.push(job.answerId), { concurrency: 1 });
    await until(async () => (await jobRow('a1')).status === 'done');
    expect(ran).toEqual(['a1']);
  });

  it('lets another worker take a job whose lease expired (shared database)', async () => {
    const dead = queue({ leaseMs: 60_000 });
    dead.start(() => new Promise(() => {}), { concurrency: 1 });
    await dead.enqueue('a2', 'analyze');
    await until(async () => (await jobRow('a2')).status === 'running');
    (dead as unknown as { stopped: boolean }).stopped = true;
    await database.db.updateTable('jobs').set({ locked_until: new Date(Date.now() - 1000).toISOString() }).execute();
    const other = queue();
    other.start(async () => {}, { concurrency: 1 });
    await until(async () => (await jobRow('a2')).status === 'done');
    expect((await jobRow('a2')).attempts).toBe(2);
  });

  it('hands a running job back without spending an attempt when stopped', async () => {
    const q = queue();
    q.start((_job, signal) => new Promise((_res, rej) => signal.addEventListener('abort', () => rej(new Error('aborted')))), { concurrency: 1 });
    await q.enqueue('a3', 'analyze');
    await until(async () => (await jobRow('a3')).status === 'running');
    await q.stop(50);
    expect(await jobRow('a3')).toMatchObject({ status: 'queued', attempts: 0, locked_by: null });
  });
});
