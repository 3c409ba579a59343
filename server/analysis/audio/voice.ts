/** Voice tone statistics from the raw prosody series, restricted to speech (VAD) spans. */
import type { PitchReliability, Span } from '../report.js';
import { INTENSITY_HOP_SEC } from './intensity.js';
import { PITCH_HOP_SEC } from './pitch.js';

/** Under this share of voiced frames inside voice activity the pitch is not trusted (real speech: 40-70 %). */
export const MIN_VOICED_RATIO = 0.2;
/** Under this share of frames on which the two trackers agree within 10 % the pitch is not trusted. */
export const MIN_TRACKER_AGREEMENT = 0.7;
/** Frames both trackers must find voiced before their agreement means anything. */
export const MIN_COMPARED_FRAMES = 10;
/** 10 % in octaves: two F0 estimates closer than this agree. */
const AGREE_OCTAVES = Math.log2(1.1);

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
  pitchReliability: PitchReliability;
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
const pct = (x: number): string => `${Math.round(x * 100)} %`;

/**
 * Whether the pitch track can be trusted: enough of the speech voiced, and the second tracker (`check`, NaN where it
 * found no pitch or did not run) agreeing within 10 % on the frames both found voiced. Only frames inside `speech`.
 */
export function pitchReliability(pitch: Float32Array, check: Float32Array | null, speech: readonly Span[]): PitchReliability {
  let frames = 0;
  let voiced = 0;
  let compared = 0;
  let agreed = 0;
  pitch.forEach((hz, i) => {
    if (!inSpans(i * PITCH_HOP_SEC + 0.025, speech)) return;
    frames++;
    if (Number.isNaN(hz)) return;
    voiced++;
    const c = check?.[i] ?? NaN;
    if (Number.isNaN(c)) return;
    compared++;
    if (Math.abs(Math.log2(hz / c)) <= AGREE_OCTAVES) agreed++;
  });
  const voicedRatio = frames ? voiced / frames : null;
  const trackerAgreement = check && compared >= MIN_COMPARED_FRAMES ? agreed / compared : null;
  const reasons: string[] = [];
  if (voiced < 20) reasons.push(`too little voiced speech to measure pitch (${voiced} voiced frames of 20 ms)`);
  else if (voicedRatio !== null && voicedRatio < MIN_VOICED_RATIO)
    reasons.push(`pitch was found in only ${pct(voicedRatio)} of the speech (real speech is typically 40-70 % voiced): a noisy, hoarse or whispered recording`);
  if (check && voiced >= 20) {
    if (compared < MIN_COMPARED_FRAMES) reasons.push(`the cross-check tracker found pitch on only ${compared} of the same frames, too few to confirm the pitch`);
    else if (trackerAgreement !== null && trackerAgreement < MIN_TRACKER_AGREEMENT)
      reasons.push(`two independent pitch trackers agree on only ${pct(trackerAgreement)} of the voiced frames (needs ${pct(MIN_TRACKER_AGREEMENT)})`);
  }
  return {
    level: reasons.length ? 'low' : 'good',
    reasons,
    voicedRatio: voicedRatio === null ? null : r(voicedRatio, 3),
    trackerAgreement: trackerAgreement === null ? null : r(trackerAgreement, 3),
    voicedFrames: voiced,
    comparedFrames: compared,
  };
}

/**
 * Needs at least 20 voiced frames (0.4 s) and a pitch reliability of "good" (pitchReliability(), with the second
 * tracker's frames in `check`; null skips the cross-check) for pitch figures; otherwise they are null.
 */
export function voiceStats(pitch: Float32Array, intensity: Float32Array, speech: readonly Span[], check: Float32Array | null = null): VoiceStats {
  const pitchRel = pitchReliability(pitch, check, speech);
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
  if (f0.length >= 20 && pitchRel.level === 'good') {
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
  return { pitchMeanHz, pitchVariation, pitchRangeSemitones, loudnessDbfs, loudnessVariationDb, voicedFrames: f0.length, pitchReliability: pitchRel };
}
