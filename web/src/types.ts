/** API shapes shared by the pages. Report types come from the server contract (types only: no zod in the bundle). */
import type { Report, Score, Word, Filler, Span } from '../../server/analysis/report.js';
import type { ScoreKey } from './lib/labels.js';

export type { Report, Score, Word, Filler, Span };

export interface AppConfig {
  recordingMaxSec: number;
  thinkTimeSec: number;
  retakes: number;
  maxUploadMb: number;
  engine: string;
}

export const DEFAULT_CONFIG: AppConfig = { recordingMaxSec: 120, thinkTimeSec: 20, retakes: 2, maxUploadMb: 500, engine: 'local' };

export interface Question {
  id: string;
  text: string;
  category: string;
}

export type AnswerStatus = 'queued' | 'processing' | 'done' | 'failed';

export interface AnswerDetail {
  id: string;
  status: AnswerStatus;
  stage: string | null;
  progress: number;
  report?: Report | null;
  error: string | null;
  questionId: string;
  questionText: string;
  createdAt: string;
  durationSec: number | null;
  videoUrl: string;
}

export interface HistoryItem {
  id: string;
  questionText: string;
  status: AnswerStatus;
  createdAt: string;
  durationSec: number | null;
  scores: Partial<Record<ScoreKey, number | null>> | null;
}
