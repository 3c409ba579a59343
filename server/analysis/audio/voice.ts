/** Voice tone statistics from the raw prosody series, restricted to speech (VAD) spans. */
import type { Span } from '../report.js';
import { INTENSITY_HOP_SEC } from './intensity.js';
import { PITCH_HOP_SEC } from './pitch.js';

export interface VoiceStats {
  pitchMeanHz: number | null;
  /** sd/mean of F0 (Hincks 2005: below ~0.11 is heard as monotone) */
  pitchVariation: number | null;
  /** 10th-90th percentile range of F0, in semitones */
  pitchRangeSemitones: number | null;
  loudnessDbfs: number | null;
  /** sd of the frame level (dB) over speech */
  loudnessVariationDb: number | null;
  voicedFrames: number;
}

function inSpans(t: number, spans: readonly Span[]): boolean {
  return spans.some((s) => t >= s.start && t <= s.end);
}

export function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

function meanSd(xs: readonly number[]): { mean: number; sd: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
  return { mean, sd };
}

const r = (x: number, d = 1): number => Math.round(x * 10 ** d) / 10 ** d;

/** Needs at least 20 voiced frames (0.4 s) for pitch figures; otherwise they are null. */
export function voiceStats(pitch: Float32Array, intensity: Float32Array, speech: readonly Span[]): VoiceStats {
  const f0: number[] = [];
  pitch.forEach((hz, i) => {
    if (!Number.isNaN(hz) && inSpans(i * PITCH_HOP_SEC + 0.025, speech)) f0.push(hz);
  });
  const levels: number[] = [];
  intensity.forEach((db, i) => {
    if (inSpans(i * INTENSITY_HOP_SEC + 0.02, speech) && db > -90) levels.push(db);
  });
  let pitchMeanHz = null;
  let pitchVariation = null;
  let pitchRangeSemitones = null;
  if (f0.length >= 20) {
    const { mean, sd } = meanSd(f0);
    const sorted = [...f0].sort((a, b) => a - b);
    pitchMeanHz = r(mean);
    pitchVariation = r(sd / mean, 3);
    pitchRangeSemitones = r(12 * Math.log2(quantile(sorted, 0.9) / quantile(sorted, 0.1)));
  }
  let loudnessDbfs = null;
  let loudnessVariationDb = null;
  if (levels.length >= 20) {
    // mean level as the power average over speech frames, in dBFS
    const power = levels.reduce((a, db) => a + 10 ** (db / 10), 0) / levels.length;
    loudnessDbfs = r(10 * Math.log10(power));
    loudnessVariationDb = r(meanSd(levels).sd);
  }
  return { pitchMeanHz, pitchVariation, pitchRangeSemitones, loudnessDbfs, loudnessVariationDb, voicedFrames: f0.length };
}
