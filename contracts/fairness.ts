/** Selection rates and impact ratios by the candidates' group field (four-fifths rule). */
import { z } from 'zod';
import { candidateStatus } from './candidates.js';

export const fairnessQuery = z.object({
  /** Comma-separated candidate statuses counted as selected (default: shortlisted,hired). */
  selected: z
    .string()
    .max(200)
    .optional()
    .transform((s, ctx) => {
      const list = s ? s.split(',').map((x) => x.trim()) : ['shortlisted', 'hired'];
      const parsed = z.array(candidateStatus).min(1).safeParse(list);
      if (!parsed.success) ctx.addIssue({ code: 'custom', message: 'selected: a comma-separated list of candidate statuses' });
      return parsed.data ?? [];
    }),
  /** Smallest group judged by the four-fifths rule (default: the FAIRNESS_MIN_GROUP setting, 5). */
  minGroupSize: z.coerce.number().int().min(1).max(1000).optional(),
});

export const fairnessGroupSchema = z.object({
  group: z.string(),
  assessed: z.number(),
  selected: z.number(),
  selectionRate: z.number(),
  impactRatio: z.number().nullable(),
  belowFourFifths: z.boolean(),
  smallGroup: z.boolean(),
});
export type FairnessGroup = z.infer<typeof fairnessGroupSchema>;

export const fairnessReportSchema = z.object({
  groups: z.array(fairnessGroupSchema),
  /** Candidates without a group: counted, not in the ratios. */
  unknown: z.object({ assessed: z.number(), selected: z.number() }),
  referenceGroup: z.string().nullable(),
  /** Groups smaller than this are "too few to judge": no four-fifths alarm. */
  minGroupSize: z.number(),
  warnings: z.array(z.string()),
});
export type FairnessReport = z.infer<typeof fairnessReportSchema>;

/** GET /api/admin/interviews/:id/fairness: the report and which statuses it counted. */
export const fairnessSchema = fairnessReportSchema.extend({ selectedStatuses: z.array(candidateStatus), assessedStatuses: z.array(candidateStatus) });
export type Fairness = z.infer<typeof fairnessSchema>;
