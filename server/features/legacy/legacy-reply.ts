/** The demo's reply body, made from a Report v1 (see contracts/legacy.ts and docs/legacy-demo.md). */
import { type LegacyScore, type LegacyUploadReply, legacyScoreNames, legacyScoreSources, NOT_MEASURED } from '../../../contracts/legacy.js';
import type { Report } from '../../analysis/report.js';

/**
 * Our 0-100 score on the demo's 1-10 scale: a tenth, rounded half up, never below 1 (the demo's scale has
 * no 0). So 0-14 -> 1, 15-24 -> 2, ..., 85-94 -> 9, 95-100 -> 10. Unmeasured (null) -> "n/a".
 */
export function tenPointScore(value: number | null): LegacyScore {
  if (value === null || !Number.isFinite(value)) return NOT_MEASURED;
  return Math.min(10, Math.max(1, Math.round(value / 10)));
}

export function legacyReply(id: string, report: Report): LegacyUploadReply {
  const scores = Object.fromEntries(legacyScoreNames.map((name) => [name, tenPointScore(report.scores[legacyScoreSources[name]].value)])) as Record<
    (typeof legacyScoreNames)[number],
    LegacyScore
  >;
  return { ...scores, imp_points: report.keyPoints, id, report };
}
