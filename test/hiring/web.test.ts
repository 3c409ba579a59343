import { describe, expect, it } from 'vitest';
import { explainTotal } from '../../web/src/admin/explain.js';
import { matchPath } from '../../web/src/admin/match.js';

describe('admin path matching', () => {
  it('extracts parameters and refuses other shapes', () => {
    expect(matchPath('/admin/interviews/:id/candidates/:candidateId', '/admin/interviews/a1/candidates/b%2F2/')).toEqual({ id: 'a1', candidateId: 'b/2' });
    expect(matchPath('/admin/interviews/:id', '/admin/interviews/a1/leaderboard')).toBeNull();
    expect(matchPath('/admin', '/admin')).toEqual({});
    expect(matchPath('/invite/:token', '/invite/%E0%A4%A')).toBeNull();
  });
});

describe('explainTotal', () => {
  it('writes each term as value x weight over the weight sum', () => {
    const r = { total: 55, weightSum: 8, terms: [{ metric: 'clarity', value: 80, weight: 2 }, { metric: 'rating', value: 50, weight: 6 }] };
    expect(explainTotal(r, (m) => m.toUpperCase())).toBe('(CLARITY 80×2 + RATING 50×6) / 8 = 55');
    expect(explainTotal({ total: null, weightSum: 0, terms: [] })).toBe('No total: nothing measured or rated yet.');
  });
});
