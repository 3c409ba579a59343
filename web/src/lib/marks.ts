/** Timeline marks and transcript tokens for the report page (pure, no DOM). */
import type { TimedWord } from './pace.js';

export interface TimeSpan {
  start: number;
  end: number;
}
export interface FillerSpan extends TimeSpan {
  text: string;
  kind?: string;
}

/** A long pause is a silence of at least 1.5 s (shared reference band). */
export const LONG_PAUSE_SEC = 1.5;

export type MarkKind = 'filler' | 'pause' | 'lookingAway' | 'noFace';

export interface Mark {
  kind: MarkKind;
  start: number;
  end: number;
  label: string;
  /** Position on a bar covering [0, duration], in percent. */
  leftPct: number;
  widthPct: number;
}

export interface MarkInput {
  durationSec: number;
  fillers?: readonly FillerSpan[] | null;
  pauses?: readonly TimeSpan[] | null;
  lookingAwaySpans?: readonly TimeSpan[] | null;
  noFaceSpans?: readonly TimeSpan[] | null;
}

export function isLongPause(p: TimeSpan): boolean {
  return p.end - p.start >= LONG_PAUSE_SEC - 1e-9;
}

/** All marks for the timeline bar, sorted by start time; positions are clamped to the bar. */
export function timelineMarks(input: MarkInput): Mark[] {
  const d = input.durationSec;
  if (!(d > 0)) return [];
  const out: Mark[] = [];
  const add = (kind: MarkKind, s: TimeSpan, label: string): void => {
    const start = clamp(s.start, 0, d);
    const end = clamp(Math.max(s.end, s.start), 0, d);
    if (s.start > d) return;
    out.push({
      kind,
      start,
      end,
      label,
      leftPct: (start / d) * 100,
      widthPct: Math.max(((end - start) / d) * 100, 0),
    });
  };
  for (const f of input.fillers ?? []) add('filler', f, `Filler “${f.text}”`);
  for (const p of input.pauses ?? []) {
    if (isLongPause(p)) add('pause', p, `Pause ${(p.end - p.start).toFixed(1)} s`);
  }
  for (const s of input.lookingAwaySpans ?? []) add('lookingAway', s, `Looking away ${(s.end - s.start).toFixed(1)} s`);
  for (const s of input.noFaceSpans ?? []) add('noFace', s, `No face visible ${(s.end - s.start).toFixed(1)} s`);
  return out.sort((a, b) => a.start - b.start || a.kind.localeCompare(b.kind));
}

export type Token =
  | { type: 'word'; index: number; text: string; start: number; end: number; filler: boolean; away: boolean }
  | { type: 'filler'; text: string; start: number; end: number }
  | { type: 'pause'; start: number; end: number };

/**
 * The transcript as tokens: words (flagged when they overlap a filler or fall in a looking-away span),
 * fillers that match no word (inserted in time order), and long pauses (>= 1.5 s) between words.
 */
export function transcriptTokens(words: readonly TimedWord[], fillers: readonly FillerSpan[] = [], pauses: readonly TimeSpan[] = [], lookingAway: readonly TimeSpan[] = []): Token[] {
  const overlaps = (a: TimeSpan, b: TimeSpan): boolean => a.start < b.end && b.start < a.end;
  const tokens: Token[] = words.map((w, index) => {
    const mid = (w.start + w.end) / 2;
    return {
      type: 'word',
      index,
      text: w.text,
      start: w.start,
      end: w.end,
      filler: fillers.some((f) => overlaps(f, w)),
      away: lookingAway.some((s) => mid >= s.start && mid < s.end),
    };
  });
  for (const f of fillers) {
    if (!words.some((w) => overlaps(f, w))) tokens.push({ type: 'filler', text: f.text, start: f.start, end: f.end });
  }
  for (const p of pauses) if (isLongPause(p)) tokens.push({ type: 'pause', start: p.start, end: p.end });
  const order = { pause: 0, filler: 1, word: 2 } as const;
  return tokens.sort((a, b) => a.start - b.start || order[a.type] - order[b.type]);
}

/**
 * Index of the word being spoken at time t: the last word that started at or before t, as long as t is
 * within its end plus a short grace (so the highlight does not flicker between close words); otherwise -1.
 */
export function activeWordIndex(words: readonly TimedWord[], t: number, graceSec = 0.3): number {
  let lo = 0;
  let hi = words.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((words[mid] as TimedWord).start <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return -1;
  return t <= (words[found] as TimedWord).end + graceSec ? found : -1;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(Math.max(x, lo), hi);
}
