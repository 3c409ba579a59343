import { describe, expect, it } from 'vitest';
import type { LeaderboardRow } from './leaderboard.service.js';
import { sortRows } from './leaderboard.service.js';
import { candidateMetrics, ratingTo100 } from './score.js';
import { DEFAULT_WEIGHTS, effectiveWeights } from './weights.js';

describe('candidateMetrics', () => {
  it('averages each score over answers, leaving unmeasured ones out (not as 0), overrides replacing the automated value', () => {
    const m = candidateMetrics([
      { scores: { confidence: 80, clarity: null, eyeContact: 40 }, overrides: { eyeContact: 90 } },
      { scores: { confidence: 60, clarity: null, eyeContact: null }, overrides: {} },
    ]);
    expect(m).toEqual({ confidence: 70, clarity: null, speechRate: null, voiceTone: null, eyeContact: 90, bodyLanguage: null });
  });

  it('maps ratings 1..5 to 0..100', () => {
    expect([1, 2, 3, 4, 5].map(ratingTo100)).toEqual([0, 25, 50, 75, 100]);
    expect(candidateMetrics([]).clarity).toBeNull();
  });
});

describe('weights', () => {
  it('reads partial stored weights over the defaults', () => {
    expect(effectiveWeights(null)).toEqual(DEFAULT_WEIGHTS);
    expect(effectiveWeights('{"rating":2}')).toEqual({ ...DEFAULT_WEIGHTS, rating: 2 });
  });
});

describe('sorting', () => {
  const row = (name: string, rank: number | null, clarity: number | null): LeaderboardRow => ({ rank, candidate: { name, status: 'completed' }, metrics: { clarity } }) as unknown as LeaderboardRow;

  it('sorts by a metric with nulls last in both directions; by rank, the unranked stay last', () => {
    const ranked = [row('b', 1, null), row('c', 2, 1), row('a', null, 2)];
    expect(sortRows(ranked, 'clarity', 'desc').map((x) => x.candidate.name)).toEqual(['a', 'c', 'b']);
    expect(sortRows(ranked, 'clarity', 'asc').map((x) => x.candidate.name)).toEqual(['c', 'a', 'b']);
    expect(sortRows(ranked).map((x) => x.candidate.name)).toEqual(['b', 'c', 'a']);
    expect(sortRows(ranked, 'rank', 'desc').map((x) => x.candidate.name)).toEqual(['c', 'b', 'a']);
  });
});
