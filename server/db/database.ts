/** Opens the database (SQLite by default) and brings its schema up to date. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type Migration, type MigrationProvider, Migrator, SqliteDialect } from 'kysely';
import * as m001 from './migrations/001-initial.js';
import * as m002 from './migrations/002-hiring.js';
import * as m003 from './migrations/003-answer-scope.js';
import * as m004 from './migrations/004-practice-owners.js';
import * as m005 from './migrations/005-hiring-mail.js';
import * as m005b from './migrations/005b-hiring-integrations.js';
import * as m005c from './migrations/005c-review-comments.js';
import * as m005d from './migrations/005d-question-rubric.js';
import * as m008 from './migrations/008-analysis-budget.js';
import * as m009 from './migrations/009-mock-interviews.js';
import * as m010 from './migrations/010-streams.js';
import type { DB } from './schema.js';

/** The SQLite database's file name inside DATA_DIR. */
export const SQLITE_FILE = 'interview-analyzer.sqlite';

const migrations: Record<string, Migration> = {
  '001-initial': m001,
  '002-hiring': m002,
  '003-answer-scope': m003,
  '004-practice-owners': m004,
  '005-hiring-mail': m005,
  '005b-hiring-integrations': m005b,
  '005c-review-comments': m005c,
  '005d-question-rubric': m005d,
  '008-analysis-budget': m008,
  '009-mock-interviews': m009,
  '010-streams': m010,
};

class StaticMigrations implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

export interface Database {
  db: Kysely<DB>;
  /** The SQLite handle, for online backup; null on other dialects. */
  sqlite: SQLite.Database | null;
  close(): Promise<void>;
}

export function openSqlite(file: string): Database {
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, sqlite, close: () => db.destroy() };
}

export async function migrateToLatest(db: Kysely<DB>): Promise<void> {
  // Migrations are numbered per area (004 practice ... 008 security) and land in any order: a database that already ran 008 still runs 004-007.
  const migrator = new Migrator({ db, provider: new StaticMigrations(), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String((error as Error | undefined)?.message ?? error)}`);
  }
}
