/**
 * A full disk on upload: a clear error and nothing half-stored. The disk cannot really be filled here, so the
 * storage's write fails with the ENOSPC error the OS would raise.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, multipart, type TestApp } from '../helpers/app.js';
import { fixture } from '../helpers/fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { worker: false });
});
afterAll(() => t.close());

it('answers 507 with a clear message and stores nothing when the disk is full', async () => {
  const original = t.c.storage.putFile.bind(t.c.storage);
  t.c.storage.putFile = async () => {
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  };
  try {
    const data = await readFile(fixture('short.webm'));
    const res = await t.app.inject({ method: 'POST', url: '/api/answers', ...multipart({ questionId: 'q-gen-01' }, { name: 'a.webm', type: 'video/webm', data }) });
    expect(res.statusCode).toBe(507);
    expect(res.json()).toMatchObject({ code: 'STORAGE_FULL' });
    expect(res.json().message).toMatch(/no space left.*Nothing was saved/);
  } finally {
    t.c.storage.putFile = original;
  }
  expect(await t.c.database.db.selectFrom('answers').select('id').execute()).toEqual([]);
  expect(await readdir(join(t.dataDir, 'tmp'))).toEqual([]);
  expect(await readdir(join(t.dataDir, 'media')).catch(() => [])).toEqual([]);
});
