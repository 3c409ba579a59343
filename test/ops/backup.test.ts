import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SQLITE_FILE } from '../../server/db/database.js';
import { backupDataDir } from '../../server/ops/backup.js';
import { createTestApp, multipart, type TestApp } from '../helpers/app.js';
import { fixture } from '../helpers/fixtures.js';

let t: TestApp;
let dest: string;
beforeAll(async () => {
  t = await createTestApp();
  dest = await mkdtemp(join(tmpdir(), 'ia-backup-'));
});
afterAll(async () => {
  await t.close();
  await rm(dest, { recursive: true, force: true });
});

it('copies the database and every stored video while the app is running', async () => {
  const data = await readFile(fixture('short.webm'));
  const res = await t.app.inject({ method: 'POST', url: '/api/answers', ...multipart({ questionId: 'q-gen-02' }, { name: 'a.webm', type: 'video/webm', data }) });
  expect(res.statusCode).toBe(202);
  const { id } = res.json();

  const r = await backupDataDir(t.dataDir, dest);
  expect(r.answers).toBe(1);
  const copy = new SQLite(join(dest, SQLITE_FILE), { readonly: true });
  const row = copy.prepare('select media_key, question_text from answers where id = ?').get(id) as { media_key: string; question_text: string };
  copy.close();
  expect(row.question_text).toBe('Why do you want to work here?');
  expect(existsSync(join(dest, 'media', row.media_key))).toBe(true);
});

it('says clearly when there is no database', async () => {
  await expect(backupDataDir(join(dest, 'nope'), join(dest, 'x'))).rejects.toThrow(/no database at/);
});
