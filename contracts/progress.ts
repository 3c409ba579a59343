/** Progress over time (issue 11): per measure, the series over the owner's analysed answers, with the reference band. */
import { z } from 'zod';

/** Measures the Progress API follows: the speech figures, then every score (contracts/scores.ts). */
export const progressMeasureSchema = z.object({
  /** `wpm`, `fillersPerMin`, `longPauses`, `pitchVariation`, `eyeContact` (share of time facing the camera, %), or `score.<name>`. */
  id: z.string(),
  label: z.string(),
  unit: z.string(),
  /** Whether a higher value is better, a lower one, or the band is the goal. */
  better: z.enum(['higher', 'lower', 'inBand']),
  /** The reference band and where it comes from (null when none is published). */
  band: z.object({ min: z.number().nullable(), max: z.number().nullable(), source: z.string() }).nullable(),
  /** Oldest first; answers where the measure could not be made are left out (the count says how many). */
  points: z.array(z.object({ answerId: z.string(), createdAt: z.string(), value: z.number(), questionId: z.string().nullable(), category: z.string().nullable() })),
  unmeasured: z.number().int(),
  first: z.number().nullable(),
  last: z.number().nullable(),
  best: z.number().nullable(),
  /** Mean per question id and per category (only groups with a value). */
  byQuestion: z.array(z.object({ questionId: z.string(), questionText: z.string(), n: z.number().int(), mean: z.number(), last: z.number() })),
  byCategory: z.array(z.object({ category: z.string(), n: z.number().int(), mean: z.number(), last: z.number() })),
});
export type ProgressMeasure = z.infer<typeof progressMeasureSchema>;

export const progressNote = z.object({ measureId: z.string(), text: z.string() });

export const progressSchema = z.object({
  /** Analysed (done) answers the figures come from. */
  answers: z.number().int(),
  measures: z.array(progressMeasureSchema),
  /** Measures that moved the right way between the first and the last answer (or into the band). */
  improved: z.array(progressNote),
  /** What to work on next: the last answer is outside the band, or the measure got worse. */
  next: z.array(progressNote),
});
export type Progress = z.infer<typeof progressSchema>;
