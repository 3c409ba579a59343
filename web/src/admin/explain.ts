/** "(Clarity 70×1 + Reviewer rating 50×6) / 7 = 52.9": how a total was made (pure). */
import { METRIC_LABELS, type Metric } from '../../../contracts/scores';

export interface Explainable {
  terms: Array<{ metric: string; value: number; weight: number }>;
  weightSum: number;
  total: number | null;
}

/** The display name of a leaderboard metric; an unknown name is shown as it is. */
export const metricLabel = (metric: string): string => METRIC_LABELS[metric as Metric] ?? metric;

export function explainTotal(r: Explainable, label: (metric: string) => string = (m) => m): string {
  if (r.total === null || r.terms.length === 0) return 'No total: nothing measured or rated yet.';
  const sum = r.terms.map((t) => `${label(t.metric)} ${t.value}×${t.weight}`).join(' + ');
  return `(${sum}) / ${r.weightSum} = ${r.total}`;
}
