import { describe, expect, it } from 'vitest';
import type { Report } from '../report.js';
import { formatPitchSummaries, pitchEval, pitchProgress, pitchTruth, summarisePitch, summarisePitchAll } from './pitch.js';
import { parseTruth, rowFromReport } from './row.js';

const rel = (level: 'good' | 'low', voicedRatio: number, trackerAgreement: number | null) => ({ level, reasons: level === 'low' ? ['why'] : [], voicedRatio, trackerAgreement, voicedFrames: 100, comparedFrames: 40 });
const report = (speech: Record<string, unknown> | null): Report =>
  ({
    speech: speech && { speechDetected: true, wpm: 150, articulationWpm: null, syllableRateWpm: null, fillers: [], pauses: [], longPauseCount: 0, pitchMeanHz: null, pitchVariation: null, loudnessDbfs: null, ...speech },
    transcript: null,
    input: { durationSec: 10, hasAudio: true, hasVideo: false },
    visual: null,
    scores: { speechRate: { value: null, evidence: [], tip: '' } },
  }) as unknown as Report;

describe('voice-tone figures in the eval', () => {
  it('reads the truth pitch leniently and compares the shown pitch with it', () => {
    expect(pitchTruth({ pitchMeanHz: 102.5 })).toBe(102.5);
    expect(pitchTruth({ pitchMeanHz: null })).toBeNull();
    expect(pitchTruth({})).toBeNull();
    const e = pitchEval(100, report({ pitchMeanHz: 103, pitchVariation: 0.12, pitchReliability: rel('good', 0.6, 0.98) }));
    expect(e.error).toBeCloseTo(0.03);
    expect(e).toMatchObject({ level: 'good', voicedRatio: 0.6, trackerAgreement: 0.98, pitchVariation: 0.12 });
    // no truth (a real recording): internal evidence only
    expect(pitchEval(null, report({ pitchMeanHz: 180, pitchReliability: rel('good', 0.5, 0.9) })).error).toBeNull();
    expect(pitchEval(null, report(null)).level).toBeNull();
    expect(pitchProgress(e)).toBe('pitch 103 Hz vs 100 (+3.0%), voiced 60%, agree 98%');
    expect(pitchProgress(pitchEval(null, report({ pitchReliability: rel('low', 0.05, null) })))).toBe('pitch withheld, voiced 5%, agree -');
    expect(pitchProgress(null)).toBeNull();
  });

  it('a row carries the pitch figures from the truth file and the report', () => {
    const truth = parseTruth({ durationSec: 10, text: 'hello', pitchMeanHz: 100, expect: 'ok' });
    const row = rowFromReport(truth, report({ pitchMeanHz: 110, pitchReliability: rel('good', 0.7, 1) }), { file: 'a.webm', set: 'media', wallSec: 1 });
    expect(row.pitch?.truthHz).toBe(100);
    expect(row.pitch?.error).toBeCloseTo(0.1);
  });

  it('summarises: a truth clip without a shown pitch is a miss; voiced ratio and agreement medians over clips with speech', () => {
    const rows = [
      pitchEval(100, report({ pitchMeanHz: 101, pitchReliability: rel('good', 0.7, 1) })),
      pitchEval(100, report({ pitchMeanHz: 120, pitchReliability: rel('good', 0.6, 0.9) })),
      pitchEval(100, report({ pitchMeanHz: null, pitchReliability: rel('low', 0.05, null) })),
      pitchEval(null, report(null)),
      null,
    ];
    const s = summarisePitch('x', rows);
    expect(s).toMatchObject({ clips: 3, reliable: 2, truthClips: 3, within5: 1, voicedRatioMedian: 0.6, voicedRatioMin: 0.05, agreementMedian: 0.95, agreementMin: 0.9 });
    expect(s.medianAbsError).toBeCloseTo(0.2);
    const table = formatPitchSummaries([s]);
    expect(table).toMatch(/^Voice tone \(pitch\)\ngroup\s+clips w\/ speech/);
    expect(table).toContain('2/3');
    const all = summarisePitchAll([
      { set: 'real', kind: 'read', pitch: rows[0] },
      { set: 'real', kind: 'speech', pitch: rows[2] },
    ]);
    expect(all.map((g) => g.group)).toEqual(['real', 'real/read', 'real/speech']);
  });
});
