/**
 * Speech model downloads against a local HTTP server that follows the GitHub release contract (200 with
 * Content-Length, 206 for Range requests, 416 past the end): download, resume, checksum failure, a corrupt
 * archive, and the fallback to pocketsphinx when a model cannot run. No real model can be fetched here.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeToPcm } from '../../server/analysis/audio/decode.js';
import { findModel, type ModelEntry } from '../../server/engines/local/models/catalog.js';
import { downloadModel, installedModel, ModelError } from '../../server/engines/local/models/store.js';
import { selectRecognizer } from '../../server/engines/local/recognizers.js';
import { createLocalEngine } from '../../server/engines/local/index.js';
import { fixturesDir, repoRoot } from '../helpers/fixtures.js';

const realClip = join(fixturesDir, '../real/mfa_docs_english_slow.wav');

const cli = (bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number; stdout: string; stderr: string }> =>
  promisify(execFile)(bin, args, { env, timeout: 60_000 }).then(
    (r) => ({ status: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({ status: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }),
  );

const work = mkdtempSync(join(tmpdir(), 'ia-models-'));
const whisper = findModel('whisper-base.en')!;

/** A real tar.bz2 with the files the whisper-base.en entry expects (made with Debian tar). */
function makeArchive(entry: ModelEntry, name: string): Buffer {
  const src = join(work, `src-${name}`);
  mkdirSync(join(src, entry.dir), { recursive: true });
  for (const f of Object.values(entry.files)) writeFileSync(join(src, entry.dir, f), `not a real model: ${f}\n`.repeat(2000));
  const out = join(work, `${name}.tar.bz2`);
  const r = spawnSync('tar', ['-cjf', out, '-C', src, entry.dir]);
  if (r.status !== 0) throw new Error(r.stderr.toString());
  return readFileSync(out);
}

const archive = makeArchive(whisper, 'good');
const sha = createHash('sha256').update(archive).digest('hex');
const files = new Map<string, Buffer>([[whisper.archive, archive]]);
const ranges: string[] = [];
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const m = /^\/asr-models\/([^/]+)$/.exec(req.url ?? '');
    const body = m ? files.get(decodeURIComponent(m[1]!)) : undefined;
    if (!body) return void res.writeHead(404).end('Not Found');
    const range = req.headers.range;
    if (range) {
      ranges.push(range);
      const start = Number(/bytes=(\d+)-/.exec(range)?.[1] ?? 0);
      if (start >= body.length) return void res.writeHead(416, { 'Content-Range': `bytes */${body.length}` }).end();
      res.writeHead(206, { 'Content-Range': `bytes ${start}-${body.length - 1}/${body.length}`, 'Content-Length': body.length - start, 'Accept-Ranges': 'bytes' });
      return void res.end(body.subarray(start));
    }
    res.writeHead(200, { 'Content-Length': body.length, 'Accept-Ranges': 'bytes' });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/asr-models`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('models download', () => {
  it('downloads with a progress bar, extracts, records the checksum, lists it installed (CLI)', async () => {
    const dataDir = join(work, 'cli');
    const env = { ...process.env, DATA_DIR: dataDir, SPEECH_MODEL_BASE_URL: base };
    const bin = join(repoRoot, 'bin/interview-analyzer');
    // async: the HTTP server runs in this process
    const r = await cli(bin, ['models', 'download', 'whisper-base.en'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/\[#{30}\] 100% /); // the last progress line
    expect(r.stdout).toContain(`sha256 ${sha}`);
    expect(r.stdout).toMatch(/no published checksum: recorded on download/);
    const inst = installedModel(join(dataDir, 'models'), whisper);
    expect(inst.ok).toBe(true);
    const list = spawnSync(bin, ['models', 'list'], { encoding: 'utf8', env });
    expect(list.stdout).toMatch(/\* whisper-base\.en\s+~ 199 MB\s+installed/);
    expect(list.stdout).toMatch(/ {2}moonshine-base-en .*not installed/);
    const rm = spawnSync(bin, ['models', 'remove', 'whisper-base.en'], { encoding: 'utf8', env });
    expect(rm.stdout).toBe('removed whisper-base.en\n');
    expect(installedModel(join(dataDir, 'models'), whisper).ok).toBe(false);
    const bad = await cli(bin, ['models', 'download', 'no-such-model'], env);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown model "no-such-model": choose one of moonshine-base-en/);
  });

  it('resumes a partial download with an HTTP Range request', async () => {
    const modelsDir = join(work, 'resume');
    mkdirSync(join(modelsDir, '.partial'), { recursive: true });
    const half = Math.floor(archive.length / 2);
    writeFileSync(join(modelsDir, '.partial', whisper.archive), archive.subarray(0, half));
    ranges.length = 0;
    const seen: number[] = [];
    const m = await downloadModel('whisper-base.en', { modelsDir, baseUrl: base, onProgress: (r) => seen.push(r) });
    expect(ranges).toEqual([`bytes=${half}-`]);
    expect(seen[0]).toBe(half); // the bar starts where the partial file ended
    expect(m.sha256).toBe(sha);
    expect(existsSync(join(modelsDir, '.partial', whisper.archive))).toBe(false);
    expect(installedModel(modelsDir, whisper).ok).toBe(true);
  });

  it('rejects a checksum mismatch and deletes the download', async () => {
    const modelsDir = join(work, 'checksum');
    const pinned: ModelEntry = { ...whisper, sha256: '0'.repeat(64) };
    const err = await downloadModel('whisper-base.en', { modelsDir, baseUrl: base, catalog: [pinned] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelError);
    expect((err as Error).message).toMatch(new RegExp(`checksum mismatch for ${whisper.archive.replace(/\./g, '\\.')}: expected sha256 0{64}, got ${sha}`));
    expect(existsSync(join(modelsDir, '.partial', whisper.archive))).toBe(false);
    expect(installedModel(modelsDir, whisper).ok).toBe(false);
    // with the right pin it installs and says so
    const ok = await downloadModel('whisper-base.en', { modelsDir, baseUrl: base, catalog: [{ ...whisper, sha256: sha }] });
    expect(ok.checksum).toBe('pinned');
  });

  it('rejects a corrupt archive, and an archive without the model files', async () => {
    const modelsDir = join(work, 'corrupt');
    const corrupt: ModelEntry = { ...whisper, name: 'corrupt', archive: 'corrupt.tar.bz2' };
    files.set('corrupt.tar.bz2', Buffer.concat([archive.subarray(0, 200), Buffer.alloc(5000, 7)]));
    const e1 = await downloadModel('corrupt', { modelsDir, baseUrl: base, catalog: [corrupt] }).catch((e: unknown) => e);
    expect((e1 as Error).message).toMatch(/corrupt\.tar\.bz2 is not a valid tar\.bz2 archive .*the download was deleted/);
    expect(existsSync(join(modelsDir, '.partial', 'corrupt.tar.bz2'))).toBe(false);
    const other: ModelEntry = { ...whisper, name: 'other', archive: 'other.tar.bz2', files: { tokens: 'missing-tokens.txt' } };
    files.set('other.tar.bz2', archive);
    const e2 = await downloadModel('other', { modelsDir, baseUrl: base, catalog: [other] }).catch((e: unknown) => e);
    expect((e2 as Error).message).toMatch(/does not contain the expected model files \(missing-tokens\.txt missing/);
    const e3 = await downloadModel('whisper-base.en', { modelsDir, baseUrl: `${base}/nowhere` }).catch((e: unknown) => e);
    expect((e3 as Error).message).toMatch(/HTTP 404/);
  });
});

describe('recognizer selection and fallback', () => {
  it('uses pocketsphinx with the reason when no model is installed or when asked to', () => {
    const a = selectRecognizer({ speechModel: 'auto', modelsDir: join(work, 'empty') });
    expect(a.recognizer.name).toMatch(/pocketsphinx/);
    expect(a.reason).toMatch(/no sherpa-onnx model installed .*models download moonshine-base-en/);
    const b = selectRecognizer({ speechModel: 'moonshine-tiny-en', modelsDir: join(work, 'empty') });
    expect(b.reason).toMatch(/moonshine-tiny-en is not installed/);
    expect(selectRecognizer({ speechModel: 'pocketsphinx', modelsDir: '' }).reason).toBe('SPEECH_MODEL=pocketsphinx');
  });

  it('falls back to pocketsphinx for an installed model that cannot run, and the report says why', async () => {
    const modelsDir = join(work, 'resume'); // whisper-base.en installed above, with files that are not ONNX models
    const sel = selectRecognizer({ speechModel: 'auto', modelsDir });
    expect(sel.reason).toMatch(/using sherpa-onnx model whisper-base\.en/);
    const pcm = await decodeToPcm(realClip);
    const t = await sel.recognizer.transcribe(pcm);
    expect(t.words.length).toBeGreaterThan(5); // pocketsphinx's transcript
    expect(t.note).toMatch(/sherpa-onnx:whisper-base\.en could not be used \(sherpa-onnx stopped .*\); the transcript is from pocketsphinx/);
    expect(sel.recognizer.name).toMatch(/pocketsphinx/);
    const engine = createLocalEngine({ speech: { speechModel: 'whisper-base.en', modelsDir }, vision: async () => Promise.reject(new Error('off')) });
    const r = await engine.analyze({ videoPath: realClip, question: 'q', durationSec: 5.3, hasAudio: true, hasVideo: false }, () => {});
    expect(r.transcript?.recognizer).toMatch(/pocketsphinx/);
    expect(r.warnings.join('\n')).toMatch(/sherpa-onnx:whisper-base\.en could not be used/);
  });
});
