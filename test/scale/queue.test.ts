/**
 * One queue contract, three backends: the database queue on SQLite (embedded) and on Postgres
 * (claims with FOR UPDATE SKIP LOCKED), and BullMQ on Redis. Real servers, started once for the file.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll } from 'vitest';
import { type Database, migrateToLatest, openSqlite } from '../../server/db/database.js';
import { openPostgres } from '../../server/db/postgres.js';
import type { DB } from '../../server/db/schema.js';
import { BullMqJobQueue } from '../../server/infra/queue/bullmq-queue.js';
import { DbJobQueue } from '../../server/infra/queue/db-queue.js';
import type { JobQueue } from '../../server/infra/queue/queue.js';
import { startPostgres, startRedis } from '../helpers/services.js';
import { type QueueWorld, queueContract } from './queue-contract.js';

const lazy = <T>(f: () => Promise<T>) => {
  let p: Promise<T> | null = null;
  return { get: () => (p ??= f()), started: () => p };
};
const postgres = lazy(startPostgres);
const redis = lazy(startRedis);
const pgDatabase = lazy(async () => {
  const database = openPostgres(await (await postgres.get()).createDatabase('queue_test'));
  await migrateToLatest(database.db);
  return database;
});

afterAll(async () => {
  await (await pgDatabase.started())?.close();
  await (await postgres.started())?.stop();
  await (await redis.started())?.stop();
});

async function addAnswers(db: Kysely<DB>, n: number): Promise<string[]> {
  const now = new Date().toISOString();
  const ids = Array.from({ length: n }, () => randomUUID());
  await db
    .insertInto('answers')
    .values(ids.map((id) => ({ id, question_id: null, question_text: 'q', status: 'queued' as const, stage: null, progress: 0, error: null, report_json: null, media_key: `answers/${id}/x.webm`, mime: 'video/webm', size_bytes: 1, duration_sec: 1, has_audio: 1, has_video: 1, engine: 'quick', created_at: now, updated_at: now })))
    .execute();
  return ids;
}

function dbWorld(database: Database, answers: string[], lockRows: boolean, close: () => Promise<void>): QueueWorld {
  const db = database.db;
  return {
    answers,
    queue: (o = {}) => new DbJobQueue(db, { maxAttempts: o.maxAttempts ?? 3, pollMs: 20, backoffBaseMs: o.backoffBaseMs ?? 10, lockRows }),
    async kill(q: JobQueue) {
      // A dead process stops polling and renewing; its lease then runs out.
      const internals = q as unknown as { stopped: boolean; timer: NodeJS.Timeout | null; workerId: string };
      internals.stopped = true;
      if (internals.timer) clearInterval(internals.timer);
      await db.updateTable('jobs').set({ locked_until: new Date(Date.now() - 1000).toISOString() }).where('locked_by', '=', internals.workerId).execute();
    },
    async job(answerId) {
      const r = await db.selectFrom('jobs').selectAll().where('answer_id', '=', answerId).orderBy('created_at', 'desc').orderBy('updated_at', 'desc').executeTakeFirst();
      return r ? { state: r.status, attempts: r.attempts, error: r.last_error } : null;
    },
    close,
  };
}

queueContract('database queue on SQLite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ia-queue-'));
  const database = openSqlite(join(dir, 'db.sqlite'));
  await migrateToLatest(database.db);
  return dbWorld(database, await addAnswers(database.db, 3), false, async () => {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });
});

queueContract('database queue on Postgres', async () => {
  const database = await pgDatabase.get();
  await database.db.deleteFrom('jobs').execute();
  return dbWorld(database, await addAnswers(database.db, 3), true, async () => {});
});

queueContract('BullMQ on Redis', async () => {
  const { url } = await redis.get();
  const queueName = `t-${randomUUID()}`;
  const make = (o: { maxAttempts?: number; backoffBaseMs?: number } = {}) =>
    new BullMqJobQueue({ url, queueName, maxAttempts: o.maxAttempts ?? 3, backoffBaseMs: o.backoffBaseMs ?? 10, lockDurationMs: 600, stalledIntervalMs: 300 });
  const inspector = make();
  const made: BullMqJobQueue[] = [];
  return {
    answers: [randomUUID(), randomUUID(), randomUUID()],
    queue(o) {
      const q = make(o);
      made.push(q);
      return q;
    },
    async kill(q: JobQueue) {
      // A dead process: its worker is gone without finishing the job, so its lock is no longer renewed.
      const worker = (q as unknown as { worker: { close(force: boolean): Promise<void> } | null }).worker;
      (q as unknown as { worker: null }).worker = null;
      await worker?.close(true);
    },
    async job(answerId) {
      const j = await inspector.getJob(`answer-${answerId}`);
      return j ? { state: j.state, attempts: j.attempts, error: j.error } : null;
    },
    async close() {
      for (const q of made) await q.close();
      await inspector.close();
    },
  };
});
