import { describe, expect, it } from 'vitest';
import { automatedSummary, explainRank, RANKING_FORMULA, rankByReviews, reviewBand, reviewSummary, SUMMARY_METRICS } from './ranking.js';
import { DEFAULT_WEIGHTS } from './weights.js';

const rv = (reviewerId: string, ratings: number[]) => ({ reviewerId, reviewer: `${reviewerId}@example.com`, ratings });
const row = (name: string, reviewers: ReturnType<typeof rv>[], auto: number | null = null) => ({
  candidate: { name },
  review: reviewSummary(reviewers),
  automated: automatedSummary({ confidence: auto, clarity: auto, speechRate: auto, voiceTone: auto, eyeContact: auto, bodyLanguage: auto }, DEFAULT_WEIGHTS),
});

describe('reviewSummary: several reviewers', () => {
  it('averages per reviewer first, so each reviewer counts once however many ratings they gave', () => {
    // a: 6 ratings averaging 5; b: 1 rating of 2. A pooled mean would be (30 + 2) / 7 = 4.57; per reviewer it is (5 + 2) / 2 = 3.5
    const s = reviewSummary([rv('a', [5, 5, 5, 5, 5, 5]), rv('b', [2])]);
    expect(s.average).toBe(3.5);
    expect(s.spread).toBe(3);
    expect(s.reviewers).toEqual([
      { reviewerId: 'a', reviewer: 'a@example.com', average: 5, ratings: 6 },
      { reviewerId: 'b', reviewer: 'b@example.com', average: 2, ratings: 1 },
    ]);
  });

  it('has spread 0 with one reviewer and no average when nobody rated (out-of-range values ignored)', () => {
    expect(reviewSummary([rv('a', [4, 3])])).toMatchObject({ average: 3.5, spread: 0 });
    expect(reviewSummary([])).toEqual({ average: null, spread: null, reviewers: [] });
    expect(reviewSummary([rv('a', []), rv('b', [0, 9, Number.NaN])])).toEqual({ average: null, spread: null, reviewers: [] });
  });

  it('rounds for display only: 3 reviewers at 4, 4, 5 give 4.33', () => {
    expect(reviewSummary([rv('a', [4]), rv('b', [4]), rv('c', [5])])).toMatchObject({ average: 4.33, spread: 1 });
  });
});

describe('rankByReviews: unreviewed vs reviewed', () => {
  it('puts a reviewed candidate above an unreviewed one whatever their automated scores (issue 15: 92.9 above 77.8)', () => {
    const ranked = rankByReviews([row('Unreviewed star', [], 93), row('Reviewed', [rv('a', [3])], 40)]);
    expect(ranked.map((r) => [r.candidate.name, r.rank, r.reviewGroup])).toEqual([
      ['Reviewed', 1, 'reviewed'],
      ['Unreviewed star', null, 'not_reviewed'],
    ]);
  });

  it('orders reviewed candidates by reviewer average; the automated summary never changes the order', () => {
    const ranked = rankByReviews([row('Low auto', [rv('a', [5]), rv('b', [4])], 10), row('High auto', [rv('a', [4]), rv('b', [4])], 99), row('Mid', [rv('a', [2])], 50)]);
    expect(ranked.map((r) => [r.candidate.name, r.rank, r.review.average])).toEqual([
      ['Low auto', 1, 4.5],
      ['High auto', 2, 4],
      ['Mid', 3, 2],
    ]);
  });

  it('gives equal averages the same rank (ordered by name), and lists the unreviewed by name, not by automated score', () => {
    const ranked = rankByReviews([row('Cy', [rv('a', [4])]), row('Zed', [], 10), row('Al', [rv('b', [4])]), row('Bo', [], 90), row('Di', [rv('a', [3])])]);
    expect(ranked.map((r) => [r.candidate.name, r.rank])).toEqual([
      ['Al', 1],
      ['Cy', 1],
      ['Di', 3],
      ['Bo', null],
      ['Zed', null],
    ]);
  });
});

describe('automatedSummary: shown beside, Confidence left out', () => {
  it('is the weighted mean of the measured scores without Confidence', () => {
    const s = automatedSummary({ confidence: 100, clarity: 60, speechRate: 80, voiceTone: null, eyeContact: 40, bodyLanguage: 70 }, DEFAULT_WEIGHTS);
    expect(SUMMARY_METRICS).not.toContain('confidence');
    expect(s.terms.map((t) => t.metric)).toEqual(['clarity', 'speechRate', 'eyeContact', 'bodyLanguage']);
    expect(s.summary).toBe(62.5); // (60 + 80 + 40 + 70) / 4; confidence 100 is not counted
    expect(s.missing).toEqual(['voiceTone']);
  });

  it('follows the interview weights and has no summary when nothing was measured', () => {
    const w = { ...DEFAULT_WEIGHTS, clarity: 3, speechRate: 0 };
    expect(automatedSummary({ clarity: 80, speechRate: 0, voiceTone: 40 }, w)).toMatchObject({ summary: 70, weightSum: 4 }); // (240 + 40) / 4
    expect(automatedSummary({}, DEFAULT_WEIGHTS)).toMatchObject({ summary: null, terms: [], weightSum: 0 });
  });
});

describe('explanation and formula', () => {
  it('writes each row\u2019s arithmetic, with reviewer names hidden when blind', () => {
    const s = reviewSummary([rv('a', [5, 4]), rv('b', [3])]);
    expect(explainRank(s)).toBe('Reviewer score (4.50 (a@example.com, 2 ratings) + 3.00 (b@example.com, 1 rating)) / 2 = 3.75 of 5; spread 1.50');
    expect(explainRank(s, true)).not.toContain('@');
    expect(explainRank(reviewSummary([]))).toMatch(/^Not yet reviewed/);
    expect(RANKING_FORMULA).toMatch(/never enter it/);
  });

  it('colours rows by the reviewer score', () => {
    expect([null, 1, 2.99, 3, 3.99, 4, 5].map(reviewBand)).toEqual(['none', 'low', 'low', 'middle', 'middle', 'high', 'high']);
  });
});
