/** The repository contract on SQLite and on a real Postgres (every migration runs on both). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { migrateToLatest, openSqlite } from '../../server/db/database.js';
import { openPostgres } from '../../server/db/postgres.js';
import { startPostgres } from '../helpers/services.js';
import { repoContract } from './repo-contract.js';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

repoContract('SQLite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ia-repo-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const database = openSqlite(join(dir, 'db.sqlite'));
  await migrateToLatest(database.db);
  return database;
});

repoContract('Postgres', async () => {
  const pg = await startPostgres();
  cleanups.push(() => pg.stop());
  const database = openPostgres(await pg.createDatabase('repo_test'));
  await migrateToLatest(database.db);
  await migrateToLatest(database.db); // a second run (another process starting) is a no-op
  return database;
});
