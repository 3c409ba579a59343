/** Keypoint geometry in frame-width units (x and y of a keypoint are normalised separately to width and height). */
import type { BodyObs, BodyPart, FrameObs } from '../types.js';

/** A keypoint in frame-width units: [x, y * height / width]. */
export function pt(body: BodyObs, part: BodyPart, aspect: number): [number, number] | null {
  const k = body.kp[part];
  return k ? [k[0], k[1] / aspect] : null;
}

export function dist(a: readonly [number, number], b: readonly [number, number]): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

/** Typical shoulder width is about 2.2 face widths; used as the body scale when the shoulders are not found. */
export const SHOULDERS_PER_FACE_WIDTH = 2.2;

/** Body scale for normalising movement: shoulder width, else 2.2 x face width, else null. */
export function bodyScale(f: FrameObs, aspect: number): number | null {
  if (f.body) {
    const l = pt(f.body, 'leftShoulder', aspect), r = pt(f.body, 'rightShoulder', aspect);
    if (l && r && dist(l, r) > 0.02) return dist(l, r);
  }
  return f.face ? f.face.box[2] * SHOULDERS_PER_FACE_WIDTH : null;
}
