import { describe, expect, it } from 'vitest';
import { sessionSummarySchema } from '../../../contracts/sessions.js';
import { SCORE_NAMES, type ScoreName } from '../../../contracts/scores.js';
import { type Report, SCHEMA_VERSION } from '../../analysis/report.js';
import { practiseNext, type SummaryItem, summarizeSession } from './session-summary.js';

function report(o: { scores?: Partial<Record<ScoreName, number | null>>; wpm?: number | null; fillers?: number; longPauses?: number; pitchVariation?: number | null; durationSec?: number; hasVideo?: boolean }): Report {
  const durationSec = o.durationSec ?? 60;
  const scores = Object.fromEntries(SCORE_NAMES.map((n) => [n, { value: o.scores?.[n] === undefined ? 70 : o.scores[n], evidence: ['measured'], tip: 'tip' }])) as Report['scores'];
  return {
    schemaVersion: SCHEMA_VERSION,
    engine: 'local',
    question: 'q',
    input: { durationSec, hasAudio: true, hasVideo: o.hasVideo ?? true },
    transcript: null,
    speech: {
      speechDetected: true,
      wpm: o.wpm === undefined ? 130 : o.wpm,
      articulationWpm: null,
      syllableRateWpm: null,
      fillers: Array.from({ length: o.fillers ?? 2 }, (_, i) => ({ text: 'um', start: i, end: i + 0.3, kind: 'filled' as const })),
      pauses: [],
      longPauseCount: o.longPauses ?? 1,
      pitchMeanHz: 150,
      pitchVariation: o.pitchVariation === undefined ? 0.2 : o.pitchVariation,
      loudnessDbfs: -20,
    },
    visual: o.hasVideo === false ? null : { facePresentRatio: 1, facingCameraRatio: 0.8 },
    scores,
    keyPoints: [],
    warnings: [],
    timingsMs: {},
  };
}

const item = (position: number, r: Report | null, status: SummaryItem['status'] = 'done'): SummaryItem => ({ position, questionText: `Question ${position}`, answerId: r || status ? `a${position}` : null, status, report: r });

describe('summarizeSession', () => {
  it('is null until an answer is analysed', () => {
    expect(summarizeSession([item(1, null, 'processing'), item(2, null, null)])).toBeNull();
  });

  it('follows each measure across the answers and judges the direction against its band', () => {
    const s = summarizeSession([item(1, report({ wpm: 190, fillers: 9, scores: { clarity: 50 } })), item(2, report({ wpm: 170, fillers: 6, scores: { clarity: 60 } })), item(3, report({ wpm: 150, fillers: 2, scores: { clarity: 75 } }))])!;
    expect(sessionSummarySchema.parse(s)).toEqual(s);
    const pace = s.measures.find((m) => m.key === 'speech.wpm')!;
    expect(pace.points.map((p) => p.value)).toEqual([190, 170, 150]);
    expect(pace.direction).toBe('improved'); // 25 wpm above the band -> inside it
    expect(pace.band).toMatchObject({ low: 100, high: 165 });
    expect(pace.evidence).toBe('190 wpm in question 1, 150 wpm in question 3 (3 answers measured, mean 170 wpm); reference 100-165 words per minute.');
    const fillers = s.measures.find((m) => m.key === 'speech.fillersPerMin')!;
    expect(fillers.points.map((p) => p.value)).toEqual([9, 6, 2]); // per minute of a 60 s answer
    expect(fillers.direction).toBe('improved');
    expect(s.measures.find((m) => m.key === 'score.clarity')!.direction).toBe('improved');
    expect(s.measures.find((m) => m.key === 'score.voiceTone')!.direction).toBe('steady');
  });

  it('counts a pace that crosses the band from slow to fast as no better when it ends just as far outside', () => {
    const s = summarizeSession([item(1, report({ wpm: 80 })), item(2, report({ wpm: 185 }))])!;
    expect(s.measures.find((m) => m.key === 'speech.wpm')!.direction).toBe('steady'); // 20 below -> 20 above
  });

  it('names the strongest and weakest answer by the mean of their measured scores, with the figures', () => {
    const s = summarizeSession([
      item(1, report({ scores: { confidence: 60, clarity: 60, speechRate: 60, voiceTone: 60, eyeContact: 60, bodyLanguage: 60 } })),
      item(2, report({ scores: { confidence: 90, clarity: 80, speechRate: 85, voiceTone: 70, eyeContact: 75, bodyLanguage: 80 } })),
      item(3, report({ scores: { confidence: 40, clarity: 50, speechRate: 45, voiceTone: 55, eyeContact: 30, bodyLanguage: 50 } })),
    ])!;
    expect(s.strongest).toMatchObject({ position: 2, answerId: 'a2', meanScore: 80, scoresUsed: 6 });
    expect(s.weakest).toMatchObject({ position: 3, meanScore: 45 });
    expect(s.strongest!.evidence).toBe('Mean of 6 measured scores: Confidence (observable cues) 90, Clarity 80, Speech rate 85, Voice tone 70, Eye contact 75, Body language 80.');
  });

  it('never counts an unmeasured score as zero: audio-only answers are compared on the scores all answers have', () => {
    const withVideo = report({ scores: { confidence: 70, clarity: 70, speechRate: 70, voiceTone: 70, eyeContact: 20, bodyLanguage: 20 } });
    const audioOnly = report({ hasVideo: false, scores: { confidence: 72, clarity: 72, speechRate: 72, voiceTone: 72, eyeContact: null, bodyLanguage: null } });
    const s = summarizeSession([item(1, withVideo), item(2, audioOnly)])!;
    expect(s.strongest).toMatchObject({ position: 2, scoresUsed: 4, meanScore: 72 });
    expect(s.weakest).toMatchObject({ position: 1, scoresUsed: 4, meanScore: 70 });
    expect(s.notes.join(' ')).toMatch(/not measured in 1 audio-only answer.*question 2.*not counted against you/);
    const eye = s.measures.find((m) => m.key === 'score.eyeContact')!;
    expect(eye.points).toEqual([
      { position: 1, value: 20 },
      { position: 2, value: null },
    ]);
    expect(eye.direction).toBeNull();
  });

  it('leaves out failed and pending answers and says so; a single analysed answer has no weakest', () => {
    const s = summarizeSession([item(1, report({})), item(2, null, 'failed'), item(3, null, 'processing')])!;
    expect(s).toMatchObject({ total: 3, analysed: 1 });
    expect(s.strongest?.position).toBe(1);
    expect(s.weakest).toBeNull();
    expect(s.notes).toEqual(['Left out: the analysis of question 2 failed.', 'Still being analysed: question 3; this summary will update.']);
    expect(s.measures.every((m) => m.direction === null)).toBe(true);
  });
});

describe('practiseNext', () => {
  it('puts measures outside their band or low first, with the figures, and at most three', () => {
    const s = summarizeSession([
      item(1, report({ wpm: 200, fillers: 12, pitchVariation: 0.06, scores: { eyeContact: 30, clarity: 80 } })),
      item(2, report({ wpm: 205, fillers: 10, pitchVariation: 0.07, scores: { eyeContact: 35, clarity: 60 } })),
    ])!;
    expect(s.practiseNext.length).toBe(3);
    const keys = s.practiseNext.map((p) => p.key);
    expect(keys).toContain('speech.fillersPerMin');
    const fillers = s.practiseNext.find((p) => p.key === 'speech.fillersPerMin')!;
    expect(fillers.reason).toBe('Filler words averaged 11 per minute, outside the reference band: at most 5 per minute (usual range for fluent speakers).');
    expect(fillers.tip.length).toBeGreaterThan(10);
    expect(keys).not.toContain('score.voiceTone');
  });

  it('names one cue once: a low voice tone score and a monotone pitch variation give one entry, the more serious', () => {
    const s = summarizeSession([item(1, report({ pitchVariation: 0.06, scores: { voiceTone: 40 } })), item(2, report({ pitchVariation: 0.07, scores: { voiceTone: 45 } }))])!;
    const keys = s.practiseNext.map((p) => p.key);
    expect(keys.filter((k) => k === 'score.voiceTone' || k === 'speech.pitchVariation')).toHaveLength(1);
    expect(s.measures.find((m) => m.key === 'speech.wpm')!.points.map((p) => p.value)).toEqual([130, 130]);
  });

  it('keeps whole words per minute and two decimals of pitch variation in the points', () => {
    const s = summarizeSession([item(1, report({ wpm: 185.64, pitchVariation: 0.1234 }))])!;
    expect(s.measures.find((m) => m.key === 'speech.wpm')!.points[0]!.value).toBe(186);
    expect(s.measures.find((m) => m.key === 'speech.pitchVariation')!.points[0]!.value).toBe(0.12);
  });

  it('names a measure that got worse during the session', () => {
    const s = summarizeSession([item(1, report({ scores: { eyeContact: 90 } })), item(2, report({ scores: { eyeContact: 70 } }))])!;
    const eye = s.practiseNext.find((p) => p.key === 'score.eyeContact');
    expect(eye?.reason).toBe('Eye contact went from 90/100 in question 1 to 70/100 in question 2.');
  });

  it('when nothing is off, names the lowest score as the next step and says nothing was outside its band', () => {
    const s = summarizeSession([item(1, report({ scores: { clarity: 66 } })), item(2, report({ scores: { clarity: 66 } }))])!;
    expect(s.practiseNext).toEqual([{ key: 'score.clarity', label: 'Clarity', reason: 'No measure was outside its reference band. Your lowest score was Clarity at 66/100 on average.', tip: expect.any(String) }]);
    expect(practiseNext([])).toEqual([]);
  });
});
