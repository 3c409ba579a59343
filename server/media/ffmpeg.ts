/** Thin, promise-based wrappers around Debian's ffmpeg and ffprobe binaries. */
import { type ChildProcess, spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { FFPROBE } from './tools.js';

export interface RunResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

export interface RunOptions {
  signal?: AbortSignal;
  /** Keep at most this many bytes of stdout (default: unlimited). */
  maxStdoutBytes?: number;
  /** Called with each stdout chunk; when given, stdout is not collected. */
  onStdout?: (chunk: Buffer) => void;
}

/** The programs' paths come from config.ts through tools.ts (live bindings: the configured value once set). */
export { FFMPEG, FFPROBE } from './tools.js';

/**
 * Niceness of media and speech child processes (and of the analysis worker threads): heavy analysis
 * yields the CPU to the HTTP event loop, so light routes stay fast while answers are analysed.
 */
export const BACKGROUND_NICENESS = 10;

/** Lowers the priority of a child process (best effort: it may have exited already). */
export function background(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    setPriority(child.pid, BACKGROUND_NICENESS);
  } catch {
    /* already gone, or not permitted */
  }
}

/** Lowers the priority of the calling thread (Linux applies setpriority(pid 0) to the calling thread only). */
export function backgroundThisThread(): void {
  try {
    setPriority(BACKGROUND_NICENESS);
  } catch {
    /* not permitted */
  }
}

/** Runs a command, collecting stdout (binary) and stderr (text). Never rejects on a non-zero exit. */
export function run(cmd: string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], signal: opts.signal });
    background(child);
    const out: Buffer[] = [];
    let outBytes = 0;
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      if (opts.onStdout) return opts.onStdout(c);
      if (opts.maxStdoutBytes !== undefined && outBytes >= opts.maxStdoutBytes) return;
      out.push(c);
      outBytes += c.length;
    });
    child.stderr.on('data', (c: Buffer) => {
      if (stderr.length < 64_000) stderr += c.toString('utf8');
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') reject(new Error(`${cmd} is not installed (run: apt-get install -y ffmpeg)`));
      else reject(err);
    });
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out), stderr }));
  });
}

export interface ProbeResult {
  formatName: string;
  /** Container duration in seconds; null when the container has none (MediaRecorder webm). */
  durationSec: number | null;
  hasVideo: boolean;
  hasAudio: boolean;
  videoCodec: string | null;
  audioCodec: string | null;
  width: number | null;
  height: number | null;
  /** The file is a still (or animated) image, e.g. a PNG renamed .webm: its image type ("PNG"), else null. */
  image: string | null;
}

/** ffprobe's demuxers for image files (image2, png_pipe, jpeg_pipe, gif, webp_pipe, ...). */
export function imageKind(formatName: string): string | null {
  const f = formatName.split(',')[0] ?? '';
  const m = /^([a-z0-9]+)_pipe$/.exec(f);
  if (m) return m[1] === 'jpeg' ? 'JPEG' : m[1]!.toUpperCase();
  if (f === 'image2' || f === 'image2pipe') return 'image';
  if (f === 'gif' || f === 'apng' || f === 'ico') return f.toUpperCase();
  return null;
}

/** Thrown when ffprobe cannot read the file as media at all. */
export class NotMediaError extends Error {}

interface FfprobeJson {
  format?: { format_name?: string; duration?: string };
  streams?: Array<{ codec_type?: string; codec_name?: string; width?: number; height?: number; disposition?: { attached_pic?: number } }>;
}

export async function probe(path: string, signal?: AbortSignal): Promise<ProbeResult> {
  const r = await run(FFPROBE, ['-v', 'error', '-show_format', '-show_streams', '-of', 'json', path], { signal });
  let json: FfprobeJson = {};
  try {
    json = JSON.parse(r.stdout.toString('utf8') || '{}') as FfprobeJson;
  } catch {
    /* handled below */
  }
  if (r.code !== 0 || !json.format) {
    const why = r.stderr.split('\n').map((l) => l.trim()).filter(Boolean).pop() ?? 'unreadable';
    throw new NotMediaError(`not a readable video file (${why.replace(/^.*?:\s*/, '')})`);
  }
  const streams = json.streams ?? [];
  const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const audio = streams.find((s) => s.codec_type === 'audio');
  const d = Number(json.format.duration);
  return {
    formatName: json.format.format_name ?? 'unknown',
    durationSec: Number.isFinite(d) && d > 0 ? d : null,
    hasVideo: Boolean(video),
    hasAudio: Boolean(audio),
    videoCodec: video?.codec_name ?? null,
    audioCodec: audio?.codec_name ?? null,
    width: video?.width ?? null,
    height: video?.height ?? null,
    image: imageKind(json.format.format_name ?? ''),
  };
}

/** ffmpeg's own "the input is broken" lines, as opposed to harmless warnings. */
export function decodeProblems(stderr: string): string[] {
  return stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /ended prematurely|invalid data|corrupt|truncat|error while decoding|EBML header/i.test(l));
}
