import { describe, expect, it } from 'vitest';
import {
  acousticFilledPauses,
  bandEnergies,
  dropUnheldFillerWords,
  heldFillerWords,
  heldVowelWords,
  isolatedSyllableWords,
  spectralFlux,
  speakerProfile,
  steadyVoicedStretches,
} from './steadyVoicing.js';
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

describe('held vowel words, judged against the speaker', () => {
  // 20 ms frames over 12 s: the speaker talks at ~120 Hz with pitch movement and spectral flux ~4 dB/frame
  const N = 600;
  const f0 = new Float32Array(N).fill(NaN);
  const flux = new Float32Array(N);
  for (let i = 0; i < N; i++) {
    if (i % 10 < 7) f0[i] = 120 * 2 ** (((i % 7) - 3) / 6); // +-6 semitones: running speech
    flux[i] = 4;
  }
  /** writes a held sound over [a, b) s: pitch hz (constant), flux dB */
  const hold = (a: number, b: number, hz: number, fl: number): void => {
    for (let i = Math.round(a / 0.02); i < Math.round(b / 0.02); i++) {
      f0[i] = hz;
      flux[i] = fl;
    }
  };
  hold(1.0, 1.4, 110, 1.5); // an "uh" at the speaker's pitch
  hold(3.0, 3.4, 220, 1.5); // a held sound an octave above the speaker (a laugh, a call)
  hold(5.0, 5.3, 115, 1.5); // a confident short held word
  hold(6.0, 6.9, 105, 1.5); // held 0.9 s
  hold(8.0, 8.4, 110, 1.5); // steady but run together with its neighbours
  hold(10.0, 10.4, 400, 1.5); // pitch at the search edge (creak/breath): judged by the spectrum
  const words = [
    { start: 0.5, end: 0.9, confidence: 0.9 },
    { start: 1.0, end: 1.4, confidence: 0.05 }, // 0: filler
    { start: 3.0, end: 3.4, confidence: 0.05 }, // too high
    { start: 5.0, end: 5.3, confidence: 0.9 }, // confident and short
    { start: 6.0, end: 6.9, confidence: 0.9 }, // 4: long: filler whatever the confidence
    { start: 7.6, end: 7.99, confidence: 0.9 },
    { start: 8.0, end: 8.4, confidence: 0.05 }, // run together
    { start: 8.41, end: 8.8, confidence: 0.9 },
    { start: 9.0, end: 9.5, confidence: 0.05 }, // running speech: pitch moves, flux at the speaker's level
    { start: 10.0, end: 10.4, confidence: 0.05 }, // 9: creak, steady spectrum
  ];
  it('measures the speaker: median pitch and median flux over voiced frames', () => {
    const p = speakerProfile(f0, flux)!;
    expect(p.medianFluxDb).toBe(4);
    expect(p.medianSt).toBeGreaterThan(12 * Math.log2(100 / 100));
    expect(p.medianSt).toBeLessThan(12 * Math.log2(140 / 100));
    expect(speakerProfile(new Float32Array(5).fill(NaN), new Float32Array(5))).toBeNull();
  });
  it('takes unsure words standing apart and long holds, at or below the speaker\'s pitch, with little spectral movement', () => {
    expect(heldVowelWords(words, f0, flux, speakerProfile(f0, flux)!)).toEqual([1, 4, 9]);
  });
  it('computes spectral flux as the mean absolute band change per frame', () => {
    const sp = [new Float32Array([0, 0]), new Float32Array([2, 4]), new Float32Array([2, 4])];
    expect(Array.from(spectralFlux(sp))).toEqual([0, 3, 0]);
  });
});

describe('isolated unsure syllables', () => {
  // 20 ms voicing frames and 10 ms intensity over 8 s: speech at 120 Hz, -25 dBFS, from 0.5 to 3 s and 6 to 7.5 s
  const N = 400;
  const f0 = new Float32Array(N).fill(NaN);
  const intensity = new Float32Array(2 * N).fill(-80);
  const sound = (a: number, b: number, hz: number, db = -25): void => {
    for (let i = Math.round(a / 0.02); i < Math.round(b / 0.02); i++) {
      f0[i] = hz;
      intensity[2 * i] = db;
      intensity[2 * i + 1] = db;
    }
  };
  sound(0.5, 3, 120);
  sound(6, 7.5, 120);
  sound(3.6, 3.8, 118); // 0: a lone "uh" between silences
  sound(4.4, 4.6, 240); // 1: lone, but an octave above the speaker
  sound(5.0, 5.9, 118); // 2: lone, but 0.9 s long: not one syllable
  const spk = speakerProfile(f0, new Float32Array(N).fill(3))!;
  const words = [
    { start: 3.55, end: 3.85, confidence: 0.02 },
    { start: 4.4, end: 4.6, confidence: 0.02 },
    { start: 5.0, end: 5.9, confidence: 0.02 },
    { start: 6.0, end: 6.2, confidence: 0.02 }, // 3: unsure, but part of running speech
    { start: 2.8, end: 3.0, confidence: 0.9 },
  ];
  it('takes a short unsure voiced burst with silence on both sides, at the speaker\'s pitch', () => {
    expect(isolatedSyllableWords(words, f0, intensity, spk)).toEqual([0]);
  });
  it('does not take it when the surroundings are loud (a fricative, not silence) or the recognizer was sure', () => {
    const loud = intensity.slice();
    for (let i = Math.round(3.8 / 0.01); i < Math.round(4.0 / 0.01); i++) loud[i] = -35; // unvoiced but loud
    expect(isolatedSyllableWords(words, f0, loud, spk)).toEqual([]);
    expect(isolatedSyllableWords([{ ...words[0]!, confidence: 0.5 }], f0, intensity, spk)).toEqual([]);
  });
});

describe('unsure filler words that are not a held vowel', () => {
  const N = 300;
  const f0 = new Float32Array(N);
  const flux = new Float32Array(N).fill(4);
  for (let i = 0; i < N; i++) f0[i] = 120 * 2 ** (((i % 7) - 3) / 6); // running speech
  for (let i = 50; i < 80; i++) {
    f0[i] = 110; // 1.0-1.6 s: held
    flux[i] = 1;
  }
  const spk = speakerProfile(f0, flux)!;
  it('drops an unsure "ah" over running speech, keeps a held "um" and a confident "uh"', () => {
    const words = [
      { text: 'um', start: 1.0, end: 1.6, confidence: 0.02 },
      { text: 'ah', start: 3.0, end: 3.3, confidence: 0.1 },
      { text: 'uh', start: 4.0, end: 4.3, confidence: 0.9 },
      { text: 'so', start: 5.0, end: 5.3, confidence: 0.1 },
    ];
    expect(dropUnheldFillerWords(words, f0, flux, spk).map((w) => w.text)).toEqual(['um', 'uh', 'so']);
  });
});
