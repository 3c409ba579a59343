import { describe, expect, it } from 'vitest';
import { type Explainable, explainAutomated, metricLabel } from '../../web/src/admin/explain.js';

describe('explainAutomated', () => {
  it('writes each term as value x weight over the weight sum', () => {
    const r: Explainable = {
      summary: 70,
      weightSum: 4,
      terms: [
        { metric: 'clarity', value: 80, weight: 3, product: 240 },
        { metric: 'voiceTone', value: 40, weight: 1, product: 40 },
      ],
    };
    expect(explainAutomated(r, (m) => m.toUpperCase())).toBe('(CLARITY 80×3 + VOICETONE 40×1) / 4 = 70');
    expect(explainAutomated(r, metricLabel)).toBe('(Clarity 80×3 + Voice tone 40×1) / 4 = 70');
    expect(explainAutomated({ summary: null, weightSum: 0, terms: [] })).toBe('No automated summary: nothing measured yet.');
  });
  it('names every metric with the report\u2019s own words, and shows an unknown one as it is', () => {
    expect(metricLabel('bodyLanguage')).toBe('Body language');
    expect(metricLabel('speechRate')).toBe('Speech rate');
    expect(metricLabel('newScore')).toBe('newScore');
  });
});
