/** Samples video frames with ffmpeg as raw RGB over a pipe (no files written), at a fixed rate and width. */
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { background, FFMPEG, FFPROBE, run } from '../../media/ffmpeg.js';

export interface SampleOptions {
  fps: number;
  /** output width in pixels (height follows the aspect ratio, rounded to even) */
  width: number;
  /** source frame size from probe(); needed to know the raw frame size */
  srcWidth: number;
  srcHeight: number;
  signal?: AbortSignal;
}

export interface RawFrame {
  /** seconds from the start: the fps filter emits frame i at i / fps */
  t: number;
  data: Uint8Array;
  width: number;
  height: number;
}

export function outputSize(opts: Pick<SampleOptions, 'width' | 'srcWidth' | 'srcHeight'>): { width: number; height: number } {
  const width = Math.min(opts.width, opts.srcWidth) & ~1;
  const height = Math.max(2, Math.round((opts.srcHeight * width) / opts.srcWidth / 2) * 2);
  return { width, height };
}

/**
 * The frame size ffmpeg outputs: phone videos carry a rotation (display matrix or "rotate" tag) that ffmpeg
 * applies while decoding, so a 90/270 degree rotation swaps width and height.
 */
export async function displaySize(path: string, width: number, height: number, signal?: AbortSignal): Promise<{ width: number; height: number }> {
  const r = await run(FFPROBE, ['-v', 'error', '-select_streams', 'v:0', '-show_entries',
    'stream_side_data=rotation:stream_tags=rotate', '-of', 'default=nw=1:nk=1', path], { signal });
  const rotation = r.stdout.toString('utf8').split('\n').map(Number).find((v) => Number.isFinite(v) && v !== 0) ?? 0;
  return Math.abs(rotation) % 180 === 90 ? { width: height, height: width } : { width, height };
}

/**
 * Yields frames as they are decoded; reading slowly back-pressures ffmpeg. Throws when ffmpeg fails.
 * `input` is a file, or a stream of the file's bytes as they arrive (the streaming analysis).
 */
export async function* sampleFrames(input: string | Readable, opts: SampleOptions): AsyncGenerator<RawFrame> {
  const { width, height } = outputSize(opts);
  const frameBytes = width * height * 3;
  const piped = typeof input !== 'string';
  const args = ['-v', 'error', ...(piped ? [] : ['-nostdin']), '-i', piped ? 'pipe:0' : input, '-an', '-sn',
    '-vf', `fps=${opts.fps},scale=${width}:${height}`, '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'];
  const child = spawn(FFMPEG, args, { stdio: [piped ? 'pipe' : 'ignore', 'pipe', 'pipe'], signal: opts.signal });
  background(child);
  if (piped) {
    child.stdin!.on('error', () => undefined); // ffmpeg may stop reading early (a damaged file): its exit code tells
    input.pipe(child.stdin!);
  }
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => { if (stderr.length < 16_000) stderr += c.toString('utf8'); });
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
  });
  // awaited below on a normal end; when the consumer stops early (abort, error) nobody awaits it
  exited.catch(() => undefined);
  let frame = new Uint8Array(frameBytes);
  let filled = 0;
  let index = 0;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      let pos = 0;
      while (pos < chunk.length) {
        const n = Math.min(frameBytes - filled, chunk.length - pos);
        frame.set(chunk.subarray(pos, pos + n), filled);
        filled += n;
        pos += n;
        if (filled === frameBytes) {
          yield { t: index / opts.fps, data: frame, width, height };
          index++;
          frame = new Uint8Array(frameBytes);
          filled = 0;
        }
      }
    }
    const code = await exited;
    if (code !== 0 && index === 0) {
      throw new Error(`ffmpeg could not decode the video (${stderr.trim().split('\n').pop() ?? `exit ${code}`})`);
    }
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}
