/** Builds VisualMetrics (report.visual) from the per-frame observations. Pure. */
import type { VisualMetrics } from './contract.js';
import type { FrameObs } from './types.js';
import { facingCameraRatio, facingOverallRatio, isFacing, lookingAwaySpans } from './metrics/facing.js';
import { framing, type Framing } from './metrics/framing.js';
import { movement, type Movement } from './metrics/movement.js';
import { posture, type Posture } from './metrics/posture.js';
import { facePresentRatio, multipleFacesRatio, noFaceSpans } from './metrics/presence.js';
import { smileRatio } from './metrics/smile.js';

/** Facing-the-camera is measured only when a face was visible for at least MIN_FACE_SEC = 2 s and in at least
 * MIN_FACE_SHARE = 10% of the frames: the face detector finds a few stray "faces" in busy patterns (no-face.webm
 * at 5 fps: 10 of 179 frames), and a ratio over those would be noise. */
export const MIN_FACE_SEC = 2;
export const MIN_FACE_SHARE = 0.1;

export interface VisionMetrics extends VisualMetrics {
  facingOverallRatio: number | null;
  framing: Framing;
  posture: Posture;
  movement: Movement;
  smileRatio: number | null;
}

export function summarize(frames: readonly FrameObs[], fps: number, aspect: number): VisionMetrics {
  const frameSec = 1 / fps;
  const faceFrames = frames.filter((f) => f.face !== null).length;
  const enoughFace = faceFrames * frameSec >= MIN_FACE_SEC && faceFrames >= MIN_FACE_SHARE * frames.length;
  return {
    facePresentRatio: facePresentRatio(frames),
    facingCameraRatio: enoughFace ? facingCameraRatio(frames) : null,
    facingOverallRatio: enoughFace ? facingOverallRatio(frames) : null,
    multipleFacesRatio: multipleFacesRatio(frames),
    lookingAwaySpans: enoughFace ? lookingAwaySpans(frames, frameSec) : [],
    noFaceSpans: noFaceSpans(frames, frameSec),
    timeline: frames.map((f) => ({ t: f.t, facePresent: f.face !== null, facing: f.face ? isFacing(f.face) : null })),
    sampleFps: fps,
    framesAnalyzed: frames.length,
    framing: framing(frames),
    posture: posture(frames, aspect),
    movement: movement(frames, aspect),
    smileRatio: enoughFace ? smileRatio(frames) : null,
  };
}
