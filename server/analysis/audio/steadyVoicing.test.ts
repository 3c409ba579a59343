import { describe, expect, it } from 'vitest';
import { acousticFilledPauses, bandEnergies, heldFillerWords, steadyVoicedStretches } from './steadyVoicing.js';
import { voicing } from './voicing.js';

const SR = 16000;
/** silence, then `sec` of a vowel-like tone at f0 (gliding by `glide` Hz/s), then silence */
function clip(sec: number, f0: number, glide = 0): Float32Array {
  const out = new Float32Array(Math.round((sec + 1) * SR));
  let phase = 0;
  for (let i = 0; i < sec * SR; i++) {
    const f = f0 + glide * (i / SR);
    phase += (2 * Math.PI * f) / SR;
    out[Math.round(0.5 * SR) + i] = 0.3 * Math.sin(phase) + 0.2 * Math.sin(2 * phase) + 0.1 * Math.sin(3 * phase);
  }
  return out;
}
const stretches = (x: Float32Array) => steadyVoicedStretches(voicing(x, SR).f0, bandEnergies(x, SR));

describe('steady voiced stretches (acoustic filled pauses)', () => {
  it('finds a held 0.6 s vowel with flat pitch, with its time', () => {
    const s = stretches(clip(0.6, 110));
    expect(s).toHaveLength(1);
    expect(s[0]!.start).toBeGreaterThan(0.4);
    expect(s[0]!.start).toBeLessThan(0.6);
    expect(s[0]!.end - s[0]!.start).toBeGreaterThan(0.4);
  });
  it('ignores a pitch glide (an intonation contour, not a held filler) and stretches that are too short or too long', () => {
    expect(stretches(clip(0.6, 100, 120))).toHaveLength(0); // ~1 octave per 0.6 s
    expect(stretches(clip(0.12, 110))).toHaveLength(0);
    expect(stretches(clip(2.5, 110))).toHaveLength(0);
  });
  it('keeps only stretches inside voice activity that no recognised word overlaps, merging close ones', () => {
    const st = [{ start: 1, end: 1.3 }, { start: 1.35, end: 1.6 }, { start: 3, end: 3.4 }, { start: 6, end: 6.4 }];
    const speech = [{ start: 0.5, end: 4 }];
    const words = [{ start: 3.2, end: 3.6 }];
    expect(acousticFilledPauses(st, speech, words)).toEqual([{ start: 1, end: 1.6 }]);
  });
});

describe('held filler words', () => {
  it('takes near-zero-confidence words of >= 0.2 s that are mostly a steady voiced run', () => {
    const runs = [{ start: 1, end: 1.3 }, { start: 2, end: 2.1 }, { start: 5, end: 5.4 }, { start: 7, end: 7.3 }];
    const words = [
      { start: 1, end: 1.35, confidence: 0.02 }, // 86 % steady, 0.65 s before the next word: a filler the recognizer called a word
      { start: 2, end: 2.4, confidence: 0.01 }, // 25 % steady: a real word it was unsure of
      { start: 3, end: 3.3, confidence: 0.9 }, // confident: a real word
      { start: 4.9, end: 5.0, confidence: 0.9 },
      { start: 5.0, end: 5.4, confidence: 0.0 }, // steady but run together with both neighbours: a held word in fluent speech
      { start: 5.42, end: 5.8, confidence: 0.9 },
      { start: 7.05, end: 7.2, confidence: 0.0 }, // too short
    ];
    expect(heldFillerWords(words, runs)).toEqual([0]);
  });
});
