/**
 * A candidate's automated scores, shown beside the rank (never in it: see ranking.ts). Pure functions.
 * - An automated metric is the mean of that score over the candidate's answers (a reviewer override replaces the
 *   automated value of that answer); answers where it could not be measured (null) are left out, never counted as 0.
 */
import type { ScoreName } from '../../../contracts/scores.js';
import { AUTO_METRICS } from './weights.js';

export interface AnswerInput {
  /** Report v1 `scores.<metric>.value`, or null when the report is missing or the metric unmeasured. */
  scores: Partial<Record<string, number | null>>;
  /** Latest override per metric. */
  overrides: Partial<Record<string, number>>;
}

export const mean = (xs: number[]): number | null => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
const round1 = (x: number) => Math.round(x * 10) / 10;

/** A 1-5 rating on the 0-100 scale of the automated scores. */
export const ratingTo100 = (r: number) => ((r - 1) / 4) * 100;

export function candidateMetrics(answers: AnswerInput[]): Record<ScoreName, number | null> {
  const out = {} as Record<ScoreName, number | null>;
  for (const m of AUTO_METRICS) {
    const values = answers.map((a) => a.overrides[m] ?? a.scores[m] ?? null).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    const avg = mean(values);
    out[m] = avg === null ? null : round1(avg);
  }
  return out;
}
