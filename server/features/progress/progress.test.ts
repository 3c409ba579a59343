import { describe, expect, it } from 'vitest';
import type { Report } from '../../../contracts/report.js';
import { SCORE_NAMES } from '../../../contracts/scores.js';
import { computeProgress, type ProgressInput } from './progress.js';
import { matchSnippet, searchTerms } from './progress.service.js';

/** A report whose figures are given; words spread over `minutes` so fillers per minute is exact. */
function report(f: { wpm: number | null; fillers: number; minutes: number; longPauses: number; pitch: number | null; facing: number | null; score: number | null }): Report {
  const words = [
    { text: 'first', start: 0, end: 0.5 },
    { text: 'last', start: f.minutes * 60 - 0.5, end: f.minutes * 60 },
  ];
  return {
    schemaVersion: 1,
    engine: 'test',
    question: 'Q',
    input: { durationSec: f.minutes * 60, hasAudio: true, hasVideo: true },
    transcript: { text: 'first last', words, recognizer: 'test' },
    speech: {
      speechDetected: true,
      wpm: f.wpm,
      articulationWpm: null,
      syllableRateWpm: null,
      fillers: Array.from({ length: f.fillers }, (_, i) => ({ text: 'um', start: i, end: i + 0.2, kind: 'filled' as const })),
      pauses: [],
      longPauseCount: f.longPauses,
      pitchMeanHz: 120,
      pitchVariation: f.pitch,
      loudnessDbfs: -20,
    },
    visual: { facePresentRatio: 1, facingCameraRatio: f.facing },
    scores: Object.fromEntries(SCORE_NAMES.map((n) => [n, { value: f.score, evidence: [] as string[], tip: '' }])) as unknown as Report['scores'],
    keyPoints: [],
    warnings: [],
    timingsMs: {},
  };
}

const input = (id: string, day: number, r: Report, questionId = 'q1', category = 'general'): ProgressInput => ({ id, createdAt: `2026-01-0${day}T10:00:00.000Z`, questionId, questionText: `text of ${questionId}`, category, report: r });

describe('computeProgress', () => {
  const rows = [
    input('c', 3, report({ wpm: 150, fillers: 2, minutes: 1, longPauses: 1, pitch: 0.15, facing: 0.8, score: 70 }), 'q2', 'behavioral'),
    input('a', 1, report({ wpm: 190, fillers: 8, minutes: 1, longPauses: 4, pitch: 0.08, facing: 0.4, score: 50 })),
    input('b', 2, report({ wpm: null, fillers: 6, minutes: 2, longPauses: 2, pitch: 0.1, facing: null, score: null })),
  ];
  const p = computeProgress(rows);
  const m = (id: string) => p.measures.find((x) => x.id === id)!;

  it('orders the series oldest first and leaves unmeasured answers out, counting them', () => {
    expect(p.answers).toBe(3);
    expect(m('wpm').points.map((x) => x.answerId)).toEqual(['a', 'c']);
    expect(m('wpm').unmeasured).toBe(1);
    expect(m('eyeContact').points.map((x) => x.value)).toEqual([40, 80]);
  });

  it('fillers per minute use the span from the first to the last word', () => {
    expect(m('fillersPerMin').points.map((x) => x.value)).toEqual([8, 3, 2]);
  });

  it('first, last and best follow the direction of each measure (the band for pace and pitch)', () => {
    expect([m('wpm').first, m('wpm').last, m('wpm').best]).toEqual([190, 150, 150]);
    expect([m('fillersPerMin').first, m('fillersPerMin').last, m('fillersPerMin').best]).toEqual([8, 2, 2]);
    expect(m('longPauses').best).toBe(1);
    expect(m('pitchVariation').best).toBe(0.15);
    expect(m('score.clarity').best).toBe(70);
  });

  it('groups per question and per category', () => {
    expect(m('wpm').byQuestion).toEqual([
      { questionId: 'q1', questionText: 'text of q1', n: 1, mean: 190, last: 190 },
      { questionId: 'q2', questionText: 'text of q2', n: 1, mean: 150, last: 150 },
    ]);
    expect(m('fillersPerMin').byCategory).toEqual([
      { category: 'general', n: 2, mean: 5.5, last: 3 },
      { category: 'behavioral', n: 1, mean: 2, last: 2 },
    ]);
  });

  it('notes what improved with the figures and the reference band', () => {
    const wpm = p.improved.find((n) => n.measureId === 'wpm')!;
    expect(wpm.text).toBe('Pace: from 190 wpm in your first analysed answer to 150 wpm in your last (reference: 100-165 wpm; Microsoft Speaker Coach pace guidance).');
    expect(p.improved.map((n) => n.measureId)).toEqual(expect.arrayContaining(['fillersPerMin', 'longPauses', 'pitchVariation', 'eyeContact', 'score.confidence']));
    expect(p.next).toEqual([]);
  });

  it('says what to work on next: outside the band in the last answer, worse than at first, or a low last score', () => {
    const worse = computeProgress([
      input('a', 1, report({ wpm: 140, fillers: 1, minutes: 1, longPauses: 0, pitch: 0.2, facing: 0.9, score: 80 })),
      input('b', 2, report({ wpm: 180, fillers: 9, minutes: 1, longPauses: 0, pitch: 0.05, facing: 0.5, score: 40 })),
    ]);
    const ids = worse.next.map((n) => n.measureId);
    expect(ids).toEqual(expect.arrayContaining(['wpm', 'fillersPerMin', 'pitchVariation', 'eyeContact']));
    expect(worse.next.find((n) => n.measureId === 'fillersPerMin')!.text).toContain('at most 5/min');
    expect(worse.improved).toEqual([]);
    const one = computeProgress([input('a', 1, report({ wpm: 200, fillers: 0, minutes: 1, longPauses: 0, pitch: 0.2, facing: 0.9, score: 30 }))]);
    expect(one.next.map((n) => n.measureId)).toEqual(['wpm', 'score.confidence']);
    expect(one.next[0]!.text).toBe('Pace in your last analysed answer was 200 wpm, above the reference band (reference: 100-165 wpm; Microsoft Speaker Coach pace guidance).');
  });

  it('nothing analysed: no points, no notes', () => {
    const none = computeProgress([]);
    expect(none.answers).toBe(0);
    expect(none.measures.every((x) => x.points.length === 0 && x.first === null)).toBe(true);
    expect([none.improved, none.next]).toEqual([[], []]);
  });
});

describe('transcript search', () => {
  it('needs every word, any case, and returns a snippet around the first', () => {
    expect(searchTerms('  Team, LEAD! ')).toEqual(['team', 'lead']);
    expect(matchSnippet('I led the team through a hard release', ['team', 'release'])).toBe('I led the team through a hard release');
    expect(matchSnippet('I led the team', ['team', 'budget'])).toBeNull();
    const long = `${'a '.repeat(100)}needle${' b'.repeat(100)}`;
    const s = matchSnippet(long, ['needle'])!;
    expect(s.startsWith('…') && s.endsWith('…') && s.includes('needle')).toBe(true);
  });
});
