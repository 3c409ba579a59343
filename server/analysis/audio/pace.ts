/**
 * Pace. wpm = words / (last word end - first word start) x 60; articulation rate excludes silent pauses.
 * The syllable-nuclei estimate cross-checks it: when the two differ by more than 35 % the recognizer's word
 * count is treated as implausible (it dropped or invented many words) and the syllable estimate is used.
 */
import type { Span, Word } from '../report.js';

export const IMPLAUSIBLE_DIFF = 0.35;

export interface Pace {
  wpm: number | null;
  articulationWpm: number | null;
  syllableRateWpm: number | null;
  /** which figure the speechRate score uses */
  speechRateSource: 'recognizer' | 'syllables' | 'none';
  usedWpm: number | null;
}

const r1 = (x: number): number => Math.round(x * 10) / 10;

export function wordsPerMinute(words: readonly Word[]): number | null {
  if (words.length < 2) return null;
  const span = words[words.length - 1]!.end - words[0]!.start;
  return span > 0 ? r1((words.length / span) * 60) : null;
}

export function articulationWpm(words: readonly Word[], pauses: readonly Span[]): number | null {
  if (words.length < 2) return null;
  const span = words[words.length - 1]!.end - words[0]!.start;
  const paused = pauses.reduce((a, p) => a + Math.max(0, Math.min(p.end, words[words.length - 1]!.end) - Math.max(p.start, words[0]!.start)), 0);
  const t = span - paused;
  return t > 0 ? r1((words.length / t) * 60) : null;
}

export function choosePace(wpm: number | null, artic: number | null, syll: number | null): Pace {
  const syllableRateWpm = syll === null ? null : r1(syll);
  if (wpm !== null && (syllableRateWpm === null || Math.abs(wpm - syllableRateWpm) / syllableRateWpm <= IMPLAUSIBLE_DIFF))
    return { wpm, articulationWpm: artic, syllableRateWpm, speechRateSource: 'recognizer', usedWpm: wpm };
  if (syllableRateWpm !== null) return { wpm, articulationWpm: artic, syllableRateWpm, speechRateSource: 'syllables', usedWpm: syllableRateWpm };
  return { wpm, articulationWpm: artic, syllableRateWpm, speechRateSource: 'none', usedWpm: null };
}
