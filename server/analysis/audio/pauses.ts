/** Silent pauses between words, and voiced stretches the recognizer left without words. */
import type { Span, Word } from '../report.js';

/** Silent pause threshold for the report (truth and most studies count >= 0.5 s in running speech). */
export const PAUSE_MIN_SEC = 0.5;
/** Long pause: >= 1.5 s (shared reference band). */
export const LONG_PAUSE_SEC = 1.5;

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Pauses are the silent stretches (outside VAD speech) of >= 0.5 s inside the speech span
 * (first to last speech segment). Using VAD rather than word gaps keeps recognizer timing slop out.
 */
export function findPauses(speech: readonly Span[], minSec = PAUSE_MIN_SEC): Span[] {
  const out: Span[] = [];
  for (let i = 1; i < speech.length; i++) {
    const start = speech[i - 1]!.end;
    const end = speech[i]!.start;
    if (end - start >= minSec) out.push({ start: r3(start), end: r3(end) });
  }
  return out;
}

/** VAD speech time not covered by any recognized word, in stretches of >= minSec (likely unrecognised fillers). */
export function voicedGaps(speech: readonly Span[], words: readonly Word[], minSec = 0.15): Span[] {
  const out: Span[] = [];
  const sorted = [...words].sort((a, b) => a.start - b.start);
  for (const s of speech) {
    let cursor = s.start;
    for (const w of sorted) {
      if (w.end <= cursor || w.start >= s.end) continue;
      if (w.start - cursor >= minSec) out.push({ start: r3(cursor), end: r3(w.start) });
      cursor = Math.max(cursor, w.end);
    }
    if (s.end - cursor >= minSec) out.push({ start: r3(cursor), end: r3(s.end) });
  }
  return out;
}

/** Speech span: first to last VAD segment. */
export function speechSpan(speech: readonly Span[]): Span | null {
  if (speech.length === 0) return null;
  return { start: speech[0]!.start, end: speech[speech.length - 1]!.end };
}
