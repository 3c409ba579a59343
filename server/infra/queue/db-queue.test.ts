import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, migrateToLatest, openSqlite } from '../../db/database.js';
import { DbJobQueue } from './db-queue.js';

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

// The behaviour every queue shares (once only, concurrency, retries, failure, dead workers, stop) is tested
// against this queue on SQLite and Postgres, and against BullMQ, in test/scale/queue-contract.ts.
// Here: what only the embedded mode does.
describe('DbJobQueue (embedded mode)', () => {
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
});
