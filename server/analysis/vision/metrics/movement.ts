/**
 * Movement between sampled frames: keypoint displacement normalised by body size (shoulder widths per second).
 *  - body motion: mean displacement of nose, shoulders and elbows found in both frames;
 *  - still: body motion below STILL_MAX = 0.1 shoulder widths/s (MoveNet jitter on the still-photo fixtures: mean 0.02-0.03, max 0.085);
 *  - restless: body motion above RESTLESS_MIN = 0.5 shoulder widths/s (shifting or rocking);
 *  - gesture: a visible wrist moves more than GESTURE_MIN = 0.5 shoulder widths/s relative to the shoulders.
 */
import type { BodyPart, FrameObs } from '../types.js';
import { bodyScale, dist, pt } from './geometry.js';
import { ratio, round3 } from './spans.js';

export const STILL_MAX = 0.1;
export const RESTLESS_MIN = 0.5;
export const GESTURE_MIN = 0.5;
const TORSO: BodyPart[] = ['nose', 'leftShoulder', 'rightShoulder', 'leftElbow', 'rightElbow'];
const WRISTS: BodyPart[] = ['leftWrist', 'rightWrist'];

export interface Step { t: number; motion: number | null; wristMotion: number | null }

function meanShift(a: FrameObs, b: FrameObs, parts: BodyPart[], aspect: number): number | null {
  if (!a.body || !b.body) return null;
  const shifts = parts.flatMap((p) => {
    const pa = pt(a.body!, p, aspect), pb = pt(b.body!, p, aspect);
    return pa && pb ? [dist(pa, pb)] : [];
  });
  return shifts.length ? shifts.reduce((s, v) => s + v, 0) / shifts.length : null;
}

function shoulderMid(f: FrameObs, aspect: number): [number, number] | null {
  if (!f.body) return null;
  const l = pt(f.body, 'leftShoulder', aspect), r = pt(f.body, 'rightShoulder', aspect);
  return l && r ? [(l[0] + r[0]) / 2, (l[1] + r[1]) / 2] : null;
}

/** Largest wrist displacement relative to the shoulder midpoint between two frames. */
function wristShift(a: FrameObs, b: FrameObs, aspect: number): number | null {
  const ma = shoulderMid(a, aspect), mb = shoulderMid(b, aspect);
  if (!a.body || !b.body || !ma || !mb) return null;
  const shifts = WRISTS.flatMap((p) => {
    const pa = pt(a.body!, p, aspect), pb = pt(b.body!, p, aspect);
    return pa && pb ? [dist([pa[0] - ma[0], pa[1] - ma[1]], [pb[0] - mb[0], pb[1] - mb[1]])] : [];
  });
  return shifts.length ? Math.max(...shifts) : null;
}

/** Per-interval motion in shoulder widths per second (null where it could not be measured). */
export function motionSteps(frames: readonly FrameObs[], aspect: number): Step[] {
  const steps: Step[] = [];
  for (let i = 1; i < frames.length; i++) {
    const a = frames[i - 1]!, b = frames[i]!;
    const dt = b.t - a.t;
    const scale = bodyScale(b, aspect) ?? bodyScale(a, aspect);
    if (dt <= 0 || !scale) { steps.push({ t: b.t, motion: null, wristMotion: null }); continue; }
    const m = meanShift(a, b, TORSO, aspect);
    const w = wristShift(a, b, aspect);
    steps.push({ t: b.t, motion: m === null ? null : m / scale / dt, wristMotion: w === null ? null : w / scale / dt });
  }
  return steps;
}

export interface Movement {
  /** mean body motion, shoulder widths per second */
  motionMean: number | null;
  stillRatio: number | null;
  restlessRatio: number | null;
  /** frames with at least one wrist keypoint */
  handsVisibleRatio: number | null;
  /** intervals with a visible, moving hand */
  gestureRatio: number | null;
}

export function movement(frames: readonly FrameObs[], aspect: number): Movement {
  const steps = motionSteps(frames, aspect);
  const motions = steps.flatMap((s) => (s.motion === null ? [] : [s.motion]));
  const wrists = steps.flatMap((s) => (s.wristMotion === null ? [] : [s.wristMotion]));
  const bodies = frames.filter((f) => f.body !== null);
  return {
    motionMean: motions.length ? round3(motions.reduce((s, v) => s + v, 0) / motions.length) : null,
    stillRatio: ratio(motions, (m) => m < STILL_MAX),
    restlessRatio: ratio(motions, (m) => m > RESTLESS_MIN),
    handsVisibleRatio: ratio(bodies, (f) => WRISTS.some((p) => f.body!.kp[p] !== undefined)),
    // over all measured intervals with a body; hands out of frame count as no gesture
    gestureRatio: motions.length ? round3(wrists.filter((w) => w > GESTURE_MIN).length / motions.length) : null,
  };
}
