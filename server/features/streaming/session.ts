/**
 * The streaming analysis of one take while it is being uploaded (see docs/streaming.md). The bytes of the growing
 * upload file are fed, in order, to two ffmpeg processes: one decodes the audio (16 kHz mono float, the same samples
 * decodeToPcm gives for the finished file), the other samples video frames for the vision worker. As audio arrives
 * the session runs voice activity (its own Silero state), pitch and loudness frames, and recognises every block of
 * speech segments as soon as it is closed (blocks.ts: one pocketsphinx run per block, cached). When the upload is
 * complete, finish() decodes the tail, recognises the last block and hands the local engine everything it needs to
 * merge the report (StreamedParts): the same Report schema, the same stages as the batch path.
 */
import type { StreamProgress } from '../../../contracts/uploads.js';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { BlockCache, BLOCK_PAD_SEC, groupBlocks, transcribeByBlocks } from '../../analysis/audio/blocks.js';
import { type Pcm, SAMPLE_RATE } from '../../analysis/audio/decode.js';
import { IntensityStream } from '../../analysis/audio/intensity.js';
import { PitchStream } from '../../analysis/audio/pitch.js';
import { prosodyFrom } from '../../analysis/audio/prosodyCore.js';
import type { Recognizer } from '../../analysis/audio/recognizer.js';
import { createVadStream, defaultSegmentOptions, segmentSpeech, type VadStream } from '../../analysis/audio/vad.js';
import type { VisionOutput } from '../../analysis/vision/contract.js';
import type { Span } from '../../analysis/report.js';
import type { StreamedParts } from '../../engines/engine.js';
import { FFMPEG, background, probe } from '../../media/ffmpeg.js';


export type VisionOfStream = (source: PassThrough, frame: { width: number; height: number }, opts: { signal: AbortSignal; onFrame: (t: number) => void }) => Promise<VisionOutput>;

/**
 * Where a session's bytes come from, in order: the growing upload file (ROLE=all, `fileSource`) or the chunk objects
 * a worker reads from storage (ROLE=worker, `ChunkSource` in chunks.ts).
 */
export interface ByteSource {
  /** The bytes that arrived since the last call, in order (nothing: no new bytes yet). Never called twice at once. */
  pull(): AsyncIterable<Buffer>;
  /** A local file holding the bytes so far, for ffprobe; without it the session probes the bytes it has read. */
  readonly path?: string;
}

/** A file that grows while the take is uploaded: each pull reads what was appended since the last one. */
export function fileSource(path: string): ByteSource {
  let offset = 0;
  return {
    path,
    async *pull() {
      const h = await open(path, 'r');
      try {
        const size = (await h.stat()).size;
        while (offset < size) {
          const buf = Buffer.alloc(Math.min(1 << 20, size - offset));
          const { bytesRead } = await h.read(buf, 0, buf.length, offset);
          if (bytesRead === 0) break;
          offset += bytesRead;
          yield buf.subarray(0, bytesRead);
        }
      } finally {
        await h.close();
      }
    },
  };
}

export interface SessionOptions {
  /** the upload file, growing while the take is recorded (or `source`) */
  path?: string;
  /** where the bytes come from, instead of `path` */
  source?: ByteSource;
  recognizer: Recognizer;
  /** runs the vision pipeline on a stream of the file's bytes; null: no vision (the engine is told "not measured") */
  vision: VisionOfStream | null;
  onProgress?: (p: StreamProgress) => void;
  log?: { warn(o: object, m?: string): void };
  /** how often the file is checked for new bytes (ms) */
  pollMs?: number;
}

/** Blocks recognised at once. */
const ASR_LANES = 2;
const key = (b: Span): string => `${b.start.toFixed(3)}-${b.end.toFixed(3)}`;

/** The end of the last block of the run of recognised blocks from the first one (`order`: blocks as queued). */
function contiguousEnd(order: Span[], done: Set<string>): number {
  let end = 0;
  for (const b of order) {
    if (!done.has(key(b))) break;
    end = b.end;
  }
  return end;
}

/** Stable segments end this far before the audio decoded so far (an open segment always ends later). */
const STABLE_MARGIN_SEC = 0.3;
/** The video header must be in before ffprobe can read the frame size. */
const HEADER_BYTES = 16 * 1024;
/** The first bytes kept for ffprobe when the source has no local file. */
const HEAD_KEEP_BYTES = 1 << 20;

export class StreamingSession {
  private readonly ac = new AbortController();
  private samples = new Float32Array(SAMPLE_RATE * 30);
  private n = 0;
  private tail: Uint8Array = new Uint8Array(0);
  private readBytes = 0;
  private readonly source: ByteSource;
  private readonly head: Buffer[] = [];
  private complete = false;
  private timer: NodeJS.Timeout | null = null;
  private reading: Promise<void> = Promise.resolve();
  private readonly audioIn = new PassThrough();
  private readonly videoIn = new PassThrough();
  private decoder: ChildProcess | null = null;
  private decoded: Promise<void>;
  private vad: Promise<VadStream>;
  private readonly pitch = new PitchStream(SAMPLE_RATE);
  private readonly intensity = new IntensityStream(SAMPLE_RATE);
  private readonly cache = new BlockCache();
  private readonly asrQueue: Array<{ block: Span; pcm: Pcm }> = [];
  private readonly queued = new Set<string>();
  private readonly order: Span[] = [];
  private readonly recognised = new Set<string>();
  private asrRunning = 0;
  private pumping: Promise<void> = Promise.resolve();
  private recognisedUntil = 0;
  private firstPendingStart = Number.POSITIVE_INFINITY;
  private stableSegs: Span[] = [];
  /** where the audio not yet settled by voice activity starts (open speech, or the last few windows) */
  private openFrom = 0;
  /** what progress() said last: the page never sees it go back */
  private lastAnalysed = 0;
  private visionAt = 0;
  private visionStarted = false;
  private visionDone = false;
  private visionP: Promise<VisionOutput | Error>;
  private resolveVision!: (v: VisionOutput | Error) => void;
  private failure: Error | null = null;
  private finishing: Promise<StreamedParts> | null = null;
  private finished = false;

  constructor(private readonly o: SessionOptions) {
    if (!o.source && !o.path) throw new Error('a streaming session needs a path or a source');
    this.source = o.source ?? fileSource(o.path!);
    this.vad = createVadStream();
    this.vad.catch(() => undefined);
    this.visionP = new Promise((r) => (this.resolveVision = r));
    this.decoded = this.startDecoder();
    this.decoded.catch(() => undefined);
    this.timer = setInterval(() => this.poll(), o.pollMs ?? 250);
  }

  /** The analysis so far. */
  progress(): StreamProgress {
    const receivedSec = this.n / SAMPLE_RATE;
    let audio = Math.min(receivedSec, this.firstPendingStart);
    if (this.finished) audio = receivedSec;
    const vision = this.o.vision && !this.visionDone ? this.visionAt : Number.POSITIVE_INFINITY;
    this.lastAnalysed = Math.max(this.lastAnalysed, Math.max(0, Math.min(audio, vision)));
    return { receivedSec: r1(receivedSec), analysedSec: r1(this.lastAnalysed), complete: this.complete, finished: this.finished, error: this.failure?.message ?? null };
  }

  /** More bytes may be in the file (called by the upload server after each PATCH; polling covers the rest). */
  poke(): void {
    this.poll();
  }

  private poll(): void {
    this.reading = this.reading.then(() => this.readNew()).catch((e: unknown) => this.fail(e));
  }

  private async readNew(): Promise<void> {
    if (this.ac.signal.aborted) return;
    for await (const piece of this.source.pull()) {
      if (this.ac.signal.aborted) return;
      if (!this.source.path && this.readBytes < HEAD_KEEP_BYTES) this.head.push(piece.subarray(0, HEAD_KEEP_BYTES - this.readBytes));
      this.readBytes += piece.length;
      this.audioIn.write(piece);
      if (this.o.vision) this.videoIn.write(piece);
    }
    if (this.o.vision && !this.visionStarted && (this.readBytes >= HEADER_BYTES || this.complete)) this.startVision();
    if (this.complete && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
      this.audioIn.end();
      this.videoIn.end();
    }
  }

  private startVision(): void {
    this.visionStarted = true;
    const vision = this.o.vision!;
    void (async (): Promise<VisionOutput | Error> => {
      try {
        const info = await this.probeHead();
        if (!info.hasVideo || !info.width || !info.height) throw new Error('the file has no video stream');
        return await vision(this.videoIn, { width: info.width, height: info.height }, { signal: this.ac.signal, onFrame: (t) => (this.visionAt = t) });
      } catch (e) {
        this.videoIn.resume(); // nobody reads it any more
        return e instanceof Error ? e : new Error(String(e));
      }
    })().then((v) => {
      this.visionDone = true;
      this.resolveVision(v);
    });
  }

  /** ffprobe of the bytes so far: the source's file, or the first bytes read written to a temporary file. */
  private async probeHead(): Promise<Awaited<ReturnType<typeof probe>>> {
    if (this.source.path) return probe(this.source.path, this.ac.signal);
    const tmp = join(tmpdir(), `ia-stream-head-${randomUUID()}.bin`);
    try {
      await writeFile(tmp, Buffer.concat(this.head));
      return await probe(tmp, this.ac.signal);
    } finally {
      await rm(tmp, { force: true });
    }
  }

  private startDecoder(): Promise<void> {
    const child = spawn(FFMPEG, ['-v', 'error', '-i', 'pipe:0', '-vn', '-ac', '1', '-ar', String(SAMPLE_RATE), '-f', 'f32le', 'pipe:1'], { stdio: ['pipe', 'pipe', 'pipe'], signal: this.ac.signal });
    background(child);
    this.decoder = child;
    child.stdin.on('error', () => undefined);
    this.audioIn.pipe(child.stdin);
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      if (stderr.length < 8000) stderr += c.toString('utf8');
    });
    child.stdout.on('data', (c: Buffer) => this.onPcm(c));
    return new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`the audio could not be decoded (${stderr.trim().split('\n').pop() ?? `ffmpeg exit ${code}`})`))));
    });
  }

  private onPcm(c: Buffer): void {
    const bytes = this.tail.length ? Buffer.concat([this.tail, c]) : c;
    const count = Math.floor(bytes.length / 4);
    if (this.n + count > this.samples.length) {
      const grown = new Float32Array(Math.max(this.n + count, this.samples.length * 2));
      grown.set(this.samples.subarray(0, this.n));
      this.samples = grown;
    }
    new Uint8Array(this.samples.buffer, this.n * 4, count * 4).set(bytes.subarray(0, count * 4));
    this.n += count;
    this.tail = Uint8Array.from(bytes.subarray(count * 4));
    this.pump();
  }

  private pcm(): Pcm {
    return { samples: this.samples.subarray(0, this.n), sampleRate: SAMPLE_RATE, durationSec: this.n / SAMPLE_RATE };
  }

  /** Measures what arrived: VAD, pitch/loudness frames, and recognition of every closed block. */
  private pump(): void {
    this.pumping = this.pumping
      .then(async () => {
        if (this.ac.signal.aborted) return;
        const samples = this.samples;
        const n = this.n;
        this.pitch.advance(samples, n);
        this.intensity.advance(samples, n);
        const vad = await this.vad;
        await vad.advance(samples, n, this.ac.signal);
        const vadSec = vad.windows * defaultSegmentOptions.windowSec;
        const all = segmentSpeech(vad.probs);
        const segs = all.filter((s) => s.end <= vadSec - STABLE_MARGIN_SEC);
        // speech still going on (or not yet known to have ended) is not analysed yet
        this.openFrom = Math.min(vadSec - STABLE_MARGIN_SEC, all.find((s) => s.end > vadSec - STABLE_MARGIN_SEC)?.start ?? Number.POSITIVE_INFINITY);
        this.schedule(groupBlocks(segs, false), segs);
      })
      .catch((e: unknown) => this.fail(e));
  }

  private schedule(blocks: Span[], segs: Span[]): void {
    const pcm = this.pcm();
    for (const b of blocks) {
      if (this.queued.has(key(b)) || b.end + BLOCK_PAD_SEC > pcm.durationSec) continue;
      this.queued.add(key(b));
      this.order.push(b);
      this.asrQueue.push({ block: b, pcm });
    }
    this.drainAsr();
    this.stableSegs = segs;
    this.updatePending();
  }

  /** Analysed up to the first speech not recognised yet. */
  private updatePending(): void {
    const segs = this.stableSegs;
    const pending = segs.find((s) => s.start >= this.recognisedUntil);
    this.firstPendingStart = Math.min(pending ? pending.start : Number.POSITIVE_INFINITY, this.openFrom);
  }

  /** Recognition: two blocks at a time (2 cores), in order; the final pass reuses what is running or done. */
  private drainAsr(): void {
    while (this.asrRunning < ASR_LANES && this.asrQueue.length > 0) {
      const { block, pcm } = this.asrQueue.shift()!;
      this.asrRunning++;
      this.cache
        .words(block, pcm, this.o.recognizer, this.ac.signal)
        .then(
          () => this.recognised.add(key(block)),
          (e: unknown) => this.fail(e),
        )
        .finally(() => {
          this.asrRunning--;
          this.recognisedUntil = contiguousEnd(this.order, this.recognised);
          this.updatePending();
          this.drainAsr();
        });
    }
  }

  private fail(e: unknown): void {
    if (this.ac.signal.aborted && !this.failure) return;
    this.failure ??= e instanceof Error ? e : new Error(String(e));
    this.o.log?.warn({ err: this.failure.message }, 'streaming analysis failed; the answer will be analysed from the file');
  }

  /** How far behind the audio and vision measurements were when the last byte arrived (seconds of the take). */
  lagAtComplete: { audioSec: number; visionSec: number } | null = null;

  /** The upload is complete: read the last bytes and close the inputs. */
  markComplete(): void {
    this.complete = true;
    const received = this.n / SAMPLE_RATE;
    this.lagAtComplete = { audioSec: r1(Math.max(0, received - Math.min(received, this.firstPendingStart))), visionSec: this.o.vision ? r1(Math.max(0, received - this.visionAt)) : 0 };
    this.poll();
  }

  /** Resolves when every byte of the complete upload has been read (the file may then go). */
  async drained(): Promise<void> {
    await this.reading;
  }

  /**
   * Waits for the tail (after markComplete) and returns what the engine merges. Rejects when anything failed on
   * the way: the caller then analyses the stored file from scratch.
   */
  finish(): Promise<StreamedParts> {
    this.finishing ??= (async () => {
      const t0 = performance.now();
      await this.reading;
      if (this.failure) throw this.failure;
      await this.decoded;
      await this.pumping;
      if (this.failure) throw this.failure;
      const pcm = this.pcm();
      const vad = await this.vad;
      await vad.advance(pcm.samples, pcm.samples.length, this.ac.signal);
      this.pitch.advance(pcm.samples, pcm.samples.length);
      this.intensity.advance(pcm.samples, pcm.samples.length);
      const probs = vad.probs.slice();
      const transcription = transcribeByBlocks(pcm, segmentSpeech(probs), this.o.recognizer, this.cache, this.ac.signal);
      transcription.then(() => {
        this.finished = true;
        this.o.onProgress?.(this.progress());
      }, () => undefined);
      const vision = this.o.vision ? (this.visionStarted ? this.visionP : Promise.resolve(new Error('no video was received'))) : Promise.resolve(new Error('vision is not part of this analysis'));
      const lag = this.lagAtComplete;
      const timingsMs = { 'stream.finishMs': Math.round(performance.now() - t0), ...(lag ? { 'stream.audioLagAtStopSec': lag.audioSec, 'stream.visionLagAtStopSec': lag.visionSec } : {}) };
      return { pcm, audio: { probs, transcription, prosody: prosodyFrom(this.pitch.finish(), this.intensity.finish(), pcm.samples, SAMPLE_RATE) }, vision, timingsMs };
    })();
    return this.finishing;
  }

  /** Stops everything (a retake, a deleted upload, shutdown). */
  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.ac.abort(new Error('the streaming analysis was stopped'));
    this.audioIn.destroy();
    this.videoIn.destroy();
    this.decoder?.kill('SIGKILL');
  }
}

const r1 = (x: number): number => Math.round(x * 10) / 10;
