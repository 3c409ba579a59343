/**
 * The streaming analysis agrees with the batch analysis of the same file. The streaming side gets the file's bytes
 * a piece at a time (as tus PATCHes write them) while a StreamingSession measures them; the batch side decodes
 * the finished file, runs voice activity, prosody and vision over all of it, and recognises the same blocks of
 * speech segments (blocks.ts) with pocketsphinx. Both go through the local engine's merge. Fixtures: a synthetic
 * voice (flite, fillers and pauses) and real voices (LibriSpeech, LJSpeech, MFA "um" recordings) over a face video.
 */
import { execFile } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transcribeByBlocks } from '../../server/analysis/audio/blocks.js';
import { decodeToPcm } from '../../server/analysis/audio/decode.js';
import { PocketsphinxRecognizer } from '../../server/analysis/audio/pocketsphinx.js';
import { segmentSpeech, speechProbabilities } from '../../server/analysis/audio/vad.js';
import { type Report, reportSchema } from '../../server/analysis/report.js';
import { analyzeVision, analyzeVisionSource } from '../../server/analysis/vision/index.js';
import { createLocalEngine } from '../../server/engines/local/index.js';
import { StreamingSession } from '../../server/features/streaming/session.js';
import { probe } from '../../server/media/ffmpeg.js';
import { fixture, repoRoot } from '../helpers/fixtures.js';

const exec = promisify(execFile);
const recognizer = new PocketsphinxRecognizer();
const engine = createLocalEngine({ recognizer });
const QUESTION = 'Tell me about a time you solved a hard problem.';

let dir: string;
let realVideo: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ia-stream-eq-'));
  // real voices over the face video, encoded as a browser does (VP8 + Opus in WebM)
  const real = resolve(repoRoot, '../shared/fixtures/real');
  const wavs = ['ls_1221-135766_a.wav', 'mfa_um.wav', 'ljspeech_LJ001-0001.wav'].map((f) => join(real, f));
  realVideo = join(dir, 'real-voices.webm');
  const filter = `${wavs.map((_, i) => `[${i + 1}:a]apad=pad_dur=0.8[a${i}]`).join(';')};${wavs.map((_, i) => `[a${i}]`).join('')}concat=n=${wavs.length}:v=0:a=1[a]`;
  await exec('ffmpeg', ['-nostdin', '-v', 'error', '-y', '-stream_loop', '-1', '-i', fixture('clear-answer.webm'), ...wavs.flatMap((w) => ['-i', w]), '-filter_complex', filter,
    '-map', '0:v', '-map', '[a]', '-shortest', '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '500k', '-c:a', 'libopus', '-ar', '48000', realVideo]);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The streaming path: the file arrives in 64 KB pieces while the session measures it. */
async function streamed(path: string): Promise<Report> {
  const bytes = await readFile(path);
  const growing = join(dir, `upload-${Math.random().toString(36).slice(2)}`);
  await writeFile(growing, '');
  const session = new StreamingSession({
    path: growing,
    recognizer,
    vision: (source, frame, o) => analyzeVisionSource(source, frame, { durationSec: 0, signal: o.signal, onFrame: o.onFrame }),
    pollMs: 50,
  });
  const seen: number[] = [];
  try {
    for (let at = 0; at < bytes.length; at += 64 * 1024) {
      await appendFile(growing, bytes.subarray(at, at + 64 * 1024));
      session.poke();
      await new Promise((r) => setTimeout(r, 40));
      seen.push(session.progress().analysedSec);
    }
    session.markComplete();
    const parts = await session.finish();
    const info = await probe(path);
    const report = await engine.analyze({ videoPath: path, question: QUESTION, durationSec: info.durationSec ?? parts.pcm.durationSec, hasAudio: true, hasVideo: true, streamed: parts }, () => {});
    // progress only moves forward and ends at the whole answer
    expect(seen.every((v, i) => i === 0 || v >= seen[i - 1]!)).toBe(true);
    expect(session.progress().analysedSec).toBeCloseTo(parts.pcm.durationSec, 0);
    return reportSchema.parse(report);
  } finally {
    session.close();
  }
}

/** The batch path over the finished file, recognising the same blocks. */
async function batch(path: string): Promise<Report> {
  const pcm = await decodeToPcm(path);
  const probs = await speechProbabilities(pcm.samples);
  const transcription = transcribeByBlocks(pcm, segmentSpeech(probs), recognizer);
  const info = await probe(path);
  const report = await engine.analyze(
    { videoPath: path, question: QUESTION, durationSec: info.durationSec ?? pcm.durationSec, hasAudio: true, hasVideo: true, streamed: { pcm, audio: { probs, transcription }, vision: analyzeVision(path, { durationSec: info.durationSec ?? pcm.durationSec }) } },
    () => {},
  );
  return reportSchema.parse(report);
}

function compare(s: Report, b: Report): void {
  // same words (text and times) from pocketsphinx on the same blocks
  expect(s.transcript?.words).toEqual(b.transcript?.words);
  expect(s.transcript!.words.length).toBeGreaterThan(20);
  // same speech segments, pauses and fillers
  expect(s.speech?.speechSegments).toEqual(b.speech?.speechSegments);
  expect(s.speech?.pauses).toEqual(b.speech?.pauses);
  expect(s.speech?.fillers).toEqual(b.speech?.fillers);
  // pace within 2% (here: equal), pitch and loudness the same
  const sw = s.speech!.wpm!;
  const bw = b.speech!.wpm!;
  expect(Math.abs(sw - bw) / bw).toBeLessThanOrEqual(0.02);
  expect(s.speech?.pitchMeanHz).toBe(b.speech?.pitchMeanHz);
  expect(s.speech?.loudnessDbfs).toBe(b.speech?.loudnessDbfs);
  expect(s.speech?.syllableNuclei).toBe(b.speech?.syllableNuclei);
  // vision ratios within 0.02
  expect(s.visual).not.toBeNull();
  expect(b.visual).not.toBeNull();
  const sv = s.visual as unknown as Record<string, number | null>;
  const bv = b.visual as unknown as Record<string, number | null>;
  for (const k of ['facePresentRatio', 'facingCameraRatio', 'multipleFacesRatio']) expect(Math.abs((sv[k] ?? 0) - (bv[k] ?? 0)), k).toBeLessThanOrEqual(0.02);
  expect(Math.abs(sv.framesAnalyzed! - bv.framesAnalyzed!)).toBeLessThanOrEqual(1);
  // the same scores
  for (const k of Object.keys(b.scores) as Array<keyof Report['scores']>) expect(s.scores[k].value, k).toBe(b.scores[k].value);
}

describe('streaming analysis = batch analysis', () => {
  it('decodes the same samples from a growing upload as from the finished file', async () => {
    const path = fixture('browser-like.webm');
    const batchPcm = await decodeToPcm(path);
    const bytes = await readFile(path);
    const growing = join(dir, 'decode-check');
    await writeFile(growing, '');
    const session = new StreamingSession({ path: growing, recognizer, vision: null, pollMs: 20 });
    try {
      for (let at = 0; at < bytes.length; at += 100_000) {
        await appendFile(growing, bytes.subarray(at, at + 100_000));
        await new Promise((r) => setTimeout(r, 20));
      }
      session.markComplete();
      const parts = await session.finish();
      expect(parts.pcm.samples.length).toBe(batchPcm.samples.length);
      expect(Buffer.from(parts.pcm.samples.buffer, parts.pcm.samples.byteOffset, parts.pcm.samples.byteLength).equals(Buffer.from(batchPcm.samples.buffer))).toBe(true);
    } finally {
      session.close();
    }
  }, 300_000);

  it('synthetic voice with fillers and pauses (fillers-pauses.webm)', async () => {
    const path = fixture('fillers-pauses.webm');
    const [s, b] = [await streamed(path), await batch(path)];
    compare(s, b);
    expect(s.speech!.pauses.length).toBeGreaterThanOrEqual(3);
  }, 600_000);

  it('real voices (LibriSpeech, MFA, LJSpeech) over a face video', async () => {
    const [s, b] = [await streamed(realVideo), await batch(realVideo)];
    compare(s, b);
  }, 600_000);
});
