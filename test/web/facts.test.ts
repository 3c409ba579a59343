import { describe, expect, it } from 'vitest';
import type { Report } from '../../contracts/report.js';
import { speechFacts } from '../../web/src/lib/facts.js';

/** Only the fields the Measurements panel reads; the rest of a report does not matter here. */
function report(speech: Record<string, unknown>, reliability?: { level: 'good' | 'fair' | 'low'; reasons: string[] }): Report {
  return {
    speech: { speechDetected: true, wpm: 131.4, fillers: [{ word: 'uh' }], longPauseCount: 1, loudnessDbfs: -23.46, ...speech },
    transcript: { text: '', words: [], recognizer: 'pocketsphinx', reliability },
    visual: { facePresentRatio: 0.964, facingCameraRatio: null },
  } as unknown as Report;
}
const value = (r: Report, label: string) => speechFacts(r).find((f) => f.label === label);

describe('speechFacts (the report page Measurements panel)', () => {
  it('shows measured figures with their units', () => {
    const r = report({ pitchMeanHz: 104.2, pitchVariation: 0.113, pitchReliability: { level: 'good', reasons: [], voicedRatio: 0.7, trackerAgreement: 1, voicedFrames: 900, comparedFrames: 400 } });
    expect(value(r, 'Pace')).toEqual({ label: 'Pace', value: '131.4 wpm' });
    expect(value(r, 'Average pitch')?.value).toBe('104 Hz');
    expect(value(r, 'Pitch variation')?.value).toBe('0.11');
    expect(value(r, 'Loudness')?.value).toBe('-23.5 dBFS');
    expect(value(r, 'Face visible')?.value).toBe('96%');
    expect(value(r, 'Facing the camera')?.value).toBe('not measured');
    expect(value(r, 'Average pitch')?.note).toBeUndefined();
  });

  it('says a withheld pitch is withheld and why, not a bare "not measured"', () => {
    const reason = 'pitch was found in only 4 % of the speech (under 20 %)';
    const r = report({
      pitchMeanHz: null,
      pitchVariation: null,
      pitchReliability: { level: 'low', reasons: [reason], voicedRatio: 0.04, trackerAgreement: null, voicedFrames: 30, comparedFrames: 3 },
    });
    for (const label of ['Average pitch', 'Pitch variation']) {
      expect(value(r, label)?.value).toBe('withheld');
      expect(value(r, label)?.note).toBe(`withheld: ${reason}`);
    }
  });

  it('gives the reasons of a low-reliability transcript', () => {
    const r = report({}, { level: 'low', reasons: ['mean word confidence 0.16'] });
    expect(value(r, 'Transcript reliability')).toEqual({ label: 'Transcript reliability', value: 'low', note: 'mean word confidence 0.16' });
    expect(value(report({}, { level: 'good', reasons: [] }), 'Transcript reliability')?.note).toBeUndefined();
  });

  it('without a pitch reliability (older reports, other engines) a missing pitch is "not measured"', () => {
    const r = report({ pitchMeanHz: null, pitchVariation: null });
    expect(value(r, 'Average pitch')).toEqual({ label: 'Average pitch', value: 'not measured', note: undefined });
  });
});
