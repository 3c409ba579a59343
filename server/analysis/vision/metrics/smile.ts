/**
 * Smile presence as observable mouth geometry only (Human's expression output comes from its emotion model,
 * which is deliberately not run). A frame shows a smile when the mouth corners sit above the lip centre by more
 * than SMILE_LIFT_MIN = 0.06 mouth widths. Fixtures: the smiling astronaut measures ~0.12, the man in profile
 * with a neutral mouth ~-0.03. This is a rough geometric cue, not a reading of feelings.
 */
import type { FrameObs } from '../types.js';
import { ratio } from './spans.js';

export const SMILE_LIFT_MIN = 0.06;

/** Share of the frames with a measurable mouth that show the smile geometry; null when none. */
export function smileRatio(frames: readonly FrameObs[]): number | null {
  const lifts = frames.flatMap((f) => (f.face && f.face.mouthCornerLift !== null ? [f.face.mouthCornerLift] : []));
  return ratio(lifts, (l) => l > SMILE_LIFT_MIN);
}
