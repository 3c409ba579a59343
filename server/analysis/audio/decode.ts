/** Stage 1: decode any input to 16 kHz mono PCM (float32) with ffmpeg. The input file is only read. */
import { writeFile } from 'node:fs/promises';
import { FFMPEG, decodeProblems, run } from '../../media/ffmpeg.js';

export const SAMPLE_RATE = 16_000;

export interface Pcm {
  samples: Float32Array;
  sampleRate: number;
  durationSec: number;
}

export class UndecodableError extends Error {}

/**
 * Decodes the first audio stream of `path` to 16 kHz mono float32. Throws UndecodableError when ffmpeg cannot,
 * or when it reports a broken file (e.g. "File ended prematurely") and yields under 90% of `expectedSec`
 * (a truncated upload whose header still claims the full duration).
 */
export async function decodeToPcm(path: string, signal?: AbortSignal, expectedSec?: number): Promise<Pcm> {
  const args = ['-nostdin', '-v', 'error', '-i', path, '-vn', '-ac', '1', '-ar', String(SAMPLE_RATE), '-f', 'f32le', 'pipe:1'];
  const r = await run(FFMPEG, args, { signal });
  const problems = decodeProblems(r.stderr);
  if (r.code !== 0) {
    const why = problems[0] ?? r.stderr.trim().split('\n').pop() ?? `ffmpeg exit ${r.code}`;
    throw new UndecodableError(`the audio could not be decoded (${why})`);
  }
  const buf = r.stdout;
  const n = Math.floor(buf.length / 4);
  // copy into an aligned buffer (Buffer pools may be unaligned); x86/ARM are little-endian like f32le
  const samples = new Float32Array(n);
  new Uint8Array(samples.buffer).set(buf.subarray(0, n * 4));
  const durationSec = n / SAMPLE_RATE;
  if (problems.length && expectedSec !== undefined && durationSec < 0.9 * expectedSec)
    throw new UndecodableError(`the file is damaged: only ${durationSec.toFixed(1)} s of ${expectedSec.toFixed(1)} s could be decoded (${problems[0]!.replace(/^\[[^\]]*\]\s*/, '')})`);
  return { samples, sampleRate: SAMPLE_RATE, durationSec };
}

/** A 16-bit PCM mono WAV file image of `samples` (what pocketsphinx and whisper.cpp read). */
export function wavBytes(samples: Float32Array, sampleRate = SAMPLE_RATE): Buffer {
  const data = samples.length * 2;
  const b = Buffer.alloc(44 + data);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(36 + data, 4);
  b.write('WAVE', 8, 'ascii');
  b.write('fmt ', 12, 'ascii');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20); // PCM
  b.writeUInt16LE(1, 22); // mono
  b.writeUInt32LE(sampleRate, 24);
  b.writeUInt32LE(sampleRate * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36, 'ascii');
  b.writeUInt32LE(data, 40);
  const pcm = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) pcm[i] = Math.round(Math.max(-1, Math.min(1, samples[i]!)) * 32767);
  Buffer.from(pcm.buffer).copy(b, 44);
  return b;
}

export async function writeWav(path: string, samples: Float32Array, sampleRate = SAMPLE_RATE): Promise<void> {
  await writeFile(path, wavBytes(samples, sampleRate));
}
