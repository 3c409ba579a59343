/** Reduces one Human result to the compact per-frame observations (FrameObs). Pure; runs inside the worker. */
import type { BodyObs, FaceObs, FrameObs, Keypoint } from './types.js';
import { BODY_PARTS } from './types.js';

/** A face counts as present at Human face score >= 0.7 (real faces in the fixtures score 0.91-1.0; the only
 * false detection seen, a 0.09-wide box on the no-face test pattern, scored 0.62). */
export const FACE_MIN_SCORE = 0.7;
/** MoveNet keypoints below this score are dropped (Human's own default body.minConfidence is 0.3). */
export const KEYPOINT_MIN_SCORE = 0.3;

/** Approximate eye geometry: eyeball radius ~12 mm, eye fissure (corner to corner) ~30 mm, so an iris shifted
 * by d eye-widths from the eye centre has rotated by about asin(d * 30 / 12). */
const EYE_WIDTH_OVER_RADIUS = 30 / 12;

type Pt = number[];
interface HumanFaceLike {
  score: number;
  boxRaw: number[];
  mesh: Pt[];
  rotation?: { angle: { yaw: number; pitch: number; roll: number } } | null;
}
interface HumanBodyLike {
  score: number;
  keypoints: Array<{ part: string; positionRaw: Pt; score: number }>;
}
export interface HumanResultLike {
  face: HumanFaceLike[];
  body: HumanBodyLike[];
  hand: unknown[];
}

const deg = (rad: number) => (rad * 180) / Math.PI;
const r3 = (v: number) => Math.round(v * 1000) / 1000;

/** Horizontal iris offset in eye widths for one eye (iris centre vs the midpoint of its two corners). */
function irisOffset(mesh: Pt[], iris: number, a: number, b: number): { off: number; width: number } | null {
  const i = mesh[iris], p = mesh[a], q = mesh[b];
  if (!i || !p || !q) return null;
  const width = Math.abs((q[0] ?? 0) - (p[0] ?? 0));
  if (width <= 0) return null;
  return { off: ((i[0] ?? 0) - ((p[0] ?? 0) + (q[0] ?? 0)) / 2) / width, width };
}

/** Eye-in-head yaw (degrees) from the 478-point mesh (468-477 are the irises: 473 pairs with corners 33/133,
 * 468 with 362/263, as in Human's own gaze code). Eyes are weighted by their visible width, so the eye
 * nearer the camera dominates when the head is turned. */
export function eyeYawDeg(mesh: Pt[]): number | null {
  if (mesh.length < 478) return null;
  const eyes = [irisOffset(mesh, 473, 33, 133), irisOffset(mesh, 468, 362, 263)].filter((e) => e !== null);
  const wsum = eyes.reduce((s, e) => s + e.width, 0);
  if (!wsum) return null;
  const off = eyes.reduce((s, e) => s + e.off * e.width, 0) / wsum;
  return deg(Math.asin(Math.max(-1, Math.min(1, off * EYE_WIDTH_OVER_RADIUS))));
}

/** Mouth-corner lift (observable geometry, not an emotion): mesh 61/291 are the mouth corners, 13/14 the
 * inner upper/lower lip centre. Positive when the corners sit above the lip centre (image y grows down). */
export function mouthCornerLift(mesh: Pt[]): number | null {
  const l = mesh[61], r = mesh[291], up = mesh[13], lo = mesh[14];
  if (!l || !r || !up || !lo) return null;
  const width = Math.hypot((r[0] ?? 0) - (l[0] ?? 0), (r[1] ?? 0) - (l[1] ?? 0));
  if (width <= 0) return null;
  return (((up[1] ?? 0) + (lo[1] ?? 0)) / 2 - ((l[1] ?? 0) + (r[1] ?? 0)) / 2) / width;
}

export function toFaceObs(f: HumanFaceLike): FaceObs {
  const a = f.rotation?.angle ?? { yaw: 0, pitch: 0, roll: 0 };
  const eye = eyeYawDeg(f.mesh);
  const lift = mouthCornerLift(f.mesh);
  const [x = 0, y = 0, w = 0, h = 0] = f.boxRaw;
  return {
    score: r3(f.score),
    box: [r3(x), r3(y), r3(w), r3(h)],
    yaw: r3(deg(a.yaw)),
    pitch: r3(deg(a.pitch)),
    roll: r3(deg(a.roll)),
    eyeYaw: eye === null ? null : r3(eye),
    mouthCornerLift: lift === null ? null : r3(lift),
  };
}

export function toBodyObs(b: HumanBodyLike): BodyObs {
  const kp: BodyObs['kp'] = {};
  for (const k of b.keypoints) {
    if (k.score < KEYPOINT_MIN_SCORE || !(BODY_PARTS as readonly string[]).includes(k.part)) continue;
    const point: Keypoint = [r3(k.positionRaw[0] ?? 0), r3(k.positionRaw[1] ?? 0), r3(k.score)];
    kp[k.part as keyof BodyObs['kp']] = point;
  }
  return { score: r3(b.score), kp };
}

export function toFrameObs(t: number, r: HumanResultLike, handsEnabled: boolean): FrameObs {
  const faces = r.face.filter((f) => f.score >= FACE_MIN_SCORE);
  const largest = faces.reduce<HumanFaceLike | null>(
    (best, f) => (!best || (f.boxRaw[2] ?? 0) * (f.boxRaw[3] ?? 0) > (best.boxRaw[2] ?? 0) * (best.boxRaw[3] ?? 0) ? f : best),
    null,
  );
  const body = r.body[0];
  return {
    t: r3(t),
    faceCount: faces.length,
    face: largest ? toFaceObs(largest) : null,
    body: body && body.score > 0 ? toBodyObs(body) : null,
    hands: handsEnabled ? r.hand.length : null,
  };
}
