import type { Report } from '../analysis/report.js';
import type { Pcm } from '../analysis/audio/decode.js';
import type { AudioPrecomputed } from './local/audio.js';
import type { VisionOutput } from '../analysis/vision/contract.js';

/** Progress of one analysis: a named stage and a fraction 0..1 of the whole analysis. */
export interface Progress {
  stage: string;
  progress: number;
  message?: string;
}
export type ProgressFn = (p: Progress) => void;

export interface AnalysisInput {
  /** A local, seekable video file with a correct duration header (already remuxed). */
  videoPath: string;
  /** The question being answered. */
  question: string;
  /** Duration from ffprobe, in seconds. */
  durationSec: number;
  hasAudio: boolean;
  hasVideo: boolean;
  /** Stable id of the answer, for engines that keep remote state (e.g. a cloud index). */
  answerId?: string;
  /**
   * What the streaming analysis measured while the answer was being recorded (server/features/streaming): the
   * local engine finishes from it instead of starting over. Other engines ignore it.
   */
  streamed?: StreamedParts;
}

export interface StreamedParts {
  /** the decoded audio (the same samples decodeToPcm gives for the file) */
  pcm: Pcm;
  audio: AudioPrecomputed;
  vision: Promise<VisionOutput | Error>;
  /** how the streaming went (lag at Stop, time to finish), added to the report's timings */
  timingsMs?: Record<string, number>;
}

/**
 * An analysis engine turns one recorded answer into a Report v1.
 * It throws AnalysisError for input it cannot analyse (shown to the user), any other error is treated
 * as transient and retried by the job runner.
 */
export interface AnalysisEngine {
  readonly name: string;
  analyze(input: AnalysisInput, onProgress: ProgressFn, signal?: AbortSignal): Promise<Report>;
  /** Optional: release models, worker threads, connections. */
  close?(): Promise<void>;
}

/** A failure caused by the input or a permanent condition: the job is not retried. */
export class AnalysisError extends Error {
  constructor(
    message: string,
    readonly permanent = true,
  ) {
    super(message);
    this.name = 'AnalysisError';
  }
}
