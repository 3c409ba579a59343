import { describe, expect, it } from 'vitest';
import { scoreClarity, fillerValue } from './clarity.js';
import { scoreConfidence } from './confidence.js';
import { paceValue, scoreSpeechRate } from './speechRate.js';
import { scoreVoiceTone, toneValue } from './voiceTone.js';

describe('scores', () => {
  it('pace: full marks inside 100-165 wpm, lower outside', () => {
    expect(paceValue(130)).toBe(100);
    expect(paceValue(225)).toBe(10);
    expect(paceValue(80)).toBe(70);
    const s = scoreSpeechRate({ wpm: 225, articulationWpm: 230, syllableRateWpm: 200, usedWpm: 225, span: { start: 1, end: 18 } });
    expect(s.evidence[0]).toContain('225 words per minute');
    expect(s.tip).toMatch(/Slow down/);
  });
  it('voice tone: monotone below 0.11', () => {
    expect(toneValue(0.11)).toBe(60);
    expect(toneValue(0.05)).toBe(20);
    expect(scoreVoiceTone({ pitchMeanHz: null, pitchVariation: null, pitchRangeSemitones: null, loudnessDbfs: null, loudnessVariationDb: null }).value).toBeNull();
  });
  it('clarity: filler rate with timestamps', () => {
    expect(fillerValue(5)).toBe(80);
    const c = scoreClarity({
      fillers: [{ text: 'um', start: 12, end: 12.3, kind: 'filled' }],
      voicedGaps: [],
      facts: { questionWordsReused: [], hedges: [], meanSentenceWords: 10, sentenceCount: 3 },
      speechMinutes: 0.5,
      wordCount: 70,
    });
    expect(c.evidence.join('|')).toContain('um (0:12)');
    expect(c.value).toBe(100);
  });
  it('confidence: documented composite, audio-only when vision is missing', () => {
    const base = { paceValue: 100, fillerValue: 100, longPauses: [{ start: 12, end: 14 }], speechMinutes: 1, toneValue: 60, bodyLanguageValue: null };
    const a = scoreConfidence({ ...base, facingCameraRatio: null, visionReason: 'vision not measured: x' });
    expect(a.evidence.join('|')).toMatch(/not included: facing the camera, body language \(vision not measured: x\)/);
    expect(a.evidence.join('|')).toContain('1 pauses over 1.5 s (0:12)');
    const b = scoreConfidence({ ...base, facingCameraRatio: 0.2, visionReason: null });
    expect(b.value!).toBeLessThan(a.value!);
  });
});
