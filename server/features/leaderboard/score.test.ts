import { describe, expect, it } from 'vitest';
import type { LeaderboardRow } from './leaderboard.service.js';
import { rankRows, sortRows } from './leaderboard.service.js';
import { band, candidateMetrics, ratingTo100, weightedTotal } from './score.js';
import { DEFAULT_WEIGHTS, effectiveWeights } from './weights.js';

describe('candidateMetrics', () => {
  it('averages each score over answers, leaving unmeasured ones out (not as 0), overrides replacing the automated value', () => {
    const m = candidateMetrics([
      { scores: { confidence: 80, clarity: null, eyeContact: 40 }, overrides: { eyeContact: 90 }, ratings: [5, 4] },
      { scores: { confidence: 60, clarity: null, eyeContact: null }, overrides: {}, ratings: [3] },
    ]);
    expect(m).toEqual({ confidence: 70, clarity: null, speechRate: null, voiceTone: null, eyeContact: 90, bodyLanguage: null, rating: 75 });
  });

  it('maps ratings 1..5 to 0..100', () => {
    expect([1, 2, 3, 4, 5].map(ratingTo100)).toEqual([0, 25, 50, 75, 100]);
    expect(candidateMetrics([]).rating).toBeNull();
  });
});

describe('weightedTotal', () => {
  it('is sum(value x weight) / sum(weight) over the metrics that have a value; the rest are listed as missing', () => {
    const t = weightedTotal({ confidence: 80, clarity: 60, speechRate: null, voiceTone: null, eyeContact: null, bodyLanguage: null, rating: 50 }, DEFAULT_WEIGHTS);
    expect(t.terms).toEqual([
      { metric: 'confidence', value: 80, weight: 1, product: 80 },
      { metric: 'clarity', value: 60, weight: 1, product: 60 },
      { metric: 'rating', value: 50, weight: 6, product: 300 },
    ]);
    expect(t.weightSum).toBe(8);
    expect(t.total).toBe(55); // 440 / 8
    expect(t.missing).toEqual(['speechRate', 'voiceTone', 'eyeContact', 'bodyLanguage']);
  });

  it('has no total when nothing was measured, and skips zero weights entirely', () => {
    const none = { confidence: null, clarity: null, speechRate: null, voiceTone: null, eyeContact: null, bodyLanguage: null, rating: null };
    expect(weightedTotal(none, DEFAULT_WEIGHTS)).toMatchObject({ total: null, weightSum: 0, terms: [] });
    const w = { ...DEFAULT_WEIGHTS, rating: 0 };
    const t = weightedTotal({ ...none, confidence: 40, rating: 100 }, w);
    expect(t).toMatchObject({ total: 40, weightSum: 1 });
    expect(t.missing).not.toContain('rating');
  });

  it('colour bands', () => {
    expect([null, 0, 49.9, 50, 69.9, 70, 100].map(band)).toEqual(['none', 'low', 'low', 'middle', 'middle', 'high', 'high']);
  });

  it('reads partial stored weights over the defaults', () => {
    expect(effectiveWeights(null)).toEqual(DEFAULT_WEIGHTS);
    expect(effectiveWeights('{"rating":2}')).toEqual({ ...DEFAULT_WEIGHTS, rating: 2 });
  });
});

describe('ranking and sorting', () => {
  const row = (name: string, total: number | null, clarity: number | null): LeaderboardRow =>
    ({ rank: null, total, candidate: { name, status: 'completed' }, metrics: { clarity } }) as unknown as LeaderboardRow;

  it('ranks by total, ties share a rank, no total means no rank and last place', () => {
    const r = rankRows([row('c', 50, 1), row('a', null, 2), row('b', 80, 3), row('d', 50, null)]);
    expect(r.map((x) => [x.candidate.name, x.rank])).toEqual([['b', 1], ['c', 2], ['d', 2], ['a', null]]);
  });

  it('sorts by a metric with nulls last in both directions', () => {
    const ranked = rankRows([row('c', 50, 1), row('a', null, 2), row('b', 80, null)]);
    expect(sortRows(ranked, 'clarity', 'desc').map((x) => x.candidate.name)).toEqual(['a', 'c', 'b']);
    expect(sortRows(ranked, 'clarity', 'asc').map((x) => x.candidate.name)).toEqual(['c', 'a', 'b']);
    expect(sortRows(ranked).map((x) => x.candidate.name)).toEqual(['b', 'c', 'a']);
  });
});
