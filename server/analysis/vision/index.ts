/**
 * The local vision pipeline: ffmpeg samples frames (raw RGB over a pipe), a shared worker runs Human
 * (face + mesh + iris, MoveNet body) on the tfjs wasm backend, and pure metric functions turn the per-frame
 * observations into report.visual and the eyeContact / bodyLanguage scores. No emotion, age/gender,
 * embedding, antispoof or liveness model is run.
 */
import type { Readable } from 'node:stream';
import { probe } from '../../media/ffmpeg.js';
import type { AnalyzeVision, VisionOptions, VisionOutput } from './contract.js';
import { displaySize } from './frames.js';
import { observeVideo } from './observe.js';
import { acquireVisionWorker } from './pool.js';
import { bodyLanguageScore, eyeContactScore } from './scores.js';
import { summarize } from './summarize.js';

export { closeVisionWorker } from './pool.js';

/** Chosen with bench.ts: 2 fps finds the same face/facing ratios as 3-5 fps on the fixtures at well under half
 * the time of 5 fps (see docs/scoring.md, "Eye contact and body language"). */
export const DEFAULT_FPS = 2;
/** Frames are scaled to this width before the models (they work at 128-256 px internally). */
export const DEFAULT_WIDTH = 320;

export interface VisionTuning { fps?: number; width?: number }

export async function analyzeVisionWith(videoPath: string, opts: VisionOptions, tuning: VisionTuning = {}): Promise<VisionOutput> {
  const t0 = performance.now();
  const info = await probe(videoPath, opts.signal);
  if (!info.hasVideo || !info.width || !info.height) throw new Error('the file has no video stream');
  const src = await displaySize(videoPath, info.width, info.height, opts.signal);
  return analyzeVisionSource(videoPath, src, opts, tuning, t0);
}

/**
 * The vision pipeline on a file or on a stream of its bytes as they arrive (the streaming analysis), once the
 * frame size is known.
 */
export async function analyzeVisionSource(
  source: string | Readable,
  src: { width: number; height: number },
  opts: VisionOptions & { onFrame?: (t: number) => void },
  tuning: VisionTuning = {},
  t0 = performance.now(),
): Promise<VisionOutput> {
  const fps = tuning.fps ?? DEFAULT_FPS;
  const width = tuning.width ?? DEFAULT_WIDTH;
  const warnings: string[] = [];
  const { worker, release } = acquireVisionWorker();
  try {
    const tLoad = performance.now();
    const loadMs = await worker.ready;
    const waitedMs = performance.now() - tLoad;
    const obs = await observeVideo(worker, source, {
      fps, width, srcWidth: src.width, srcHeight: src.height, signal: opts.signal,
      durationSec: opts.durationSec, onProgress: opts.onProgress, onFrame: opts.onFrame,
    });
    if (obs.frames.length === 0) warnings.push('no video frames could be decoded for the visual analysis');
    const visual = summarize(obs.frames, fps, src.width / src.height);
    opts.onProgress?.(1);
    return {
      visual,
      scores: { eyeContact: eyeContactScore(visual), bodyLanguage: bodyLanguageScore(visual) },
      timingsMs: {
        visionModelLoad: waitedMs > 5 ? loadMs : 0,
        visionFrames: obs.wallMs,
        visionModel: obs.modelMs,
        vision: Math.round(performance.now() - t0),
      },
      warnings,
    };
  } finally {
    release();
  }
}

export const analyzeVision: AnalyzeVision = (videoPath, opts) => analyzeVisionWith(videoPath, opts);
