/**
 * The programs the analysis runs (FFMPEG_PATH, FFPROBE_PATH, POCKETSPHINX_BIN, POCKETSPHINX_MODEL_DIR) are settings of
 * server/config.ts like every other: a bad value stops the server and the CLI with exit 2 naming it, and the values
 * given are the programs actually run (wrappers that log each call, then run Debian's ffmpeg/ffprobe).
 */
import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';
import { FFMPEG, FFPROBE } from '../../server/media/ffmpeg.js';
import { currentTools, DEFAULT_TOOLS, SPHINX_BIN, SPHINX_MODEL_DIR } from '../../server/media/tools.js';
import { createTestApp, multipart, type TestApp } from '../helpers/app.js';
import { fixture } from '../helpers/fixtures.js';

const repoRoot = resolve(import.meta.dirname, '../..');
let dir: string;
let log: string;

/** A wrapper that appends "name args..." to the log, then runs the real program. */
async function wrapper(name: string, real: string): Promise<string> {
  const path = join(dir, `my-${name}`);
  await writeFile(path, `#!/bin/sh\necho "${name} $*" >> "${log}"\nexec ${real} "$@"\n`);
  await chmod(path, 0o755);
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ia-settings-'));
  log = join(dir, 'calls.log');
  await writeFile(log, '');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('program settings in config.ts', () => {
  it('parses them with defaults, and refuses a path that is not there, naming the setting', async () => {
    const c = loadConfig({});
    expect(c.tools).toEqual(DEFAULT_TOOLS);
    const ff = await wrapper('ffmpeg', 'ffmpeg');
    expect(loadConfig({ FFMPEG_PATH: ff, FFPROBE_PATH: 'ffprobe', POCKETSPHINX_MODEL_DIR: dir }).tools).toMatchObject({ ffmpeg: ff, ffprobe: 'ffprobe', pocketsphinxModelDir: dir });
    expect(() => loadConfig({ FFMPEG_PATH: '/no/such/ffmpeg' })).toThrow(/FFMPEG_PATH: no such file/);
    expect(() => loadConfig({ FFPROBE_PATH: dir })).toThrow(/FFPROBE_PATH: no such file/); // a folder is not a program
    expect(() => loadConfig({ POCKETSPHINX_BIN: './nowhere/pocketsphinx' })).toThrow(/POCKETSPHINX_BIN: no such file/);
    expect(() => loadConfig({ POCKETSPHINX_MODEL_DIR: '/no/such/model' })).toThrow(/POCKETSPHINX_MODEL_DIR: no such folder/);
    expect(() => loadConfig({ IA_VERBOSE: 'loud' })).toThrow(ConfigError);
  });

  it('the server and the CLI exit 2 with a clear message on a bad program path (no stack trace)', () => {
    const main = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'server/main.ts')], { env: { ...process.env, FFMPEG_PATH: '/opt/nothing/ffmpeg', DATA_DIR: join(dir, 'never') }, encoding: 'utf8', timeout: 60_000 });
    expect(main.status).toBe(2);
    expect(main.stderr).toMatch(/FFMPEG_PATH: no such file/);
    expect(main.stderr).not.toMatch(/\n\s+at /);
    const cli = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'server/cli/main.ts'), 'analyze', fixture('short.webm')], { env: { ...process.env, POCKETSPHINX_MODEL_DIR: '/opt/nothing/model' }, encoding: 'utf8', timeout: 60_000 });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toMatch(/POCKETSPHINX_MODEL_DIR: no such folder/);
  });

  it('the CLI runs the configured ffprobe and ffmpeg', async () => {
    await writeFile(log, '');
    const env = { ...process.env, FFMPEG_PATH: await wrapper('ffmpeg', 'ffmpeg'), FFPROBE_PATH: await wrapper('ffprobe', 'ffprobe') };
    const cli = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'server/cli/main.ts'), 'analyze', '--engine', 'quick', fixture('short.webm')], { env, encoding: 'utf8', timeout: 120_000 });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ schemaVersion: 1, engine: 'quick', speech: { speechDetected: true } });
    const calls = (await readFile(log, 'utf8')).split('\n').filter(Boolean);
    expect(calls.some((l) => l.startsWith('ffprobe '))).toBe(true);
    expect(calls.some((l) => l.startsWith('ffmpeg '))).toBe(true);
  });

  describe('the server', () => {
    let t: TestApp;
    beforeAll(async () => {
      await writeFile(log, '');
      t = await createTestApp({ FFMPEG_PATH: await wrapper('ffmpeg', 'ffmpeg'), FFPROBE_PATH: await wrapper('ffprobe', 'ffprobe'), POCKETSPHINX_MODEL_DIR: dir });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('hands the settings to every module through the composition root', () => {
      expect(currentTools()).toEqual(t.c.config.tools);
      expect([FFMPEG, FFPROBE, SPHINX_BIN, SPHINX_MODEL_DIR]).toEqual([t.c.config.tools.ffmpeg, t.c.config.tools.ffprobe, 'pocketsphinx_continuous', dir]);
    });

    it('checks and analyses an upload with the configured ffprobe and ffmpeg', async () => {
      const data = await readFile(fixture('short.webm'));
      const cookies = { ia_practice: 'owner-of-the-settings-test-0000000000000000' }; // one browser: answers are visible to their owner
      const res = await t.app.inject({ method: 'POST', url: '/api/answers', cookies, ...multipart({ questionId: 'q-gen-01' }, { name: 'a.webm', type: 'video/webm', data }) });
      expect(res.statusCode).toBe(202);
      const { id } = res.json() as { id: string };
      let status = '';
      for (let i = 0; i < 1200 && status !== 'done' && status !== 'failed'; i++) {
        const got = await t.app.inject({ method: 'GET', url: `/api/answers/${id}`, cookies });
        expect(got.statusCode).toBe(200);
        status = got.json().status;
        if (status !== 'done' && status !== 'failed') await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe('done');
      const calls = (await readFile(log, 'utf8')).split('\n').filter(Boolean);
      expect(calls.filter((l) => l.startsWith('ffprobe ')).length).toBeGreaterThan(0); // the upload check
      expect(calls.some((l) => l.startsWith('ffmpeg ') && l.includes('silencedetect'))).toBe(true); // the quick engine's analysis
    });
  });
});
