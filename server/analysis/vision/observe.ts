/** Runs the sampled frames of one video through the vision worker and returns the per-frame observations. */
import type { Readable } from 'node:stream';
import { sampleFrames, type SampleOptions } from './frames.js';
import type { VisionWorker } from './pool.js';
import type { FrameObs } from './types.js';

export interface ObserveResult {
  frames: FrameObs[];
  /** sum of the worker's per-frame model time */
  modelMs: number;
  wallMs: number;
}

/** Keeps a couple of frames in flight so ffmpeg decoding overlaps model inference. */
const IN_FLIGHT = 2;

export async function observeVideo(
  worker: VisionWorker,
  path: string | Readable,
  opts: SampleOptions & { durationSec?: number; onProgress?: (fraction: number) => void; onFrame?: (t: number) => void },
): Promise<ObserveResult> {
  const started = performance.now();
  const frames: FrameObs[] = [];
  let modelMs = 0;
  const inFlight: Array<Promise<void>> = [];
  let failure: Error | null = null as Error | null;
  const expected = opts.durationSec ? Math.max(1, Math.ceil(opts.durationSec * opts.fps)) : 0;
  for await (const f of sampleFrames(path, opts)) {
    opts.signal?.throwIfAborted();
    inFlight.push(
      worker.detect(f.data, f.width, f.height, f.t).then(({ obs, ms }) => {
        frames.push(obs);
        modelMs += ms;
        opts.onFrame?.(obs.t);
        if (expected) opts.onProgress?.(Math.min(1, frames.length / expected));
      }, (err: Error) => { failure ??= err; }),
    );
    if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
    if (failure) throw failure;
  }
  await Promise.all(inFlight);
  if (failure) throw failure;
  opts.signal?.throwIfAborted();
  frames.sort((a, b) => a.t - b.t);
  return { frames, modelMs: Math.round(modelMs), wallMs: Math.round(performance.now() - started) };
}
