/** "(Clarity 70×1 + Speech rate 50×1) / 2 = 60": how the automated summary was made (pure). */
import type { LeaderboardRow } from '../../../contracts/leaderboard';
import { METRIC_LABELS, type Metric } from '../../../contracts/scores';

/** The automated summary of a leaderboard row (contracts/leaderboard.ts). */
export type Explainable = Pick<LeaderboardRow['automated'], 'terms' | 'weightSum' | 'summary'>;

/** The display name of a leaderboard metric; an unknown name is shown as it is. */
export const metricLabel = (metric: string): string => METRIC_LABELS[metric as Metric] ?? metric;

export function explainAutomated(r: Explainable, label: (metric: string) => string = (m) => m): string {
  if (r.summary === null || r.terms.length === 0) return 'No automated summary: nothing measured yet.';
  const sum = r.terms.map((t) => `${label(t.metric)} ${t.value}×${t.weight}`).join(' + ');
  return `(${sum}) / ${r.weightSum} = ${r.summary}`;
}
