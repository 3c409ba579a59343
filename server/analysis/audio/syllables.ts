/**
 * Transcript-free speech rate: syllable nuclei as intensity peaks (de Jong & Wempe 2009, "Praat script to
 * detect syllable nuclei and measure speech rate automatically", Behavior Research Methods 41(2)).
 * A nucleus is a local intensity maximum that is (1) above a threshold 25 dB under the 99th percentile
 * (and above the median), (2) at least 2 dB above the dip that separates it from the previous peak, and
 * (3) voiced (has a pitch).
 */
import { INTENSITY_HOP_SEC } from './intensity.js';

/** English averages ~1.5 syllables per word in running speech (1.4-1.5 by most counts); used to turn syllables/min into words/min. */
export const SYLLABLES_PER_WORD = 1.5;
const MIN_DIP_DB = 2;
const SILENCE_DB = 25;

export function syllableNuclei(intensity: Float32Array, isVoicedAt: (t: number) => boolean): number[] {
  const sorted = Array.from(intensity).sort((a, b) => a - b);
  if (sorted.length < 3) return [];
  const q99 = sorted[Math.floor(0.99 * (sorted.length - 1))]!;
  const median = sorted[Math.floor(0.5 * (sorted.length - 1))]!;
  const threshold = Math.max(q99 - SILENCE_DB, median);
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
  const nuclei = kept.filter((i) => isVoicedAt(i * INTENSITY_HOP_SEC));
  return nuclei.map((i) => Math.round(i * INTENSITY_HOP_SEC * 1000) / 1000);
}

/** Words per minute implied by `count` nuclei over `spanSec` seconds of speech. */
export function syllablesToWpm(count: number, spanSec: number): number | null {
  if (spanSec <= 0 || count === 0) return null;
  return (count / spanSec) * 60 / SYLLABLES_PER_WORD;
}
