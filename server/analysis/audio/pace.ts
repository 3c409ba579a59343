/**
 * Pace: one figure. wpm = recognised words (filled pauses included, as in the truth files) / the speech span
 * (first to last voice-activity segment) x 60. The VAD span, not the first/last word, is the denominator:
 * recognizer word edges drift, the VAD's do not (on the real set: 16/20 clips within 15 % against 15/20).
 *
 * The syllable-nuclei rate is reported as a cross-check only and never overrides the pace: on the real set
 * (docs/accuracy.md) it was within 15 % on 14/20 clips (median error 12 %) against 16/20 (9 %) for the
 * word rate, and it failed on no clip where the word rate was right. A large disagreement between the two
 * lowers the transcript's reliability instead (reliability.ts).
 */
import type { Span, Word } from '../report.js';

export interface Pace {
  /** the pace the report shows and scores */
  wpm: number | null;
  /** words / (last word end - first word start): the recognizer's own rate, for reference */
  recognizerWpm: number | null;
  articulationWpm: number | null;
  syllableRateWpm: number | null;
  speechRateSource: 'recognizer' | 'none';
  usedWpm: number | null;
  /** words counted and the span they were divided by */
  wordCount: number;
  spanSec: number | null;
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

/** The one pace: words over the VAD speech span (falls back to the word span when there is no VAD span). */
export function measurePace(words: readonly Word[], span: Span | null, pauses: readonly Span[], syllableWpm: number | null): Pace {
  const recognizerWpm = wordsPerMinute(words);
  const syllableRateWpm = syllableWpm === null ? null : r1(syllableWpm);
  const spanSec = span && span.end - span.start > 0 ? span.end - span.start : null;
  const wpm = words.length >= 2 ? (spanSec ? r1((words.length / spanSec) * 60) : recognizerWpm) : null;
  return {
    wpm,
    recognizerWpm,
    articulationWpm: articulationWpm(words, pauses),
    syllableRateWpm,
    speechRateSource: wpm === null ? 'none' : 'recognizer',
    usedWpm: wpm,
    wordCount: words.length,
    spanSec: spanSec === null ? null : Math.round(spanSec * 100) / 100,
  };
}
