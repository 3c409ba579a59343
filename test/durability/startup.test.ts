import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer } from '../helpers/server.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ia-startup-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('refuses to start on an unusable data directory, saying which and why', async () => {
  const file = join(dir, 'a-file');
  await writeFile(file, 'not a directory');
  await expect(startServer({ dataDir: join(file, 'data'), timeoutMs: 30_000 })).rejects.toThrow(/exited with 2[\s\S]*data directory .*a-file\/data is not writable \(ENOTDIR\)/);
});

it('refuses to start with an invalid setting, naming the variable', async () => {
  await expect(startServer({ dataDir: join(dir, 'd'), env: { MAX_UPLOAD_MB: 'lots', ROLE: 'boss' }, timeoutMs: 30_000 })).rejects.toThrow(/exited with 2[\s\S]*Invalid settings:(?=[\s\S]*MAX_UPLOAD_MB: Invalid input)(?=[\s\S]*ROLE: Invalid option)/);
});
