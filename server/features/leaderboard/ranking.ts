/**
 * The ranking rule of the leaderboard: one basis, stated in words (`RANKING_FORMULA`) and as each row's arithmetic.
 *
 * - The rank comes from the reviewers only. Each reviewer's score for a candidate is the mean of every rubric rating
 *   (1-5) they gave to that candidate's answers; the candidate's reviewer score is the mean of those per-reviewer
 *   scores, so every reviewer counts once however many criteria or answers they rated. The spread (highest minus
 *   lowest reviewer score) is shown beside it: 0 with one reviewer.
 * - Candidates nobody has rated are "not yet reviewed": their own group, below every reviewed candidate, without a
 *   rank. A missing rating is never dropped from a weighted mix (the old bug: an unreviewed 92.9 above a reviewed 77.8).
 * - Automated scores are shown beside the rank, never mixed into it. Their summary is the weighted mean of the
 *   measured automated scores without Confidence: Confidence is itself built from pace, voice, eye contact and
 *   posture, so adding it would count those cues twice (docs/scoring.md, "Ranking").
 * Pure functions: no database, no clock.
 */
import type { Term } from '../../../contracts/leaderboard.js';
import { type Metric, SCORE_NAMES, type ScoreName } from '../../../contracts/scores.js';
import type { Weights } from './weights.js';

export const RANKING_FORMULA =
  'Rank = mean of the reviewers\u2019 scores, where a reviewer\u2019s score is the mean of every 1-5 rubric rating they gave this candidate (each reviewer counts once; ties share a rank). ' +
  'Candidates nobody has rated are listed below as "not yet reviewed", without a rank. ' +
  'Automated scores are shown beside the rank and never enter it; their summary is the weighted mean of the measured scores without Confidence, which re-counts pace, voice, eye contact and posture.';

/** Automated scores that enter the automated summary: every score except the Confidence composite. */
export const SUMMARY_METRICS: readonly ScoreName[] = SCORE_NAMES.filter((m) => m !== 'confidence');

export interface ReviewerRatings {
  reviewerId: string;
  /** Shown only when names may be shown (blind review hides them). */
  reviewer: string;
  /** Every 1-5 rating this reviewer gave the candidate, over all criteria and answers. */
  ratings: number[];
}

export interface ReviewerScore {
  reviewerId: string;
  reviewer: string;
  average: number;
  ratings: number;
}

export interface ReviewSummary {
  /** Mean of the per-reviewer averages (1-5), 2 decimals; null when nobody rated. */
  average: number | null;
  /** Highest minus lowest reviewer average; null when nobody rated. */
  spread: number | null;
  reviewers: ReviewerScore[];
}

export interface AutomatedSummary {
  /** Weighted mean of the measured automated scores without Confidence, 0-100, 1 decimal; null when none measured. */
  summary: number | null;
  terms: Term[];
  weightSum: number;
  /** Summary metrics with a weight but no measured value (flagged, never counted as 0). */
  missing: Metric[];
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function reviewSummary(reviewers: ReviewerRatings[]): ReviewSummary {
  const scores: ReviewerScore[] = reviewers
    .map((r) => ({ r, valid: r.ratings.filter((x) => Number.isFinite(x) && x >= 1 && x <= 5) }))
    .filter(({ valid }) => valid.length > 0)
    .map(({ r, valid }) => ({ reviewerId: r.reviewerId, reviewer: r.reviewer, average: round(mean(valid), 2), ratings: valid.length }));
  if (scores.length === 0) return { average: null, spread: null, reviewers: [] };
  // The unrounded per-reviewer means make the candidate's mean, so rounding never changes an order.
  const exact = reviewers.map((r) => r.ratings.filter((x) => Number.isFinite(x) && x >= 1 && x <= 5)).filter((v) => v.length > 0).map(mean);
  return { average: round(mean(exact), 2), spread: round(Math.max(...exact) - Math.min(...exact), 2), reviewers: scores };
}

export function automatedSummary(values: Partial<Record<ScoreName, number | null>>, weights: Weights): AutomatedSummary {
  const terms: Term[] = [];
  const missing: Metric[] = [];
  for (const m of SUMMARY_METRICS) {
    const w = weights[m];
    if (!(w > 0)) continue;
    const v = values[m];
    if (v === null || v === undefined || !Number.isFinite(v)) missing.push(m);
    else terms.push({ metric: m, value: v, weight: w, product: round(v * w, 1) });
  }
  const weightSum = terms.reduce((a, t) => a + t.weight, 0);
  return { summary: weightSum === 0 ? null : round(terms.reduce((a, t) => a + t.value * t.weight, 0) / weightSum, 1), terms, weightSum, missing };
}

export type ReviewGroup = 'reviewed' | 'not_reviewed';

export interface Rankable {
  candidate: { name: string };
  review: ReviewSummary;
}

export interface Ranked {
  rank: number | null;
  reviewGroup: ReviewGroup;
}

/**
 * Reviewed candidates first, by reviewer average (highest first, equal averages share a rank, then by name);
 * then the not-yet-reviewed, by name, without a rank. The automated summary plays no part in the order.
 */
export function rankByReviews<T extends Rankable>(rows: T[]): Array<T & Ranked> {
  const reviewed = rows.filter((r) => r.review.average !== null).sort((a, b) => b.review.average! - a.review.average! || a.candidate.name.localeCompare(b.candidate.name));
  const rest = rows.filter((r) => r.review.average === null).sort((a, b) => a.candidate.name.localeCompare(b.candidate.name));
  let rank = 0;
  let prev: number | null = null;
  const out: Array<T & Ranked> = reviewed.map((r, i) => {
    if (r.review.average !== prev) rank = i + 1;
    prev = r.review.average;
    return { ...r, rank, reviewGroup: 'reviewed' as const };
  });
  return [...out, ...rest.map((r) => ({ ...r, rank: null, reviewGroup: 'not_reviewed' as const }))];
}

/** One row's arithmetic in words, the same in the page, the CSV and the API. */
export function explainRank(review: ReviewSummary, blind = false): string {
  if (review.average === null) return 'Not yet reviewed: no rank. Automated scores are shown beside, not ranked.';
  const parts = review.reviewers.map((r, i) => `${r.average.toFixed(2)} (${blind ? `reviewer ${i + 1}` : r.reviewer}, ${r.ratings} rating${r.ratings === 1 ? '' : 's'})`);
  const body = review.reviewers.length === 1 ? parts[0]! : `(${parts.join(' + ')}) / ${review.reviewers.length}`;
  return `Reviewer score ${body} = ${review.average.toFixed(2)} of 5; spread ${review.spread!.toFixed(2)}`;
}

/** Row colour: by the reviewer score (>= 4 high, >= 3 middle, below low); unreviewed rows are grey. */
export function reviewBand(average: number | null): 'high' | 'middle' | 'low' | 'none' {
  if (average === null) return 'none';
  return average >= 4 ? 'high' : average >= 3 ? 'middle' : 'low';
}
