/** The contract between the vision pipeline and the local engine (owned by the lead; change by agreement). */
import type { Score, Span } from '../report.js';

/** One sampled frame, reduced to what the report charts need. */
export interface VisualSample {
  t: number;
  facePresent: boolean;
  /** null when no face */
  facing: boolean | null;
}

/** Goes into `report.visual`. Extra fields (posture, movement, gestures, smile, ...) are welcome. */
export interface VisualMetrics {
  facePresentRatio: number | null;
  facingCameraRatio: number | null;
  multipleFacesRatio: number | null;
  /** spans where a face was present but not facing the camera, e.g. looked away 0:14-0:19 */
  lookingAwaySpans: Span[];
  /** spans with no face in frame */
  noFaceSpans: Span[];
  /** sampled per-frame series for the eye-contact chart */
  timeline: VisualSample[];
  sampleFps: number;
  framesAnalyzed: number;
  [extra: string]: unknown;
}

export interface VisionOutput {
  visual: VisualMetrics;
  scores: { eyeContact: Score; bodyLanguage: Score };
  timingsMs: Record<string, number>;
  warnings: string[];
}

export interface VisionOptions {
  durationSec: number;
  signal?: AbortSignal;
  /** fraction 0..1 of the vision work done */
  onProgress?: (fraction: number) => void;
}

export type AnalyzeVision = (videoPath: string, opts: VisionOptions) => Promise<VisionOutput>;
