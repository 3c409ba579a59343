import { describe, expect, it } from 'vitest';
import { fairnessCsvRows, fairnessReport } from './fairness.js';

const people = (group: string | null, assessed: number, selected: number) =>
  Array.from({ length: assessed }, (_, i) => ({ group, selected: i < selected }));

describe('fairnessReport (four-fifths rule)', () => {
  it('computes selection rates and impact ratios against the highest rate', () => {
    // the EEOC Uniform Guidelines example: 48/80 = 60% vs 12/40 = 30% -> impact ratio 0.5
    const r = fairnessReport([...people('men', 80, 48), ...people('women', 40, 12)]);
    expect(r.referenceGroup).toBe('men');
    expect(r.groups).toEqual([
      { group: 'men', assessed: 80, selected: 48, selectionRate: 0.6, impactRatio: 1, belowFourFifths: false, smallGroup: false },
      { group: 'women', assessed: 40, selected: 12, selectionRate: 0.3, impactRatio: 0.5, belowFourFifths: true, smallGroup: false },
    ]);
    expect(r.warnings).toEqual(['women: impact ratio 0.50 is below 0.8 (four-fifths rule): review how this group is being selected.']);
  });

  it('does not flag a ratio of exactly 0.8, and flags 0.79', () => {
    expect(fairnessReport([...people('a', 10, 5), ...people('b', 10, 4)]).groups[1]).toMatchObject({ impactRatio: 0.8, belowFourFifths: false });
    expect(fairnessReport([...people('a', 100, 50), ...people('b', 100, 39)]).groups[1]).toMatchObject({ impactRatio: 0.78, belowFourFifths: true });
  });

  it('flags small groups and never uses one as the reference', () => {
    const r = fairnessReport([...people('big', 50, 10), ...people('tiny', 2, 2)]);
    expect(r.referenceGroup).toBe('big');
    expect(r.groups.find((g) => g.group === 'tiny')).toMatchObject({ smallGroup: true, impactRatio: 5 });
    expect(r.warnings).toContain('tiny: 2 people (fewer than 5): too few to judge, no four-fifths check.');
    // under 2% of those assessed is small even above the minimum size
    expect(fairnessReport([...people('a', 500, 100), ...people('b', 6, 1)], 5).groups[1]!.smallGroup).toBe(true);
  });

  it('counts people without a group separately and handles nobody selected', () => {
    const r = fairnessReport([...people('a', 5, 0), ...people(null, 3, 1), ...people('  ', 1, 0)]);
    expect(r.unknown).toEqual({ assessed: 4, selected: 1 });
    expect(r.groups).toEqual([{ group: 'a', assessed: 5, selected: 0, selectionRate: 0, impactRatio: null, belowFourFifths: false, smallGroup: false }]);
    expect(r.referenceGroup).toBeNull();
    expect(r.warnings).toEqual(['Nobody has been selected yet: impact ratios cannot be computed.', '4 people have no group recorded and are not in the ratios.']);
    expect(fairnessReport([])).toEqual({ groups: [], unknown: { assessed: 0, selected: 0 }, referenceGroup: null, minGroupSize: 5, warnings: [] });
  });

  it('raises no four-fifths alarm below the minimum group size: one person per group is "too few to judge" (issue 15)', () => {
    const r = fairnessReport([...people('a', 1, 1), ...people('b', 1, 0)]);
    expect(r.groups.map((g) => [g.group, g.impactRatio, g.belowFourFifths, g.smallGroup])).toEqual([
      ['a', 1, false, true],
      ['b', 0, false, true],
    ]);
    expect(r.warnings.some((w) => w.includes('four-fifths rule'))).toBe(false);
    expect(r.warnings).toEqual(['a: 1 person (fewer than 5): too few to judge, no four-fifths check.', 'b: 1 person (fewer than 5): too few to judge, no four-fifths check.']);
    // the same rates with a lower minimum are judged
    const judged = fairnessReport([...people('a', 1, 1), ...people('b', 1, 0)], 1);
    expect(judged.groups[1]).toMatchObject({ belowFourFifths: true, smallGroup: false });
    expect(judged.minGroupSize).toBe(1);
  });

  it('exports counts, rates, ratios and the verdict per group as CSV rows', () => {
    const { header, rows } = fairnessCsvRows(fairnessReport([...people('men', 80, 48), ...people('women', 40, 12), ...people('x', 2, 1), ...people(null, 3, 1)]));
    expect(header).toEqual(['group', 'assessed', 'selected', 'selection_rate', 'impact_ratio', 'reference_group', 'verdict']);
    expect(rows).toEqual([
      ['men', 80, 48, 0.6, 1, 'yes', 'ok'],
      ['women', 40, 12, 0.3, 0.5, 'no', 'below four-fifths'],
      ['x', 2, 1, 0.5, 0.833, 'no', 'too few to judge'],
      ['(no group recorded)', 3, 1, 0.333, null, 'no', 'not in the ratios'],
    ]);
  });
});
