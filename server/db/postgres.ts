/** Opens a Postgres database (DATABASE_URL) with the same schema and migrations as SQLite. */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';
import type { DB } from './schema.js';

export interface PostgresOptions {
  /** Connections in this process's pool. */
  maxConnections?: number;
}

export function openPostgres(url: string, opts: PostgresOptions = {}): Database {
  const pool = new pg.Pool({ connectionString: url, max: opts.maxConnections ?? 10 });
  // An idle connection that breaks (server restart) must not crash the process: the pool drops it.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, sqlite: null, close: () => db.destroy() };
}
