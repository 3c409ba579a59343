/** Speaking pace over time from word timings (pure, no DOM). */

export interface TimedWord {
  text: string;
  start: number;
  end: number;
}

export interface PacePoint {
  /** Centre of the window, seconds from the start of the video. */
  t: number;
  /** Words per minute inside the window. */
  wpm: number;
}

export interface PaceOptions {
  /** Window length in seconds (default 10 s). */
  windowSec?: number;
  /** Distance between window centres in seconds (default 1 s). */
  stepSec?: number;
  /**
   * The report's speech span (speech.speechStartSec/speechEndSec: first to last voice activity), the same
   * span the report's one pace (speech.wpm) is divided by. Default: first word start to last word end.
   */
  span?: { start: number; end: number } | null;
  /**
   * Stretches the report's pace counted by their syllables instead of their words (speech.paceRecounted: a
   * weak transcript's low-confidence words). A word whose midpoint is inside one weighs counted / words, so
   * the chart counts the same words as the figure.
   */
  recounted?: ReadonlyArray<{ start: number; end: number; words: number; counted: number }>;
}

/**
 * Words per minute in a sliding window centred on t, from the first word's start to the last word's end.
 * A word counts in a window when its midpoint falls inside. Windows are clipped to the speech span, and a
 * window clipped to less than half its length is skipped (too little time for a stable rate).
 */
export function paceSeries(words: readonly TimedWord[], opts: PaceOptions = {}): PacePoint[] {
  const windowSec = opts.windowSec ?? 10;
  const stepSec = opts.stepSec ?? 1;
  if (words.length < 2 || windowSec <= 0 || stepSec <= 0) return [];
  const recounted = opts.recounted ?? [];
  const weightAt = (m: number): number => {
    const r = recounted.find((x) => m >= x.start && m <= x.end && x.words > 0);
    return r ? r.counted / r.words : 1;
  };
  const weighted = words.map((w) => ({ m: (w.start + w.end) / 2, weight: weightAt((w.start + w.end) / 2) })).sort((a, b) => a.m - b.m);
  const total = weighted.reduce((a, w) => a + w.weight, 0);
  const speechStart = opts.span ? opts.span.start : Math.min(...words.map((w) => w.start));
  const speechEnd = opts.span ? opts.span.end : Math.max(...words.map((w) => w.end));
  const span = speechEnd - speechStart;
  if (span <= 0) return [];
  // Speech shorter than one window: one point for the whole span (with the report's span: the report's pace).
  if (span < windowSec) {
    return [{ t: round2(speechStart + span / 2), wpm: round1((total / span) * 60) }];
  }
  const points: PacePoint[] = [];
  const half = windowSec / 2;
  for (let t = speechStart + half; t <= speechEnd - half + 1e-9; t += stepSec) {
    const lo = Math.max(t - half, speechStart);
    const hi = Math.min(t + half, speechEnd);
    const len = hi - lo;
    if (len < half) continue;
    let count = 0;
    for (const w of weighted) if (w.m >= lo && w.m < hi) count += w.weight;
    points.push({ t: round2(t), wpm: round1((count / len) * 60) });
  }
  return points;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
