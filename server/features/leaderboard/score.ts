/**
 * How a candidate's total is made. Pure functions: every number can be traced to its terms.
 * - An automated metric is the mean of that score over the candidate's answers (a reviewer override replaces the
 *   automated value of that answer); answers where it could not be measured (null) are left out, never counted as 0.
 * - The rating is the mean of every rubric rating (1-5) given to the candidate's answers, mapped to 0-100.
 * - The total is the weighted mean over the metrics that have a value: sum(value x weight) / sum(weight).
 *   Metrics without a value are listed as missing (flagged in the UI), and their weight is not counted.
 */
import type { LeaderboardRow, Term } from '../../../contracts/leaderboard.js';
import { AUTO_METRICS, type Metric, METRICS, RATING_METRIC, type Weights } from './weights.js';

export type { Term };

export type MetricValues = Record<Metric, number | null>;

export interface AnswerInput {
  /** Report v1 `scores.<metric>.value`, or null when the report is missing or the metric unmeasured. */
  scores: Partial<Record<string, number | null>>;
  /** Latest override per metric. */
  overrides: Partial<Record<string, number>>;
  /** Every rubric rating (1-5) every reviewer gave this answer. */
  ratings: number[];
}

export interface Total {
  total: number | null;
  terms: Term[];
  weightSum: number;
  missing: Metric[];
}

export const mean = (xs: number[]): number | null => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
const round1 = (x: number) => Math.round(x * 10) / 10;

/** A 1-5 rating on the 0-100 scale of the automated scores. */
export const ratingTo100 = (r: number) => ((r - 1) / 4) * 100;

export function candidateMetrics(answers: AnswerInput[]): MetricValues {
  const out = {} as MetricValues;
  for (const m of AUTO_METRICS) {
    const values = answers.map((a) => a.overrides[m] ?? a.scores[m] ?? null).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    const avg = mean(values);
    out[m] = avg === null ? null : round1(avg);
  }
  const r = mean(answers.flatMap((a) => a.ratings));
  out[RATING_METRIC] = r === null ? null : round1(ratingTo100(r));
  return out;
}

export function weightedTotal(values: MetricValues, weights: Weights): Total {
  const terms: Term[] = [];
  const missing: Metric[] = [];
  for (const m of METRICS) {
    const w = weights[m];
    if (w <= 0) continue;
    const v = values[m];
    if (v === null) missing.push(m);
    else terms.push({ metric: m, value: v, weight: w, product: round1(v * w) });
  }
  const weightSum = terms.reduce((a, t) => a + t.weight, 0);
  const total = weightSum === 0 ? null : round1(terms.reduce((a, t) => a + t.value * t.weight, 0) / weightSum);
  return { total, terms, weightSum, missing };
}

export type Band = LeaderboardRow['band'];

/** Colour bands of the leaderboard: >= 70 high (green), 50-69.9 middle (amber), < 50 low (red). */
export function band(total: number | null): Band {
  if (total === null) return 'none';
  return total >= 70 ? 'high' : total >= 50 ? 'middle' : 'low';
}
