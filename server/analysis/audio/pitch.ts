/**
 * Fundamental frequency (F0) for the voice-tone figures, made to hold on real recordings.
 *
 * The old tracker (pitchfinder's YIN, absolute threshold 0.15, gate 35 dB under the loudest frame) marked 1-7 % of
 * speech frames voiced on some real speakers (a recording whose loudest part is sub-20 Hz rumble; quiet home
 * recordings) while real speech is 40-70 % voiced (docs/accuracy.md, "Voice tone"). Now:
 *  1. a 4th-order Butterworth high-pass at 50 Hz removes rumble and DC drift (F0 of adult speech is >= ~65 Hz);
 *  2. F0 and the voicing decision come from the NCCF tracker in voicing.ts (normalised correlation >= 0.5, a frame
 *     within 40 dB of the loudest frame of the *filtered* recording);
 *  3. octave errors (isolated frames an octave off their neighbours: the NCCF's sub-harmonic picks) are folded
 *     towards the median of the voiced frames within +-60 ms (twice), runs shorter than 60 ms are dropped, a
 *     frames outside the speaker's own range (0.75 x first quartile .. 1.5 x third quartile) are dropped, a
 *     5-frame median smooths the track, and F0 is kept in 60-400 Hz;
 *  4. an independent second tracker (pitchfinder's McLeod Pitch Method on the same filtered signal, every other
 *     frame) gives the cross-check that voice.ts turns into a reliability verdict.
 */
import { Macleod } from 'pitchfinder';
import { intensityDb } from './intensity.js';
import { VOICING_HOP_SEC, voicing } from './voicing.js';

export const PITCH_HOP_SEC = VOICING_HOP_SEC;
export const MIN_HZ = 60;
export const MAX_HZ = 400;
export const HIGHPASS_HZ = 50;
/** McLeod window: 512 samples (32 ms at 16 kHz), every CHECK_EVERY-th hop. */
const CHECK_WINDOW = 512;
const CHECK_EVERY = 2;
/** MPM clarity (peak of the normalised square difference) a frame needs to count as voiced for the check. */
const CHECK_CLARITY = 0.7;
/** Octave folding: a frame more than this many octaves (1.5x) from the running median is moved by an octave. */
const FOLD_OCTAVES = 0.58;
const FOLD_HALF_WINDOW = 3; // frames: +-60 ms, so a real leap of the voice (held for > 3 frames) is kept
const MIN_RUN = 3; // frames: 60 ms
/** The speaker's F0 range: RANGE_FLOOR x first quartile .. RANGE_CEILING x third quartile (De Looze & Hirst 2008). */
const RANGE_FLOOR = 0.75;
const RANGE_CEILING = 1.5;

export interface PitchFrames {
  /** F0 (Hz) per 20 ms hop after octave correction and smoothing, NaN where unvoiced */
  f0: Float32Array;
  /** the second tracker (McLeod) per hop, NaN where unvoiced or not measured (it runs on every other hop) */
  check: Float32Array;
  /** intensityDb() of the high-passed signal: the voice's loudness without sub-50 Hz rumble */
  levelDb: Float32Array;
}

/** Coefficients of the two biquads of a 4th-order Butterworth high-pass (RBJ cookbook, Q = 0.541 and 1.307). */
function highpassSections(sampleRate: number, fc: number): Array<[number, number, number, number, number]> {
  return [0.5412, 1.3066].map((q) => {
    const w = (2 * Math.PI * fc) / sampleRate;
    const c = Math.cos(w);
    const a = Math.sin(w) / (2 * q);
    const b0 = (1 + c) / 2 / (1 + a);
    return [b0, -(1 + c) / (1 + a), b0, (-2 * c) / (1 + a), (1 - a) / (1 + a)];
  });
}

const median = (xs: number[]): number => {
  xs.sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)]!;
};

/**
 * Octave correction and smoothing of a raw F0 track (pure). Input: F0 per hop (NaN unvoiced). Runs shorter than
 * 60 ms are dropped; each frame is moved by whole octaves towards the median of the voiced frames within +-60 ms
 * when it is more than 1.5x away from it (two passes; not with under 3 voiced frames there). A leap the voice holds
 * for longer is kept unless it leaves the speaker's range (0.75 x first quartile .. 1.5 x third quartile of the
 * answer, with >= 20 voiced frames): sustained sub-octave picks and creak are dropped. Then a 5-frame median over
 * voiced neighbours; frames outside 60-400 Hz are dropped.
 */
export function cleanTrack(raw: Float32Array): Float32Array {
  const n = raw.length;
  const x = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) if (raw[i]! > 0) x[i] = Math.log2(raw[i]!);
  for (let i = 0; i < n; ) {
    if (Number.isNaN(x[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && !Number.isNaN(x[j]!)) j++;
    if (j - i < MIN_RUN) x.fill(NaN, i, j);
    i = j;
  }
  const out = new Float32Array(n).fill(NaN);
  for (let pass = 0; pass < 2; pass++) {
    const src = Float64Array.from(x);
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(src[i]!)) continue;
      const near: number[] = [];
      for (let k = Math.max(0, i - FOLD_HALF_WINDOW); k <= Math.min(n - 1, i + FOLD_HALF_WINDOW); k++) if (!Number.isNaN(src[k]!)) near.push(src[k]!);
      if (near.length < 3) continue;
      const ref = median(near);
      let v = src[i]!;
      while (v - ref > FOLD_OCTAVES) v -= 1;
      while (ref - v > FOLD_OCTAVES) v += 1;
      x[i] = v;
    }
  }
  // the speaker's range (De Looze & Hirst 2008): 0.75 x the first quartile to 1.5 x the third; outside it a frame is
  // a sustained octave error or creak and is dropped rather than guessed
  const sorted = Array.from(x).filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length >= 20) {
    const lo = sorted[Math.floor((sorted.length - 1) * 0.25)]! + Math.log2(RANGE_FLOOR);
    const hi = sorted[Math.floor((sorted.length - 1) * 0.75)]! + Math.log2(RANGE_CEILING);
    for (let i = 0; i < n; i++) if (x[i]! < lo || x[i]! > hi) x[i] = NaN;
  }
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(x[i]!)) continue;
    const near: number[] = [];
    for (let k = Math.max(0, i - 2); k <= Math.min(n - 1, i + 2); k++) if (!Number.isNaN(x[k]!)) near.push(x[k]!);
    const hz = 2 ** median(near);
    if (hz >= MIN_HZ && hz <= MAX_HZ) out[i] = hz;
  }
  return out;
}

/**
 * The pitch tracker for audio that arrives in pieces (the streaming analysis) and, fed once, for a whole answer
 * (pitchFrames). advance() high-passes the new samples (a causal filter, so piecewise = whole) and runs the McLeod
 * check on the hops that are complete; finish() runs the NCCF tracker over the filtered answer (its voicing gate
 * needs the loudest frame) and the octave correction. Batch and stream results are equal by construction.
 */
export class PitchStream {
  private hp = new Float32Array(16_000 * 8);
  private len = 0;
  private readonly state = [0, 0, 0, 0, 0, 0, 0, 0];
  private readonly sections: Array<[number, number, number, number, number]>;
  private check = new Float32Array(512);
  private checked = 0; // hops measured by the check
  private readonly hop: number;
  private readonly mpm: (x: Float32Array) => { probability: number; freq: number };
  constructor(private readonly sampleRate: number) {
    this.sections = highpassSections(sampleRate, HIGHPASS_HZ);
    this.hop = Math.round(PITCH_HOP_SEC * sampleRate);
    this.mpm = Macleod({ sampleRate, bufferSize: CHECK_WINDOW, cutoff: 0.93 });
  }

  /** Takes samples[this.len .. length) (samples[0..length) is the answer so far). */
  advance(samples: Float32Array, length: number): void {
    if (length <= this.len) return;
    if (length > this.hp.length) {
      const hp = new Float32Array(Math.max(length, this.hp.length * 2));
      hp.set(this.hp.subarray(0, this.len));
      this.hp = hp;
    }
    const st = this.state;
    for (let i = this.len; i < length; i++) {
      let v = samples[i]!;
      for (let s = 0; s < 2; s++) {
        const [b0, b1, b2, a1, a2] = this.sections[s]!;
        const o = s * 4;
        const y = b0 * v + b1 * st[o]! + b2 * st[o + 1]! - a1 * st[o + 2]! - a2 * st[o + 3]!;
        st[o + 1] = st[o]!;
        st[o] = v;
        st[o + 3] = st[o + 2]!;
        st[o + 2] = y;
        v = y;
      }
      this.hp[i] = v;
    }
    this.len = length;
    const hops = Math.max(0, Math.floor((length - CHECK_WINDOW) / this.hop) + 1);
    if (hops > this.check.length) {
      const c = new Float32Array(Math.max(hops, this.check.length * 2)).fill(NaN);
      c.set(this.check.subarray(0, this.checked));
      this.check = c;
    }
    for (let i = this.checked; i < hops; i++) {
      this.check[i] = NaN;
      if (i % CHECK_EVERY !== 0) continue;
      const frame = this.hp.subarray(i * this.hop, i * this.hop + CHECK_WINDOW);
      let e = 0;
      for (let j = 0; j < frame.length; j++) e += frame[j]! * frame[j]!;
      if (Math.sqrt(e / CHECK_WINDOW) < 1e-4) continue; // digital silence
      const r = this.mpm(frame);
      if (r.freq >= MIN_HZ && r.freq <= MAX_HZ && r.probability >= CHECK_CLARITY) this.check[i] = r.freq;
    }
    this.checked = Math.max(this.checked, hops);
  }

  finish(): PitchFrames {
    const hp = this.hp.subarray(0, this.len);
    const { f0 } = voicing(hp, this.sampleRate);
    const check = new Float32Array(f0.length).fill(NaN);
    check.set(this.check.subarray(0, Math.min(this.checked, f0.length)));
    return { f0: cleanTrack(f0), check, levelDb: intensityDb(hp, this.sampleRate) };
  }
}

/** Pitch frames of a whole answer: exactly what a PitchStream fed the same samples returns. */
export function pitchFrames(samples: Float32Array, sampleRate: number): PitchFrames {
  const s = new PitchStream(sampleRate);
  s.advance(samples, samples.length);
  return s.finish();
}

/** Median-smoothed track at `rateHz` (default 10 Hz) for the report chart: null where unvoiced. */
export function pitchTrack(frames: Float32Array, rateHz = 10): Array<{ t: number; hz: number | null }> {
  const per = Math.round(1 / rateHz / PITCH_HOP_SEC);
  const out: Array<{ t: number; hz: number | null }> = [];
  for (let i = 0; i < frames.length; i += per) {
    const v = Array.from(frames.subarray(i, i + per)).filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
    const hz = v.length * 2 >= per ? v[Math.floor(v.length / 2)]! : null;
    out.push({ t: Math.round(i * PITCH_HOP_SEC * 100) / 100, hz: hz === null ? null : Math.round(hz * 10) / 10 });
  }
  return out;
}
