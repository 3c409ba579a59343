/** Reference bands used by the scores (see docs/scoring.md). */
/** Comfortable pace for presentations/interviews: 100-165 wpm (Microsoft Speaker Coach pace guidance). */
export const PACE_MIN_WPM = 100;
export const PACE_MAX_WPM = 165;
/** Score points lost per wpm outside the band. */
export const PACE_SLOPE = 1.5;
/** Fillers: up to 5 per minute is within the usual range for fluent speakers (shared reference band). */
export const FILLERS_OK_PER_MIN = 5;
/** Pitch variation (sd/mean of F0) below ~0.11 reads as monotone (Hincks 2005, "Measures and perceptions of liveliness"). */
export const MONOTONE_PITCH_VARIATION = 0.11;
/** Long pause >= 1.5 s (shared reference band; silent pause >= 0.25 s). */
export const LONG_PAUSE_SEC = 1.5;

export const clamp = (x: number, lo = 0, hi = 100): number => Math.min(hi, Math.max(lo, x));
export const round = (x: number): number => Math.round(x);

/** Linear interpolation through (x, y) points, flat outside. */
export function piecewise(x: number, pts: ReadonlyArray<readonly [number, number]>): number {
  const first = pts[0]!;
  const last = pts[pts.length - 1]!;
  if (x <= first[0]) return first[1];
  if (x >= last[0]) return last[1];
  for (let i = 1; i < pts.length; i++) {
    const [x1, y1] = pts[i]!;
    const [x0, y0] = pts[i - 1]!;
    if (x <= x1) return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return last[1];
}

export function clock(sec: number): string {
  const s = Math.max(0, Math.round(sec));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** "3 pauses over 1.5 s (0:12, 0:31, 0:48)" style list of times, at most 8. */
export function times(spans: ReadonlyArray<{ start: number }>): string {
  const t = spans.slice(0, 8).map((s) => clock(s.start));
  return spans.length > 8 ? `${t.join(', ')}, ...` : t.join(', ');
}
