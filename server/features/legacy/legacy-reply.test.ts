import { describe, expect, it } from 'vitest';
import { legacyUploadReply } from '../../../contracts/legacy.js';
import { type Report, SCHEMA_VERSION, unmeasured } from '../../analysis/report.js';
import { legacyReply, tenPointScore } from './legacy-reply.js';

describe('tenPointScore (0-100 -> the demo\'s 1-10)', () => {
  it('takes a tenth, rounded half up, never below 1 nor above 10', () => {
    const cases: Array<[number, number]> = [
      [0, 1], [4, 1], [14, 1], [14.9, 1], [15, 2], [24, 2], [25, 3], [49, 5], [50, 5], [54.9, 5], [55, 6],
      [72, 7], [85, 9], [94, 9], [95, 10], [100, 10],
    ];
    for (const [score, expected] of cases) expect([score, tenPointScore(score)]).toEqual([score, expected]);
  });

  it('gives "n/a" for an unmeasured score, never 0', () => {
    expect(tenPointScore(null)).toBe('n/a');
    expect(tenPointScore(Number.NaN)).toBe('n/a');
  });

  it('is monotonic over the whole 0-100 range and uses every step 1..10', () => {
    const seen: number[] = [];
    for (let v = 0; v <= 100; v += 0.5) seen.push(tenPointScore(v) as number);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
    expect([...new Set(seen)]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe('legacyReply', () => {
  const score = (value: number | null) => (value === null ? unmeasured('No face was found in the video.', 'Face the camera.') : { value, evidence: [`measured ${value}`], tip: 'tip' });
  const report: Report = {
    schemaVersion: SCHEMA_VERSION,
    engine: 'local',
    question: 'Tell me about yourself.',
    input: { durationSec: 30, hasAudio: true, hasVideo: true },
    transcript: null,
    speech: null,
    visual: null,
    scores: { confidence: score(72), clarity: score(55), speechRate: score(100), voiceTone: score(0), eyeContact: score(null), bodyLanguage: score(31) },
    keyPoints: ['0:01 I led the migration', '0:12 we cut the costs by half'],
    warnings: ['No face was found in the video.'],
    timingsMs: {},
  };

  it('puts the six demo fields, imp_points, id and the whole report at the top level', () => {
    const body = legacyReply('a-1', report);
    expect(body).toEqual({
      confidence: 7,
      clarity: 6,
      speech_rate: 10,
      voice_tone: 1,
      eye_contact: 'n/a',
      body_language: 3,
      imp_points: ['0:01 I led the migration', '0:12 we cut the costs by half'],
      id: 'a-1',
      report,
    });
    expect(legacyUploadReply.parse(body)).toEqual(body);
    // The reason for "n/a" stays in the report.
    expect(body.report.scores.eyeContact.evidence).toEqual(['No face was found in the video.']);
  });
});
