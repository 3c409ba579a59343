/** Face presence: is a face in frame, and is there more than one. */
import type { Span } from '../../report.js';
import type { FrameObs } from '../types.js';
import { flagSpans, ratio } from './spans.js';

export function facePresentRatio(frames: readonly FrameObs[]): number | null {
  return ratio(frames, (f) => f.face !== null);
}

export function multipleFacesRatio(frames: readonly FrameObs[]): number | null {
  return ratio(frames, (f) => f.faceCount > 1);
}

export function noFaceSpans(frames: readonly FrameObs[], frameSec: number): Span[] {
  return flagSpans(frames, (f) => f.face === null, frameSec);
}
