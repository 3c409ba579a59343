/** Chart series derived from optional report sections (pure, no DOM). */

export interface Point {
  x: number;
  y: number;
}

export interface PitchSample {
  t: number;
  hz: number | null;
}

/** Voiced pitch samples as points; unvoiced (null) samples are dropped. Downsampled to at most maxPoints. */
export function pitchSeries(track: readonly PitchSample[] | null | undefined, maxPoints = 400): Point[] {
  if (!Array.isArray(track)) return [];
  const voiced = track.filter((p): p is { t: number; hz: number } => typeof p.hz === 'number' && Number.isFinite(p.hz) && p.hz > 0);
  if (voiced.length <= maxPoints) return voiced.map((p) => ({ x: p.t, y: Math.round(p.hz) }));
  const step = voiced.length / maxPoints;
  const out: Point[] = [];
  for (let i = 0; i < maxPoints; i++) {
    const p = voiced[Math.floor(i * step)] as { t: number; hz: number };
    out.push({ x: p.t, y: Math.round(p.hz) });
  }
  return out;
}

export interface VisualSample {
  t: number;
  facePresent: boolean;
  facing: boolean | null;
}

/**
 * Percentage of samples facing the camera in consecutive bins of binSec seconds.
 * Samples with no face count as not facing; bins with no samples are skipped.
 */
export function eyeContactSeries(timeline: readonly VisualSample[] | null | undefined, binSec = 2): Point[] {
  if (!Array.isArray(timeline) || timeline.length === 0 || binSec <= 0) return [];
  const bins = new Map<number, { n: number; facing: number }>();
  for (const s of timeline) {
    if (!Number.isFinite(s.t)) continue;
    const k = Math.floor(s.t / binSec);
    const b = bins.get(k) ?? { n: 0, facing: 0 };
    b.n++;
    if (s.facePresent && s.facing === true) b.facing++;
    bins.set(k, b);
  }
  return [...bins.entries()].sort((a, b) => a[0] - b[0]).map(([k, b]) => ({ x: Math.round((k + 0.5) * binSec * 100) / 100, y: Math.round((b.facing / b.n) * 100) }));
}
