/** The pitch tracker (pitch.ts) and its reliability verdict (voice.ts) on signals with a known F0. */
import { describe, expect, it } from 'vitest';
import { scoreVoiceTone } from '../scoring/voiceTone.js';
import { MAX_HZ, MIN_HZ, PITCH_HOP_SEC, cleanTrack, pitchFrames } from './pitch.js';
import { MIN_VOICED_RATIO, pitchReliability, voiceStats } from './voice.js';

const SR = 16_000;

/** A seeded uniform generator in [-0.5, 0.5) (Park-Miller), so the tests are repeatable. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647 - 0.5;
  };
}

/**
 * `sec` seconds of a voice-like buzz at `f0` Hz (5 harmonics, 1/k amplitudes) in syllables of 0.25 s on, 0.1 s off,
 * plus `rumble` (amplitude of a 7 Hz sine, like the sub-20 Hz drift of a real recording) and a little noise.
 */
function buzz(f0: (t: number) => number, sec: number, rumble = 0, level = 0.2): Float32Array {
  const x = new Float32Array(Math.round(SR * sec));
  let phase = 0;
  const noise = rng(1);
  for (let i = 0; i < x.length; i++) {
    const t = i / SR;
    phase += (2 * Math.PI * f0(t)) / SR;
    const on = t % 0.35 < 0.25 ? 1 : 0;
    let v = 0;
    for (let k = 1; k <= 5; k++) v += Math.sin(k * phase) / k;
    x[i] = on * level * v + rumble * Math.sin(2 * Math.PI * 7 * t) + noise() * 0.002;
  }
  return x;
}

const voiced = (f: Float32Array): number[] => Array.from(f).filter((v) => !Number.isNaN(v));
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const allSpeech = (sec: number) => [{ start: 0, end: sec }];

describe('pitch tracker', () => {
  it('finds a steady 120 Hz voice within 2 %, voiced in most of the syllables', () => {
    const { f0, check } = pitchFrames(buzz(() => 120, 4), SR);
    const v = voiced(f0);
    expect(v.length / f0.length).toBeGreaterThan(0.5);
    expect(Math.abs(mean(v) / 120 - 1)).toBeLessThan(0.02);
    // the second tracker sees the same pitch
    expect(Math.abs(mean(voiced(check)) / 120 - 1)).toBeLessThan(0.02);
  });

  it('still finds the voice under rumble 10x louder than the voice (the high-pass), where a loudest-frame gate fails', () => {
    const { f0, levelDb } = pitchFrames(buzz(() => 110, 4, 2), SR);
    const v = voiced(f0);
    expect(v.length / f0.length).toBeGreaterThan(0.5);
    expect(Math.abs(mean(v) / 110 - 1)).toBeLessThan(0.02);
    // the loudness track is the voice's, not the rumble's: within 1 dB of the same voice without rumble
    const clean = pitchFrames(buzz(() => 110, 4), SR).levelDb;
    const loud = (db: Float32Array): number => Math.max(...Array.from(db));
    expect(Math.abs(loud(levelDb) - loud(clean))).toBeLessThan(1);
  });

  it('follows a glide: a 100 -> 200 Hz rise gives a rising track and a high sd/mean', () => {
    const { f0 } = pitchFrames(buzz((t) => 100 + 25 * t, 4), SR);
    const first = voiced(f0.subarray(0, 50));
    const last = voiced(f0.subarray(150));
    expect(mean(first)).toBeGreaterThan(95);
    expect(mean(first)).toBeLessThan(140);
    expect(mean(last)).toBeGreaterThan(170);
    expect(mean(last)).toBeLessThan(205);
  });

  it('finds no pitch in silence or white noise', () => {
    expect(voiced(pitchFrames(new Float32Array(SR * 2), SR).f0)).toHaveLength(0);
    const r = rng(7);
    const noise = new Float32Array(SR * 2).map(() => r() * 0.3);
    expect(voiced(pitchFrames(noise, SR).f0).length).toBeLessThan(0.1 * (2 / PITCH_HOP_SEC));
  });
});

describe('octave correction (cleanTrack)', () => {
  it('folds isolated octave jumps back to the speaker, drops runs under 60 ms and F0 out of range', () => {
    const raw = new Float32Array(200).fill(100);
    raw[40] = 200; // octave up
    raw[41] = 200;
    raw[90] = 50; // octave down (below the range, folded up)
    raw[120] = 210; // octave up with a little drift
    for (let i = 150; i < 152; i++) raw[i] = NaN;
    raw[153] = NaN; // frame 152 is a 1-frame run: dropped
    const out = cleanTrack(raw);
    expect(out[40]).toBeCloseTo(100, 0);
    expect(out[41]).toBeCloseTo(100, 0);
    expect(out[90]).toBeCloseTo(100, 0);
    expect(out[120]).toBeCloseTo(100, 0);
    expect(Number.isNaN(out[152]!)).toBe(true);
    expect(voiced(out).every((v) => v >= MIN_HZ && v <= MAX_HZ)).toBe(true);
  });

  it("drops a sustained sub-octave stretch (creak, period doubling) outside the speaker's range", () => {
    const raw = new Float32Array(200).map((_, i) => 180 + (i % 20));
    for (let i = 100; i < 112; i++) raw[i] = 90; // 240 ms at half the voice: too long to fold by neighbours
    const out = cleanTrack(raw);
    for (let i = 100; i < 112; i++) expect(Number.isNaN(out[i]!)).toBe(true);
    expect(out[50]).toBeGreaterThan(175);
    expect(voiced(out).length).toBeGreaterThan(180);
  });

  it('keeps a real intonation rise (no octave in one step) as it is', () => {
    const raw = new Float32Array(100).map((_, i) => 100 + i); // 100 -> 199 Hz over 2 s
    const out = cleanTrack(raw);
    expect(out[10]).toBeCloseTo(110, 0);
    expect(out[90]).toBeCloseTo(190, 0);
  });
});

describe('pitch reliability and the voice-tone score', () => {
  const track = (n: number, hz: (i: number) => number) => new Float32Array(n).map((_, i) => hz(i));

  it('good when the speech is voiced and both trackers agree', () => {
    const f0 = track(200, (i) => (i % 10 < 6 ? 100 + (i % 7) : NaN));
    const r = pitchReliability(f0, f0, allSpeech(4));
    expect(r.level).toBe('good');
    expect(r.voicedRatio).toBeCloseTo(0.6, 1);
    expect(r.trackerAgreement).toBe(1);
    expect(r.reasons).toEqual([]);
  });

  it('low when too little of the speech is voiced', () => {
    const f0 = track(400, (i) => (i % 10 === 0 || i % 10 === 1 ? 100 : NaN)); // 20 % voiced... minus a bit
    const sparse = track(400, (i) => (i % 20 === 0 || i % 20 === 1 ? 100 : NaN)); // 10 %
    expect(pitchReliability(f0, f0, allSpeech(8)).level).toBe('good');
    const r = pitchReliability(sparse, sparse, allSpeech(8));
    expect(r.voicedRatio!).toBeLessThan(MIN_VOICED_RATIO);
    expect(r.level).toBe('low');
    expect(r.reasons[0]).toMatch(/pitch was found in only 10 % of the speech/);
  });

  it('low when the second tracker hears another octave', () => {
    const f0 = track(200, (i) => (i % 10 < 6 ? 110 : NaN));
    const check = track(200, (i) => (i % 10 < 6 ? (i % 3 ? 220 : 110) : NaN));
    const r = pitchReliability(f0, check, allSpeech(4));
    expect(r.level).toBe('low');
    expect(r.trackerAgreement).toBeCloseTo(0.33, 1);
    expect(r.reasons.join(' ')).toMatch(/two independent pitch trackers agree on only 33 %/);
  });

  it('a low verdict empties the pitch figures, nulls the score and makes no monotone claim', () => {
    const f0 = track(200, (i) => (i % 10 < 6 ? 110 : NaN));
    const check = track(200, (i) => (i % 10 < 6 ? 220 : NaN));
    const v = voiceStats(f0, new Float32Array(400).fill(-20), allSpeech(4), check);
    expect(v.pitchMeanHz).toBeNull();
    expect(v.pitchVariation).toBeNull();
    expect(v.pitchReliability.level).toBe('low');
    expect(v.loudnessDbfs).toBeCloseTo(-20, 1);
    const s = scoreVoiceTone({ ...v, pitchReliability: v.pitchReliability });
    expect(s.value).toBeNull();
    expect(s.evidence[0]).toMatch(/^pitch could not be measured reliably: two independent pitch trackers agree on only 0 %/);
    expect(s.evidence.join(' ')).toMatch(/no claim about pitch variation/);
    expect(`${s.evidence.join(' ')} ${s.tip}`).not.toMatch(/Vary your pitch|varies naturally/);
    // the same figures with a good verdict give a score
    const good = voiceStats(f0, new Float32Array(400).fill(-20), allSpeech(4), f0);
    expect(good.pitchMeanHz).toBe(110);
    const shown = scoreVoiceTone({ ...good });
    expect(shown.value).not.toBeNull();
    expect(shown.evidence.join(' ')).toMatch(/pitch measured on 60 % of the speech; a second pitch tracker agrees on 100 % of 120 frames/);
  });
});
