import { describe, expect, it } from 'vitest';
import { matchFillers, matchPauses, paceError, precisionRecall } from './match.js';
import { parseTruth, rowFromReport } from './row.js';
import { formatSummaries, median, summarise, type EvalRow } from './summary.js';
import { normaliseWords, werIgnoringFillers } from './text.js';
import type { Report } from '../report.js';

describe('WER normalisation', () => {
  it('lower-cases, drops punctuation and fillers, unifies spellings', () => {
    expect(normaliseWords('Uh, so Mr. Smith -- y\'know -- said "OK", um, alright?')).toEqual(['so', 'mister', 'smith', 'you', 'know', 'said', 'okay', 'all', 'right']);
    expect(normaliseWords('um I uh', true)).toEqual(['um', 'i', 'uh']);
    expect(normaliseWords("It's the dog's   bone.")).toEqual(["it's", "the", "dog's", 'bone']);
  });
  it('ignores fillers on both sides and counts errors on the rest', () => {
    expect(werIgnoringFillers('Um, I think so.', 'i think so uh')).toEqual({ wer: 0, errors: 0, refWords: 3 });
    const r = werIgnoringFillers('the cat sat on the mat', 'the cat sat on a hat today');
    expect(r.refWords).toBe(6);
    expect(r.errors).toBe(3); // two substitutions, one insertion
    expect(r.wer).toBeCloseTo(0.5);
    expect(werIgnoringFillers('', '')).toEqual({ wer: 0, errors: 0, refWords: 0 });
  });
});

describe('matching fillers and pauses', () => {
  const F = (start: number, end: number) => ({ start, end });
  it('count-matches fillers when the truth has no times', () => {
    expect(matchFillers(['um', 'uh', 'uh'], [F(1, 1.2)])).toEqual({ tp: 1, fp: 0, fn: 2 });
    expect(matchFillers([], [F(1, 1.2), F(3, 3.3)])).toEqual({ tp: 0, fp: 2, fn: 0 });
  });
  it('time-matches fillers when the truth has times, one to one, with a 0.3 s tolerance', () => {
    const truth = [{ text: 'um', start: 1, end: 1.4 }, { text: 'uh', start: 5, end: 5.3 }];
    // one near the first, one 0.2 s after the second ends, one far away
    expect(matchFillers(truth, [F(1.1, 1.3), F(5.5, 5.7), F(9, 9.2)])).toEqual({ tp: 2, fp: 1, fn: 0 });
    // two found on the same truth filler: only one counts
    expect(matchFillers(truth, [F(1.0, 1.1), F(1.2, 1.3)])).toEqual({ tp: 1, fp: 1, fn: 1 });
  });
  it('matches pauses by overlap', () => {
    expect(matchPauses([F(5.7, 6.9), F(18.2, 20.2)], [F(5.8, 7.0), F(12, 12.6)])).toEqual({ tp: 1, fp: 1, fn: 1 });
  });
  it('computes precision/recall and pace error, null when undefined', () => {
    expect(precisionRecall({ tp: 3, fp: 1, fn: 3 })).toEqual({ precision: 0.75, recall: 0.5 });
    expect(precisionRecall({ tp: 0, fp: 0, fn: 0 })).toEqual({ precision: null, recall: null });
    expect(paceError(110, 100)).toBeCloseTo(0.1);
    expect(paceError(null, 100)).toBeNull();
    expect(paceError(100, null)).toBeNull();
  });
});

const report = (over: Partial<Report['speech']> & { text?: string }): Report =>
  ({
    schemaVersion: 1,
    engine: 'local',
    question: 'q',
    input: { durationSec: 10, hasAudio: true, hasVideo: false },
    transcript: { text: over.text ?? 'hello there world', words: [], recognizer: 'x' },
    speech: { speechDetected: true, wpm: 150, articulationWpm: null, syllableRateWpm: null, fillers: [], pauses: [], longPauseCount: 0, pitchMeanHz: null, pitchVariation: null, loudnessDbfs: null, ...over },
    visual: null,
    scores: { speechRate: { value: null, evidence: [], tip: '' } } as unknown as Report['scores'],
    keyPoints: [],
    warnings: [],
    timingsMs: {},
  }) as unknown as Report;

describe('eval rows and summaries', () => {
  const truth = parseTruth({ durationSec: 10, text: 'um hello there world', fillerWords: ['um'], wpm: 120, kind: 'spontaneous', pauses: null, expect: 'ok' });
  it('reads a truth file leniently', () => {
    expect(truth.facePresent).toBeNull();
    expect(truth.kind).toBe('spontaneous');
    expect(() => parseTruth(3)).toThrow(/not a JSON object/);
  });
  it('builds a row from a report: WER without fillers, pace error of the shown pace, filled pauses only', () => {
    const r = rowFromReport(truth, report({ fillers: [{ text: 'like', start: 1, end: 1.2, kind: 'marker' }, { text: 'uh', start: 2, end: 2.3, kind: 'filled' }] }), { file: 'a.wav', set: 'real', wallSec: 2.5 });
    expect(r.wer).toBe(0);
    expect(r.paceError).toBeCloseTo(0.25);
    expect(r.fillers).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(r.rtf).toBe(0.25);
    expect(r.pauses).toBeNull();
  });
  it('summarises pace within 15 % only over clips of 5 s or more, pools filler tallies', () => {
    const base = rowFromReport(truth, report({}), { file: 'a.wav', set: 'real', wallSec: 1 });
    const rows: EvalRow[] = [
      { ...base, paceError: 0.1, fillers: { tp: 1, fp: 0, fn: 1 } },
      { ...base, paceError: -0.3, fillers: { tp: 0, fp: 1, fn: 0 } },
      { ...base, paceError: 0.9, durationSec: 4 },
      { ...base, paceError: null, paceShown: null, fillers: { tp: 2, fp: 0, fn: 0 } },
    ];
    const s = summarise('real', rows);
    expect(s.paceClips).toBe(3);
    expect(s.paceWithin15).toBe(1);
    expect(s.paceMedianAbsError).toBeCloseTo(0.3); // a missing pace counts as an infinite error
    expect(s.fillerTally).toEqual({ tp: 3, fp: 1, fn: 2 }); // the third row keeps base's missed um
    expect(s.fillerPrecision).toBe(0.75);
    expect(formatSummaries([s])).toMatch(/^group\s+files/);
    expect(median([3, 1, 2, 10])).toBe(2.5);
  });
});
