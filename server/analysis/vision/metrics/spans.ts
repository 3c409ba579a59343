/** Turns per-frame flags into time spans, and formats times for evidence lines. */
import type { Span } from '../../report.js';

/** Spans shorter than this are dropped: a single sampled frame or a blink-length glance is not reported. */
export const MIN_SPAN_SEC = 1;

/**
 * Merges consecutive frames (by index) where `flag` is true into spans [first t, last t + frameSec],
 * then drops spans shorter than minSec.
 */
export function flagSpans<T extends { t: number }>(
  frames: readonly T[], flag: (f: T) => boolean, frameSec: number, minSec = MIN_SPAN_SEC,
): Span[] {
  const spans: Span[] = [];
  let start: number | null = null;
  let last = 0;
  for (const f of frames) {
    if (flag(f)) {
      if (start === null) start = f.t;
      last = f.t;
    } else if (start !== null) {
      spans.push({ start, end: last + frameSec });
      start = null;
    }
  }
  if (start !== null) spans.push({ start, end: last + frameSec });
  return spans
    .map((s) => ({ start: round2(s.start), end: round2(s.end) }))
    .filter((s) => s.end - s.start >= minSec - 1e-9);
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** 74.2 -> "1:14" */
export function clock(sec: number): string {
  const s = Math.max(0, Math.round(sec));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** "0:14-0:19, 0:31-0:35" (at most `max` spans, then "and N more") */
export function formatSpans(spans: readonly Span[], max = 4): string {
  const shown = spans.slice(0, max).map((s) => `${clock(s.start)}-${clock(s.end)}`).join(', ');
  return spans.length > max ? `${shown} and ${spans.length - max} more` : shown;
}

/** Share of items matching, null when there are none. */
export function ratio<T>(items: readonly T[], pred: (x: T) => boolean): number | null {
  if (items.length === 0) return null;
  return round3(items.filter(pred).length / items.length);
}

export const round3 = (v: number) => Math.round(v * 1000) / 1000;
