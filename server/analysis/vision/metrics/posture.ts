/**
 * Posture from the MoveNet shoulder and nose keypoints (observable geometry only).
 *  - shoulders visible: both shoulder keypoints found;
 *  - level: shoulder line within SHOULDER_TILT_MAX_DEG = 8 deg of horizontal;
 *  - leaning: nose more than LEAN_MAX = 0.25 shoulder widths left or right of the shoulder midpoint;
 *  - slouch: the nose-to-shoulder-line height (in shoulder widths) drops below SLOUCH_DROP = 0.8 of the person's
 *    own upright height in this recording (its 90th percentile): relative, because neck length varies by person
 *    and camera angle.
 */
import type { FrameObs } from '../types.js';
import { dist, pt } from './geometry.js';
import { ratio, round3 } from './spans.js';

export const SHOULDER_TILT_MAX_DEG = 8;
export const LEAN_MAX = 0.25;
export const SLOUCH_DROP = 0.8;

interface Shoulders { tiltDeg: number; lean: number | null; height: number | null }

export function shoulderGeometry(f: FrameObs, aspect: number): Shoulders | null {
  if (!f.body) return null;
  const l = pt(f.body, 'leftShoulder', aspect), r = pt(f.body, 'rightShoulder', aspect);
  if (!l || !r) return null;
  const width = dist(l, r);
  if (width < 0.02) return null;
  const [left, right] = l[0] <= r[0] ? [l, r] : [r, l];
  const tiltDeg = (Math.atan2(right[1] - left[1], right[0] - left[0]) * 180) / Math.PI;
  const nose = pt(f.body, 'nose', aspect);
  const mid: [number, number] = [(l[0] + r[0]) / 2, (l[1] + r[1]) / 2];
  return {
    tiltDeg,
    lean: nose ? (nose[0] - mid[0]) / width : null,
    height: nose ? (mid[1] - nose[1]) / width : null,
  };
}

export interface Posture {
  shouldersVisibleRatio: number | null;
  shouldersLevelRatio: number | null;
  meanShoulderTiltDeg: number | null;
  leaningRatio: number | null;
  slouchRatio: number | null;
}

export function posture(frames: readonly FrameObs[], aspect: number): Posture {
  const geo = frames.map((f) => shoulderGeometry(f, aspect));
  const seen = geo.filter((g): g is Shoulders => g !== null);
  const leans = seen.flatMap((g) => (g.lean === null ? [] : [g.lean]));
  const heights = seen.flatMap((g) => (g.height === null ? [] : [g.height])).sort((a, b) => a - b);
  const upright = heights[Math.min(heights.length - 1, Math.floor(heights.length * 0.9))];
  return {
    shouldersVisibleRatio: ratio(geo, (g) => g !== null),
    shouldersLevelRatio: ratio(seen, (g) => Math.abs(g.tiltDeg) <= SHOULDER_TILT_MAX_DEG),
    meanShoulderTiltDeg: seen.length ? round3(seen.reduce((s, g) => s + Math.abs(g.tiltDeg), 0) / seen.length) : null,
    leaningRatio: ratio(leans, (l) => Math.abs(l) > LEAN_MAX),
    slouchRatio: upright !== undefined && upright > 0 ? ratio(heights, (h) => h < SLOUCH_DROP * upright) : null,
  };
}
