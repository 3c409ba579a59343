/**
 * Picks the infrastructure adapters from the configuration. Embedded defaults: SQLite, a queue in the
 * database, local disk, an in-process event bus. Scale-out (docs/deploy.md): DATABASE_URL -> Postgres;
 * REDIS_URL -> BullMQ queue and Redis pub/sub events; S3_BUCKET -> S3-compatible storage.
 */
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { type Database, migrateToLatest, openSqlite, SQLITE_FILE } from '../db/database.js';
import { openPostgres } from '../db/postgres.js';
import { type EventBus, MemoryEventBus } from './events/event-bus.js';
import { PgEventBus } from './events/pg-event-bus.js';
import { RedisEventBus } from './events/redis-event-bus.js';
import { BullMqJobQueue } from './queue/bullmq-queue.js';
import { DbJobQueue } from './queue/db-queue.js';
import type { JobQueue } from './queue/queue.js';
import { LocalDiskStorage } from './storage/local-storage.js';
import { S3Storage } from './storage/s3-storage.js';
import type { Storage } from './storage/storage.js';

export interface Infra {
  database: Database;
  storage: Storage;
  queue: JobQueue;
  /** Streaming jobs (ROLE=api + ROLE=worker): one per streamed upload, analysed by a worker while it arrives (docs/streaming.md). */
  streamQueue: JobQueue;
  events: EventBus;
  /** Closes connections the adapters opened (the queue is stopped by the caller first). */
  close(): Promise<void>;
}

export async function createInfra(config: Config, log: Logger): Promise<Infra> {
  const closers: Array<() => Promise<void> | void> = [];
  try {
    const database = await openDatabase(config);
    closers.push(() => database.close());

    const storage = createStorage(config);
    if (storage instanceof S3Storage) {
      closers.push(() => storage.close());
      await storage.check();
    }

    let queue: JobQueue;
    let streamQueue: JobQueue;
    let events: EventBus;
    if (config.REDIS_URL) {
      const lockMs = jobLockMs(config) ?? 30_000;
      const bull = new BullMqJobQueue({ url: config.REDIS_URL, maxAttempts: config.JOB_MAX_ATTEMPTS, lockDurationMs: lockMs, stalledIntervalMs: lockMs, log });
      closers.push(() => bull.close());
      const streams = new BullMqJobQueue({ url: config.REDIS_URL, queueName: 'stream', maxAttempts: config.JOB_MAX_ATTEMPTS, lockDurationMs: lockMs, stalledIntervalMs: lockMs, log });
      closers.push(() => streams.close());
      const bus = new RedisEventBus({ url: config.REDIS_URL, log });
      closers.push(() => bus.close());
      await Promise.all([bull.ready(), streams.ready(), bus.ready()]);
      queue = bull;
      streamQueue = streams;
      events = bus;
    } else {
      const shared = Boolean(config.DATABASE_URL);
      // One process owns the embedded (SQLite) queue, so jobs it finds running were interrupted by its own last stop.
      queue = new DbJobQueue(database.db, { maxAttempts: config.JOB_MAX_ATTEMPTS, reclaimOnStart: config.ROLE === 'all' && !shared, lockRows: shared, leaseMs: jobLockMs(config) ?? 60_000, log });
      streamQueue = new DbJobQueue(database.db, { table: 'stream_jobs', maxAttempts: config.JOB_MAX_ATTEMPTS, reclaimOnStart: config.ROLE === 'all' && !shared, lockRows: shared, leaseMs: jobLockMs(config) ?? 60_000, pollMs: 500, log });
      if (shared) {
        const bus = new PgEventBus(config.DATABASE_URL!, log);
        closers.push(() => bus.close());
        await bus.ready();
        events = bus;
      } else {
        events = new MemoryEventBus();
      }
    }
    const close = async () => {
      for (const c of closers.splice(0).reverse()) await c();
    };
    log.info({ database: config.DATABASE_URL ? 'postgres' : 'sqlite', queue: config.REDIS_URL ? 'bullmq' : 'database', storage: storage instanceof S3Storage ? 's3' : 'local' }, 'infrastructure ready');
    return { database, storage, queue, streamQueue, events, close };
  } catch (e) {
    for (const c of closers.reverse()) await Promise.resolve(c()).catch(() => {});
    throw e;
  }
}

function createStorage(config: Config): Storage {
  if (!config.S3_BUCKET) return new LocalDiskStorage(join(config.dataDir, 'media'));
  return new S3Storage({
    bucket: config.S3_BUCKET,
    endpoint: config.S3_ENDPOINT,
    region: config.S3_REGION,
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    tmpDir: join(config.dataDir, 'tmp'),
  });
}

/** JOB_LOCK_SEC: how soon a dead worker's job goes to another worker (the lock is renewed while the job runs). */
function jobLockMs(config: Config): number | null {
  return config.JOB_LOCK_SEC === undefined ? null : config.JOB_LOCK_SEC * 1000;
}

/** The configured database (Postgres with DATABASE_URL, else the SQLite file in DATA_DIR), migrated. */
export async function openDatabase(config: Config): Promise<Database> {
  const database = config.DATABASE_URL ? openPostgres(config.DATABASE_URL) : openSqlite(join(config.dataDir, SQLITE_FILE));
  try {
    await migrateToLatest(database.db);
  } catch (e) {
    await database.close();
    throw e;
  }
  return database;
}
