/**
 * A consistent copy of the database and the media while the app runs: the database first, through
 * SQLite's online backup API, then the media. Media files are written (and fsynced) before their row
 * is committed and never change afterwards, so every answer in the copied database has its video.
 */
import { cp, mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { SQLITE_FILE } from '../db/database.js';


export interface BackupResult {
  dest: string;
  databaseBytes: number;
  answers: number;
}

export async function backupDataDir(dataDir: string, dest: string): Promise<BackupResult> {
  const source = join(dataDir, SQLITE_FILE);
  await stat(source).catch(() => {
    throw new Error(`no database at ${source}: is DATA_DIR right?`);
  });
  await mkdir(dest, { recursive: true });
  const target = join(dest, SQLITE_FILE);
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  const copy = new SQLite(target, { readonly: true });
  const { n } = copy.prepare('select count(*) as n from answers').get() as { n: number };
  copy.close();
  await cp(join(dataDir, 'media'), join(dest, 'media'), { recursive: true, force: false, errorOnExist: false }).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
  return { dest, databaseBytes: (await stat(target)).size, answers: n };
}
