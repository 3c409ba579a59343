/** Display names for analysis statuses and stages (pure; score names and labels are in contracts/scores.ts). */
import type { AnswerStatus } from '../../../contracts/statuses';

export const STATUS_LABELS: Record<AnswerStatus, string> = {
  queued: 'Waiting in line',
  processing: 'Analysing',
  done: 'Done',
  failed: 'Failed',
};

const STAGE_LABELS: Record<string, string> = {
  queued: 'Waiting for a free analyser',
  probe: 'Checking the video',
  probing: 'Checking the video',
  decode: 'Extracting audio and frames',
  extract: 'Extracting audio and frames',
  audio: 'Extracting audio',
  vad: 'Finding speech',
  transcribe: 'Transcribing',
  transcript: 'Transcribing',
  speech: 'Measuring speech',
  pitch: 'Measuring voice pitch',
  vision: 'Looking at face and posture',
  visual: 'Looking at face and posture',
  scores: 'Computing scores',
  scoring: 'Computing scores',
  cloud: 'Asking the cloud model',
  coach: 'Writing coaching notes',
  save: 'Saving the report',
};

/** A readable label for a server stage name; unknown names are humanised ("face_mesh" -> "Face mesh"). */
export function stageLabel(stage: string | null | undefined): string {
  if (!stage) return 'Starting';
  const known = STAGE_LABELS[stage.toLowerCase()];
  if (known) return known;
  const words = stage
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Working';
}

/** A progress fraction as a whole percentage clamped to 0..100. */
export function percent(fraction: number | null | undefined): number {
  if (fraction == null || !Number.isFinite(fraction)) return 0;
  return Math.round(Math.min(Math.max(fraction, 0), 1) * 100);
}
