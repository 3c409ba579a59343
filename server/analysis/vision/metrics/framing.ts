/**
 * Framing: is the face centred and at a sensible distance (from the face box, normalised to the frame).
 *  - centred: face centre x within 0.25-0.75 of the width and y within 0.15-0.65 of the height
 *    (head in the middle half, eyes around the upper third as in the usual video-call framing advice);
 *  - distance: face box width 0.10-0.45 of the frame width (smaller: too far to read the face;
 *    larger: only the face fills the frame, too close).
 */
import type { FaceObs, FrameObs } from '../types.js';
import { ratio } from './spans.js';

export const CENTRE_X = [0.25, 0.75] as const;
export const CENTRE_Y = [0.15, 0.65] as const;
export const FACE_WIDTH = [0.1, 0.45] as const;

export function isCentred(face: FaceObs): boolean {
  const [x, y, w, h] = face.box;
  const cx = x + w / 2, cy = y + h / 2;
  return cx >= CENTRE_X[0] && cx <= CENTRE_X[1] && cy >= CENTRE_Y[0] && cy <= CENTRE_Y[1];
}

export type Distance = 'too far' | 'ok' | 'too close';
export function distanceOf(face: FaceObs): Distance {
  const w = face.box[2];
  return w < FACE_WIDTH[0] ? 'too far' : w > FACE_WIDTH[1] ? 'too close' : 'ok';
}

export interface Framing {
  centredRatio: number | null;
  goodDistanceRatio: number | null;
  tooFarRatio: number | null;
  tooCloseRatio: number | null;
  /** centred and at a good distance */
  wellFramedRatio: number | null;
  /** median face width as a share of the frame width */
  faceWidthMedian: number | null;
}

export function framing(frames: readonly FrameObs[]): Framing {
  const faces = frames.flatMap((f) => (f.face ? [f.face] : []));
  const widths = faces.map((f) => f.box[2]).sort((a, b) => a - b);
  return {
    centredRatio: ratio(faces, isCentred),
    goodDistanceRatio: ratio(faces, (f) => distanceOf(f) === 'ok'),
    tooFarRatio: ratio(faces, (f) => distanceOf(f) === 'too far'),
    tooCloseRatio: ratio(faces, (f) => distanceOf(f) === 'too close'),
    wellFramedRatio: ratio(faces, (f) => isCentred(f) && distanceOf(f) === 'ok'),
    faceWidthMedian: widths.length ? (widths[Math.floor(widths.length / 2)] ?? null) : null,
  };
}
