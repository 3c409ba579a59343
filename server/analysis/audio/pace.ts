/**
 * Pace: one figure. wpm = words (filled pauses included, as in the truth files) / the speech span x 60, the span
 * running from the first to the last voice-activity (Silero VAD) segment: recognizer word edges drift into the
 * silence around speech, the VAD's do not (on the real set: 16/20 clips within 15 % against 15/20).
 *
 * The word count is the recognizer's, except where the recognizer is demonstrably guessing (`paceWordCount`):
 * in a transcript whose reliability is "low" (reliability.ts), a stretch of contiguous low-confidence words
 * (confidence < 0.5) is counted by its syllable nuclei (nuclei / SYLLABLES_PER_WORD, never more than the words
 * it holds). The recognizer splits a word it does not know into several short words ("aligner" -> "all i'm
 * air") and fills noise with short words; both add words but not syllables. It is done only when the
 * recording's level range (90th - 10th percentile of the intensity, `levelRangeDb`) is at least 25 dB, because
 * intensity peaks only mark syllables when speech stands well above the noise floor (on the two real
 * recordings with a 13-16 dB range the nuclei found a third to a half of the syllables).
 *
 * The syllable-nuclei rate over the whole answer stays a cross-check only (see docs/accuracy.md): as a pace it
 * was within 15 % on 14/20 real clips against 16/20 for the word rate.
 */
import type { Span, Word } from '../report.js';
import { FILLED } from './filledPauses.js';
import { SYLLABLES_PER_WORD } from './syllables.js';

export interface Pace {
  /** the pace the report shows and scores */
  wpm: number | null;
  /** words / (last word end - first word start): the recognizer's own rate, for reference */
  recognizerWpm: number | null;
  articulationWpm: number | null;
  syllableRateWpm: number | null;
  /** recognizer: every recognised word counted; recognizer+syllables: some guessed stretches counted by their syllables */
  speechRateSource: 'recognizer' | 'recognizer+syllables' | 'none';
  usedWpm: number | null;
  /** words counted (fractional when low-confidence stretches were counted by their syllables) and the span they were divided by */
  wordCount: number;
  spanSec: number | null;
  /** words as recognised (fillers included) */
  recognizedWordCount: number;
  /** low-confidence stretches counted by their syllable nuclei instead of their words */
  recounted: RecountedStretch[];
  /** why the pace may be off (a weak transcript that could not be checked), or null */
  caveat: string | null;
}

/** A stretch of contiguous low-confidence words counted by its syllable nuclei. */
export interface RecountedStretch extends Span {
  /** words the recognizer put there */
  words: number;
  /** syllable nuclei inside it */
  nuclei: number;
  /** words counted for the pace: min(words, nuclei / SYLLABLES_PER_WORD), at least 1 when it stands apart */
  counted: number;
}

/** Below this confidence a word may be a guess (the same bound the filled-pause candidates use). */
export const GUESS_CONFIDENCE = 0.5;
/** Syllable nuclei are trusted for a recount only when the recording's level range is at least this (dB). */
export const MIN_LEVEL_RANGE_DB = 25;
/** Silence that separates two stretches (and makes a stretch "stand apart"). */
const APART_SEC = 0.1;
/** Nuclei this close outside a stretch still belong to it (one intensity hop either side of a word edge). */
const EDGE_SEC = 0.02;

const r1 = (x: number): number => Math.round(x * 10) / 10;
const r2 = (x: number): number => Math.round(x * 100) / 100;

export function wordsPerMinute(words: readonly Word[]): number | null {
  if (words.length < 2) return null;
  const span = words[words.length - 1]!.end - words[0]!.start;
  return span > 0 ? r1((words.length / span) * 60) : null;
}

/** Words per minute over the word span without its pauses; `count`: the words counted for the pace (default: all). */
export function articulationWpm(words: readonly Word[], pauses: readonly Span[], count = words.length): number | null {
  if (words.length < 2) return null;
  const span = words[words.length - 1]!.end - words[0]!.start;
  const paused = pauses.reduce((a, p) => a + Math.max(0, Math.min(p.end, words[words.length - 1]!.end) - Math.max(p.start, words[0]!.start)), 0);
  const t = span - paused;
  return t > 0 ? r1((count / t) * 60) : null;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.floor(q * (sorted.length - 1))]!;
}

/** 90th minus 10th percentile of the intensity (dB): how far speech stands above the noise floor. */
export function levelRangeDb(intensity: ArrayLike<number>): number | null {
  const s = Array.from(intensity).filter((x) => x > -99).sort((a, b) => a - b);
  if (s.length < 10) return null;
  return r1(quantile(s, 0.9) - quantile(s, 0.1));
}

export interface PaceWord extends Word {
  /** the recognizer's confidence (0..1); words without one (added filled pauses) always count as one */
  confidence?: number;
}

/**
 * Words counted for the pace. Each word counts one, except in `recount` mode (a low-reliability transcript of
 * a recording with enough level range): contiguous runs of low-confidence words (no silence of >= 0.1 s
 * inside, filled pauses excluded) count min(words, nuclei in the run / SYLLABLES_PER_WORD), and at least one
 * when the run stands apart (silence of >= 0.1 s on both sides: something was said there).
 */
export function paceWordCount(words: readonly PaceWord[], nuclei: readonly number[], recount: boolean): { count: number; recounted: RecountedStretch[] } {
  if (!recount) return { count: words.length, recounted: [] };
  const sorted = [...words].sort((a, b) => a.start - b.start);
  const recounted: RecountedStretch[] = [];
  let count = 0;
  let run: PaceWord[] = [];
  let silenceBefore = Infinity;
  let prevEnd = -Infinity;
  const flush = (silenceAfter: number): void => {
    if (run.length === 0) return;
    const start = run[0]!.start;
    const end = run[run.length - 1]!.end;
    const k = nuclei.filter((t) => t >= start - EDGE_SEC && t <= end + EDGE_SEC).length;
    const apart = silenceBefore >= APART_SEC && silenceAfter >= APART_SEC;
    const counted = r2(Math.max(apart ? 1 : 0, Math.min(run.length, k / SYLLABLES_PER_WORD)));
    count += counted;
    if (counted < run.length) recounted.push({ start, end, words: run.length, nuclei: k, counted });
    run = [];
  };
  for (const w of sorted) {
    const silence = w.start - prevEnd;
    if (silence >= APART_SEC) flush(silence);
    const guess = typeof w.confidence === 'number' && w.confidence < GUESS_CONFIDENCE && !FILLED.has(w.text);
    if (guess) {
      if (run.length === 0) silenceBefore = silence;
      run.push(w);
    } else {
      flush(silence);
      count += 1;
    }
    prevEnd = Math.max(prevEnd, w.end);
  }
  flush(Infinity);
  return { count: r2(count), recounted };
}

export interface PaceInput {
  /** the transcript's words (filled pauses included), with the recognizer's confidence where it gave one */
  words: readonly PaceWord[];
  /** the speech span (first to last voice activity); null: the word span is used */
  span: Span | null;
  pauses: readonly Span[];
  /** syllable-nuclei rate (cross-check only) */
  syllableWpm: number | null;
  /** syllable nuclei inside voice activity (times, s) */
  nuclei?: readonly number[];
  /** the transcript's reliability is "low" (reliability.ts) */
  weakTranscript?: boolean;
  /** levelRangeDb() of the recording: a weak transcript's guessed stretches are recounted when >= MIN_LEVEL_RANGE_DB */
  levelRangeDb?: number | null;
}

/** The one pace: words over the speech span (falls back to the word span when there is no span). */
export function measurePace(p: PaceInput): Pace {
  const { words, span, pauses, syllableWpm } = p;
  const recognizerWpm = wordsPerMinute(words);
  const syllableRateWpm = syllableWpm === null ? null : r1(syllableWpm);
  const spanSec = span && span.end - span.start > 0 ? span.end - span.start : null;
  const range = p.levelRangeDb ?? null;
  const recount = p.weakTranscript === true && range !== null && range >= MIN_LEVEL_RANGE_DB;
  const { count, recounted } = paceWordCount(words, p.nuclei ?? [], recount);
  const caveat =
    p.weakTranscript === true && !recount && words.length >= 2
      ? `the transcript is unreliable and the recording too noisy to check its words against their syllables (level range ${range ?? '?'} dB, ${MIN_LEVEL_RANGE_DB} dB needed): this pace counts the words as recognised and may be off`
      : null;
  const wpm = words.length >= 2 && count > 0 ? (spanSec ? r1((count / spanSec) * 60) : recognizerWpm) : null;
  return {
    wpm,
    recognizerWpm,
    articulationWpm: articulationWpm(words, pauses, count),
    syllableRateWpm,
    speechRateSource: wpm === null ? 'none' : recounted.length > 0 ? 'recognizer+syllables' : 'recognizer',
    usedWpm: wpm,
    wordCount: count,
    spanSec: spanSec === null ? null : r2(spanSec),
    recognizedWordCount: words.length,
    recounted,
    caveat,
  };
}
