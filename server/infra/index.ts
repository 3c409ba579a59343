/**
 * Picks the infrastructure adapters from the configuration. Embedded defaults: SQLite, a queue in the
 * database, local disk, an in-process event bus. The scale-out adapters (Postgres, BullMQ on Redis,
 * S3-compatible storage, Redis pub/sub) plug in here without touching the features.
 */
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { type Database, migrateToLatest, openSqlite } from '../db/database.js';
import { type EventBus, MemoryEventBus } from './events/event-bus.js';
import { DbJobQueue } from './queue/db-queue.js';
import type { JobQueue } from './queue/queue.js';
import { LocalDiskStorage } from './storage/local-storage.js';
import type { Storage } from './storage/storage.js';

export interface Infra {
  database: Database;
  storage: Storage;
  queue: JobQueue;
  events: EventBus;
  /** Closes connections the adapters opened (the queue is stopped by the caller first). */
  close(): Promise<void>;
}

export async function createInfra(config: Config, log: Logger): Promise<Infra> {
  const database = openSqlite(join(config.dataDir, 'interview-analyzer.sqlite'));
  await migrateToLatest(database.db);
  const storage = new LocalDiskStorage(join(config.dataDir, 'media'));
  const events = new MemoryEventBus();
  // One process owns the embedded queue, so jobs it finds running were interrupted by its own last stop.
  const queue = new DbJobQueue(database.db, { maxAttempts: config.JOB_MAX_ATTEMPTS, reclaimOnStart: config.ROLE === 'all', log });
  return { database, storage, queue, events, close: () => database.close() };
}
