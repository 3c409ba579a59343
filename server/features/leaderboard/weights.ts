/** The metrics a candidate is ranked on and their default weights. */
import { z } from 'zod';

/** Automated scores (Report v1 `scores.*.value`, 0-100) averaged over a candidate's answers. */
export const AUTO_METRICS = ['confidence', 'clarity', 'speechRate', 'voiceTone', 'eyeContact', 'bodyLanguage'] as const;
/** The reviewers' rubric ratings (1-5), mapped to 0-100 as (r - 1) / 4 x 100. */
export const RATING_METRIC = 'rating';
export const METRICS = [...AUTO_METRICS, RATING_METRIC] as const;
export type Metric = (typeof METRICS)[number];
export type Weights = Record<Metric, number>;

/**
 * Default: every automated score counts once and the human rating counts as much as all six together,
 * so people's judgement weighs as much as the machine's advice.
 */
export const DEFAULT_WEIGHTS: Weights = { confidence: 1, clarity: 1, speechRate: 1, voiceTone: 1, eyeContact: 1, bodyLanguage: 1, rating: 6 };

export const weightsSchema = z
  .object(Object.fromEntries(METRICS.map((m) => [m, z.number().min(0).max(100).optional()])) as Record<Metric, z.ZodOptional<z.ZodNumber>>)
  .strict();

/** Stored weights (possibly partial, possibly null) over the defaults. */
export function effectiveWeights(json: string | null): Weights {
  if (!json) return { ...DEFAULT_WEIGHTS };
  const parsed = weightsSchema.safeParse(JSON.parse(json));
  const w: Weights = { ...DEFAULT_WEIGHTS };
  if (parsed.success) for (const m of METRICS) if (parsed.data[m] !== undefined) w[m] = parsed.data[m];
  return w;
}

export const RUBRIC = ['relevance', 'structure', 'communication'] as const;
export type Criterion = (typeof RUBRIC)[number];
