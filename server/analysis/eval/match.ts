/**
 * Matching what the analysis found against truth: filled pauses (by count, or by time when the truth has
 * times), pauses (by time overlap), pace (relative error), and a small precision/recall tally.
 */
import type { Span } from '../report.js';

export interface Tally {
  /** true positives */
  tp: number;
  /** false positives (found, not in truth) */
  fp: number;
  /** false negatives (in truth, not found) */
  fn: number;
}

export const emptyTally = (): Tally => ({ tp: 0, fp: 0, fn: 0 });

export function addTally(a: Tally, b: Tally): Tally {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

/** Precision and recall; null when undefined (nothing found / nothing to find). */
export function precisionRecall(t: Tally): { precision: number | null; recall: number | null } {
  return {
    precision: t.tp + t.fp === 0 ? null : t.tp / (t.tp + t.fp),
    recall: t.tp + t.fn === 0 ? null : t.tp / (t.tp + t.fn),
  };
}

export interface TimedLabel extends Span {
  text: string;
}

/** Filler truth is a list of words ("um") or of timed words ({text, start, end}). */
export type FillerTruth = ReadonlyArray<string | TimedLabel>;

/** Seconds a found filler may sit outside a truth filler's span and still match it. */
export const FILLER_TIME_TOLERANCE_SEC = 0.3;

/**
 * Count-matched when the truth has no times: tp = min(found, truth). Time-matched when it has: each truth
 * filler matches at most one found filler whose span overlaps it (with a 0.3 s tolerance), greedily by time.
 * The word itself (um vs uh) is not required to agree: both are filled pauses.
 */
export function matchFillers(truth: FillerTruth, found: readonly Span[]): Tally {
  const timed = truth.filter((t): t is TimedLabel => typeof t !== 'string');
  if (timed.length === 0 || timed.length !== truth.length) {
    const tp = Math.min(truth.length, found.length);
    return { tp, fp: found.length - tp, fn: truth.length - tp };
  }
  return matchSpans(timed, found, FILLER_TIME_TOLERANCE_SEC);
}

/** One-to-one matching of spans that overlap (after widening truth by `tol` seconds on each side). */
export function matchSpans(truth: readonly Span[], found: readonly Span[], tol: number): Tally {
  const used = new Set<number>();
  let tp = 0;
  for (const t of [...truth].sort((a, b) => a.start - b.start)) {
    let best = -1;
    let bestOverlap = -Infinity;
    found.forEach((f, i) => {
      if (used.has(i)) return;
      const overlap = Math.min(t.end + tol, f.end) - Math.max(t.start - tol, f.start);
      if (overlap > 0 && overlap > bestOverlap) {
        best = i;
        bestOverlap = overlap;
      }
    });
    if (best >= 0) {
      used.add(best);
      tp++;
    }
  }
  return { tp, fp: found.length - tp, fn: truth.length - tp };
}

/** Pause tolerance: the truth's silence edges (-40 dB) and VAD edges differ by up to ~0.3 s. */
export const PAUSE_TIME_TOLERANCE_SEC = 0.3;

export function matchPauses(truth: readonly Span[], found: readonly Span[]): Tally {
  return matchSpans(truth, found, PAUSE_TIME_TOLERANCE_SEC);
}

/** Signed relative error of a measured pace against truth (0.1 = 10 % too fast); null when either is missing. */
export function paceError(measured: number | null | undefined, truth: number | null | undefined): number | null {
  if (measured === null || measured === undefined || truth === null || truth === undefined || truth <= 0) return null;
  return (measured - truth) / truth;
}
