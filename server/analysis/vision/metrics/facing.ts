/**
 * Facing the camera (the eye-contact proxy): head pose plus the iris position.
 *
 * A frame counts as facing when
 *  - the head is within HEAD_YAW_MAX_DEG = 12 deg of the camera axis left-right (Human's face.rotation yaw),
 *  - the head pitch is within HEAD_PITCH_MAX_DEG = 20 deg (wider, because webcams usually sit above or
 *    below the eye line of someone reading a screen), and
 *  - the gaze, head yaw + eye-in-head yaw from the iris, is within GAZE_YAW_MAX_DEG = 15 deg.
 * Tuned on the fixtures: the frontal astronaut has head yaw ~1 deg, pitch ~7 deg and iris-based eye yaw
 * between -12 and +3 deg (the iris estimate is the noisy part, so the gaze band is wider than the head band);
 * the man in profile (looking-away.webm) has head yaw -34 to -41 deg.
 */
import type { Span } from '../../report.js';
import type { FaceObs, FrameObs } from '../types.js';
import { flagSpans, ratio } from './spans.js';

export const HEAD_YAW_MAX_DEG = 12;
export const HEAD_PITCH_MAX_DEG = 20;
export const GAZE_YAW_MAX_DEG = 15;

export function isFacing(face: FaceObs): boolean {
  if (Math.abs(face.yaw) > HEAD_YAW_MAX_DEG || Math.abs(face.pitch) > HEAD_PITCH_MAX_DEG) return false;
  if (face.eyeYaw === null) return true; // no iris: head pose alone
  return Math.abs(face.yaw + face.eyeYaw) <= GAZE_YAW_MAX_DEG;
}

/** Share of the frames with a face in which that face is facing the camera; null when no face was seen. */
export function facingCameraRatio(frames: readonly FrameObs[]): number | null {
  const withFace = frames.filter((f) => f.face !== null);
  return ratio(withFace, (f) => f.face !== null && isFacing(f.face));
}

/** Share of all frames facing the camera (a missing face counts as not facing); null when no frames. */
export function facingOverallRatio(frames: readonly FrameObs[]): number | null {
  return ratio(frames, (f) => f.face !== null && isFacing(f.face));
}

/** Face present but turned away. */
export function lookingAwaySpans(frames: readonly FrameObs[], frameSec: number): Span[] {
  return flagSpans(frames, (f) => f.face !== null && !isFacing(f.face), frameSec);
}
