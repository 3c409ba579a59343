/** Builds VisualMetrics (report.visual) from the per-frame observations. Pure. */
import type { VisualMetrics } from './contract.js';
import type { FrameObs } from './types.js';
import { facingCameraRatio, facingOverallRatio, isFacing, lookingAwaySpans } from './metrics/facing.js';
import { framing, type Framing } from './metrics/framing.js';
import { movement, type Movement } from './metrics/movement.js';
import { posture, type Posture } from './metrics/posture.js';
import { facePresentRatio, multipleFacesRatio, noFaceSpans } from './metrics/presence.js';
import { smileRatio } from './metrics/smile.js';

/** Below this many seconds of visible face, facing-the-camera is not measured (one stray detection is not a face). */
export const MIN_FACE_SEC = 2;

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
  const enoughFace = faceFrames * frameSec >= MIN_FACE_SEC;
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
