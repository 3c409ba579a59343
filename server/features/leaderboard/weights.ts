/** The metrics a candidate is ranked on and their default weights. */
import { type Weights, weightsInput } from '../../../contracts/interviews.js';
import { METRICS } from '../../../contracts/scores.js';

/** Automated scores (Report v1 `scores.*.value`, 0-100) averaged over a candidate's answers; the reviewers' rubric ratings (1-5) mapped to 0-100 as (r - 1) / 4 x 100. */
export { SCORE_NAMES as AUTO_METRICS, METRICS, type Metric, RATING_METRIC } from '../../../contracts/scores.js';
export { RUBRIC, type Criterion } from '../../../contracts/reviews.js';
export type { Weights };

/**
 * Default: every automated score counts once and the human rating counts as much as all six together,
 * so people's judgement weighs as much as the machine's advice.
 */
export const DEFAULT_WEIGHTS: Weights = { confidence: 1, clarity: 1, speechRate: 1, voiceTone: 1, eyeContact: 1, bodyLanguage: 1, rating: 6 };

/** Stored weights (possibly partial, possibly null) over the defaults. */
export function effectiveWeights(json: string | null): Weights {
  if (!json) return { ...DEFAULT_WEIGHTS };
  const parsed = weightsInput.safeParse(JSON.parse(json));
  const w: Weights = { ...DEFAULT_WEIGHTS };
  if (parsed.success) for (const m of METRICS) if (parsed.data[m] !== undefined) w[m] = parsed.data[m];
  return w;
}
