import { describe, expect, it } from 'vitest';
import { SCORE_NAMES } from '../../../contracts/scores.js';
import { analyzeContent } from '../content/index.js';
import { type Report, reportSchema, type Score, type Word } from '../report.js';
import { addCoaching, buildSummary } from './index.js';

function spoken(sents: string[], start = 1, wps = 2.5): Word[] {
  const out: Word[] = [];
  let t = start;
  for (const s of sents) {
    for (const text of s.split(/\s+/)) {
      out.push({ text, start: +t.toFixed(2), end: +(t + 0.3).toFixed(2) });
      t += 1 / wps;
    }
    t += 0.8;
  }
  return out;
}

const STORY = [
  'last year i was working at a small logistics company in leeds',
  'our team was late on a warehouse migration project for a big client',
  'my task was to get the delivery back on schedule within six weeks',
  'i decided to split the work into weekly milestones with the client',
  'then i set up a short daily call so blockers came out early',
  'as a result we delivered the migration two weeks ahead of schedule',
  'i learned that small visible milestones keep everyone honest about progress',
];

const score = (value: number | null, first = 'measured line'): Score => ({ value, evidence: [first], tip: `tip for ${first}` });

function report(words: Word[], scores: Partial<Record<(typeof SCORE_NAMES)[number], Score>> = {}): Report {
  return {
    schemaVersion: 1,
    engine: 'local',
    question: 'Tell me about a migration project that was late.',
    input: { durationSec: 40, hasAudio: true, hasVideo: true },
    transcript: { text: words.map((w) => w.text).join(' '), words, recognizer: 'test' },
    speech: { speechDetected: true, wpm: 190, articulationWpm: 200, syllableRateWpm: 185, fillers: [{ text: 'um', start: 7.5, end: 7.8, kind: 'filled' }], pauses: [], longPauseCount: 0, pitchMeanHz: 120, pitchVariation: 0.2, loudnessDbfs: -20 },
    visual: { facePresentRatio: 1, facingCameraRatio: 0.95 },
    scores: Object.fromEntries(SCORE_NAMES.map((n) => [n, scores[n] ?? score(null, `${n} not measured`)])) as Report['scores'],
    keyPoints: [],
    warnings: [],
    timingsMs: {},
  };
}

describe('buildSummary', () => {
  it('names strengths and things to work on, each with its figure, evidence, moment and tip', () => {
    const words = spoken(STORY);
    const r = report(words, { speechRate: score(40, 'Pace 190 wpm (band 100-165)'), eyeContact: score(95, 'Facing the camera 95% of the time'), clarity: score(70) });
    const s = buildSummary(r, analyzeContent(r, { questionType: 'behavioural' }));
    expect(s.strengths.map((x) => x.measurement)).toEqual(['content.structure', 'content.relevance', 'scores.eyeContact']);
    expect(s.strengths[0]).toMatchObject({ title: 'Clear STAR story', time: words.find((w) => w.text === 'as')!.start });
    expect(s.strengths[2]).toMatchObject({ value: 'Eye contact: 95/100', evidence: 'Facing the camera 95% of the time', tip: 'tip for Facing the camera 95% of the time' });
    expect(s.improvements.map((x) => x.measurement)).toEqual(['content.length', 'scores.speechRate']);
    const pace = s.improvements[1]!;
    expect(pace).toMatchObject({ title: 'Speaking too fast', value: 'Speech rate: 40/100', evidence: 'Pace 190 wpm (band 100-165)' });
    expect(pace.time).toBe(words[0]!.start); // densest 10 s window (evenly spoken: the first)
    expect(s.improvements[0]!.title).toBe('Answer is short'); // 32 s of a 60 s minimum: further off than the pace
    expect(s.note).toBeNull();
    // a score in between (clarity 70) is neither
    expect([...s.strengths, ...s.improvements].some((x) => x.measurement === 'scores.clarity')).toBe(false);
  });

  it('says nothing about content on an unreliable transcript, and says why', () => {
    const r = report(spoken(['hello there']), { speechRate: score(100, 'Pace 130 wpm') });
    const s = buildSummary(r, analyzeContent(r));
    expect(s.strengths.map((x) => x.measurement)).toEqual(['scores.speechRate']);
    expect(s.improvements).toEqual([]);
    expect(s.note).toMatch(/Nothing is said about the content of the answer: Only 2 words/);
  });

  it('points long pauses and filler words at the moment they happen', () => {
    const words = spoken(STORY);
    const r = report(words, { clarity: score(30, '9 fillers per minute') });
    r.speech!.pauses = [{ start: 5, end: 7 }, { start: 12, end: 14.5 }];
    const s = buildSummary(r, analyzeContent(r));
    const pauses = s.improvements.find((x) => x.measurement === 'speech.pauses')!;
    expect(pauses.time).toBe(12);
    expect(pauses.evidence).toBe('Longest: 2.5 s at 12.0 s.');
    expect(s.improvements.find((x) => x.measurement === 'scores.clarity')!.time).toBe(7.5);
  });

  it('names no long-pause rate on an answer too short to judge', () => {
    // mfa_uhuh.wav: 2.9 s of speech with one 1.5 s pause would read as "11.7 per minute"
    const r = report(spoken(['montreal uh uh forced aligner']));
    r.speech!.pauses = [{ start: 1.7, end: 3.2 }];
    r.warnings = ['too short to judge: 2.9 s of speech (at least 15 s are needed for a fair score); the measurements are shown, no score is given'];
    const s = buildSummary(r, analyzeContent(r));
    expect(s.improvements).toEqual([]);
    expect(s.strengths).toEqual([]);
  });

  it("keeps a cloud model's rating labelled as such", () => {
    const r = report(spoken(STORY), { eyeContact: { value: 90, evidence: ['Pegasus: looks at the camera', 'The value 90/100 is the Pegasus model\'s rating from watching the video, not a measurement.'], tip: 't' } });
    const s = buildSummary(r, analyzeContent(r));
    expect(s.strengths.find((x) => x.measurement === 'scores.eyeContact')!.value).toBe('Eye contact: 90/100 (a model rating, not a measurement)');
  });

  it('is empty with a note when nothing was measured', () => {
    const r = report([]);
    r.transcript = null;
    const s = buildSummary(r, analyzeContent(r));
    expect(s).toEqual({ strengths: [], improvements: [], note: expect.stringMatching(/No transcript.*Not enough was measured/) });
  });
});

describe('Report schema with content and summary', () => {
  const full = () => addCoaching(report(spoken(STORY), { speechRate: score(40), eyeContact: score(95) }), { questionType: 'behavioural', jobDescription: 'Logistics coordinator, logistics planning' });

  it('accepts a report with both sections, and an older report without them', () => {
    const r = full();
    const parsed = reportSchema.parse(JSON.parse(JSON.stringify(r)));
    expect(parsed.content?.structure?.present).toHaveLength(4);
    expect(parsed.content?.relevance?.job?.used).toEqual(['logistics']);
    expect(parsed.summary?.strengths.length).toBeGreaterThanOrEqual(2);
    const { content: _c, summary: _s, ...old } = r;
    expect(reportSchema.safeParse(old).success).toBe(true);
  });

  it.each([
    ['a fourth strength', (r: Report) => r.summary!.strengths.push(...r.summary!.strengths, ...r.summary!.strengths), 'summary.strengths'],
    ['an item without evidence', (r: Report) => delete (r.summary!.improvements[0] as Partial<Record<string, unknown>>).evidence, 'summary.improvements.0.evidence'],
    ['an unknown STAR part', (r: Report) => ((r.content!.structure!.spans[0] as { part: string }).part = 'intro'), 'content.structure.spans.0.part'],
    ['an unknown question type', (r: Report) => ((r.content as { questionType: string }).questionType = 'riddle'), 'content.questionType'],
    ['a coverage above 1', (r: Report) => (r.content!.relevance!.question.coverage = 1.5), 'content.relevance.question.coverage'],
  ])('rejects %s', (_name, spoil, path) => {
    const r = full();
    spoil(r);
    const res = reportSchema.safeParse(r);
    expect(res.success).toBe(false);
    expect(res.error?.issues[0]?.path.join('.')).toBe(path);
  });
});
