/**
 * Transcript-free speech rate: syllable nuclei as intensity peaks (after de Jong & Wempe 2009, "Praat script
 * to detect syllable nuclei and measure speech rate automatically", Behavior Research Methods 41(2)),
 * recalibrated on real recordings (docs/accuracy.md). A nucleus is a local intensity maximum that is
 * (1) at least 6 dB above the noise floor (the 30th percentile level) and above (99th percentile - 25 dB),
 * (2) at least 4 dB above the dip separating it from the previous kept peak, (3) voiced, and (4) inside
 * voice activity when spans are given. The old rule (threshold at the median, YIN voicing) found 5 nuclei
 * in 25 s of a real speaker with a cold: YIN marked 1 % of the frames voiced.
 */
import type { Span } from '../report.js';
import { INTENSITY_HOP_SEC } from './intensity.js';

/** Nuclei per word, fitted on the real set (median of nuclei / true words); the textbook 1.5 syllables per word is higher because merged syllables share a peak. */
export const SYLLABLES_PER_WORD = 1.23;
const MIN_DIP_DB = 4;
const ABOVE_FLOOR_DB = 6;
const FLOOR_QUANTILE = 0.3;
const BELOW_TOP_DB = 25;

export function syllableNuclei(intensity: Float32Array, isVoicedAt: (t: number) => boolean, speech?: readonly Span[]): number[] {
  const sorted = Array.from(intensity).filter((x) => x > -99).sort((a, b) => a - b);
  if (sorted.length < 3) return [];
  const q99 = sorted[Math.floor(0.99 * (sorted.length - 1))]!;
  const floor = sorted[Math.floor(FLOOR_QUANTILE * (sorted.length - 1))]!;
  const threshold = Math.max(q99 - BELOW_TOP_DB, floor + ABOVE_FLOOR_DB);
  const peaks: number[] = [];
  for (let i = 1; i < intensity.length - 1; i++) {
    const v = intensity[i]!;
    if (v > threshold && v >= intensity[i - 1]! && v > intensity[i + 1]!) peaks.push(i);
  }
  const kept: number[] = [];
  for (const p of peaks) {
    const last = kept[kept.length - 1];
    if (last !== undefined) {
      let dip = Infinity;
      for (let j = last; j <= p; j++) dip = Math.min(dip, intensity[j]!);
      if (Math.min(intensity[p]!, intensity[last]!) - dip < MIN_DIP_DB) {
        if (intensity[p]! > intensity[last]!) kept[kept.length - 1] = p; // one syllable: keep the higher peak
        continue;
      }
    }
    kept.push(p);
  }
  const inSpeech = (t: number): boolean => !speech || speech.some((s) => t >= s.start && t <= s.end);
  return kept
    .map((i) => Math.round(i * INTENSITY_HOP_SEC * 1000) / 1000)
    .filter((t) => isVoicedAt(t) && inSpeech(t));
}

/** Words per minute implied by `count` nuclei over `spanSec` seconds of speech. */
export function syllablesToWpm(count: number, spanSec: number): number | null {
  if (spanSec <= 0 || count === 0) return null;
  return (count / spanSec) * 60 / SYLLABLES_PER_WORD;
}
