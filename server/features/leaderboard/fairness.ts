/**
 * Selection rates and impact ratios by group, as in NYC Local Law 144 bias audits (the EEOC "four-fifths rule"):
 * selection rate = selected / assessed for each group; impact ratio = a group's rate / the highest group's rate.
 * An impact ratio below 0.8 is flagged. Groups too small for the ratio to mean much (fewer than `minGroupSize`
 * people, FAIRNESS_MIN_GROUP, default 5; or under 2% of those assessed, the LL144 rule for leaving a category out of
 * the calculation) are "too few to judge": their ratio is shown with its counts but raises no four-fifths alarm, and
 * they are never the reference group. Candidates without a group are counted separately ("unknown").
 */

export interface FairnessInput {
  group: string | null;
  selected: boolean;
}

import type { FairnessGroup as GroupRow, FairnessReport } from '../../../contracts/fairness.js';

export type { FairnessReport, GroupRow };

export const FOUR_FIFTHS = 0.8;

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function fairnessReport(people: FairnessInput[], minGroupSize = 5): FairnessReport {
  const counts = new Map<string, { assessed: number; selected: number }>();
  const unknown = { assessed: 0, selected: 0 };
  for (const p of people) {
    const g = p.group?.trim();
    const slot = g ? counts.get(g) ?? counts.set(g, { assessed: 0, selected: 0 }).get(g)! : unknown;
    slot.assessed++;
    if (p.selected) slot.selected++;
  }
  const withGroup = people.length - unknown.assessed;
  const rows = [...counts.entries()]
    .map(([group, c]) => ({ group, ...c, selectionRate: c.selected / c.assessed, smallGroup: c.assessed < minGroupSize || c.assessed < 0.02 * withGroup }))
    .sort((a, b) => a.group.localeCompare(b.group));
  const candidatesForReference = rows.filter((r) => !r.smallGroup);
  const reference = (candidatesForReference.length > 0 ? candidatesForReference : rows).reduce<(typeof rows)[number] | null>((best, r) => (best === null || r.selectionRate > best.selectionRate ? r : best), null);
  const top = reference?.selectionRate ?? 0;
  const groups: GroupRow[] = rows.map((r) => {
    const impactRatio = top > 0 ? round3(r.selectionRate / top) : null;
    return { ...r, selectionRate: round3(r.selectionRate), impactRatio, belowFourFifths: !r.smallGroup && impactRatio !== null && impactRatio < FOUR_FIFTHS };
  });
  const warnings: string[] = [];
  for (const g of groups) {
    if (g.belowFourFifths) warnings.push(`${g.group}: impact ratio ${g.impactRatio?.toFixed(2)} is below ${FOUR_FIFTHS} (four-fifths rule): review how this group is being selected.`);
    if (g.smallGroup) warnings.push(`${g.group}: ${g.assessed} ${g.assessed === 1 ? 'person' : 'people'} (fewer than ${Math.max(minGroupSize, Math.ceil(0.02 * withGroup))}): too few to judge, no four-fifths check.`);
  }
  if (top === 0 && rows.length > 0) warnings.push('Nobody has been selected yet: impact ratios cannot be computed.');
  if (unknown.assessed > 0) warnings.push(`${unknown.assessed} people have no group recorded and are not in the ratios.`);
  return { groups, unknown, referenceGroup: top > 0 ? reference?.group ?? null : null, minGroupSize, warnings };
}

/** The report as CSV: one row per group with its counts, rate, ratio and verdict, then the unknown group. */
export function fairnessCsvRows(r: FairnessReport): { header: string[]; rows: Array<Array<string | number | null>> } {
  const verdict = (g: GroupRow) => (g.smallGroup ? 'too few to judge' : g.impactRatio === null ? 'no ratio (nobody selected)' : g.belowFourFifths ? 'below four-fifths' : 'ok');
  return {
    header: ['group', 'assessed', 'selected', 'selection_rate', 'impact_ratio', 'reference_group', 'verdict'],
    rows: [
      ...r.groups.map((g) => [g.group, g.assessed, g.selected, g.selectionRate, g.impactRatio, g.group === r.referenceGroup ? 'yes' : 'no', verdict(g)]),
      ...(r.unknown.assessed > 0 ? [['(no group recorded)', r.unknown.assessed, r.unknown.selected, Math.round((r.unknown.selected / r.unknown.assessed) * 1000) / 1000, null, 'no', 'not in the ratios']] : []),
    ],
  };
}
