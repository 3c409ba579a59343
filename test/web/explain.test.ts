import { describe, expect, it } from 'vitest';
import { explainTotal, metricLabel } from '../../web/src/admin/explain.js';

describe('explainTotal', () => {
  it('writes each term as value x weight over the weight sum', () => {
    const r = {
      total: 55,
      weightSum: 8,
      terms: [
        { metric: 'clarity', value: 80, weight: 2 },
        { metric: 'rating', value: 50, weight: 6 },
      ],
    };
    expect(explainTotal(r, (m) => m.toUpperCase())).toBe('(CLARITY 80×2 + RATING 50×6) / 8 = 55');
    expect(explainTotal(r, metricLabel)).toBe('(Clarity 80×2 + Reviewer rating 50×6) / 8 = 55');
    expect(explainTotal({ total: null, weightSum: 0, terms: [] })).toBe('No total: nothing measured or rated yet.');
  });
  it('names every metric, and shows an unknown one as it is', () => {
    expect(metricLabel('bodyLanguage')).toBe('Posture');
    expect(metricLabel('newScore')).toBe('newScore');
  });
});
