/**
 * Voicing and F0 by normalised cross-correlation (NCCF, as in Praat's and RAPT's first pass), robust on real
 * recordings where YIN (pitch.ts) often finds no pitch at all (on some real clips it marked 1 % of frames
 * voiced). The signal is halved to 8 kHz (pair averaging), each 20 ms hop gets a 40 ms window, and the best
 * lag in 70-400 Hz is kept when its correlation is >= 0.5 and the frame is within 40 dB of the loudest.
 */
export const VOICING_HOP_SEC = 0.02;
const SR = 8000;
const WIN = 320; // 40 ms at 8 kHz
const MIN_LAG = Math.floor(SR / 400);
const MAX_LAG = Math.ceil(SR / 70);
export const VOICED_NCCF = 0.5;

export interface Voicing {
  /** F0 (Hz) per 20 ms hop, NaN when unvoiced */
  f0: Float32Array;
  /** best normalised correlation per hop (0..1) */
  nccf: Float32Array;
}

export function voicing(samples: Float32Array, sampleRate: number, gateDb = 40): Voicing {
  const step = Math.max(1, Math.round(sampleRate / SR));
  const n8 = Math.floor(samples.length / step);
  const x = new Float32Array(n8);
  for (let i = 0; i < n8; i++) {
    let s = 0;
    for (let k = 0; k < step; k++) s += samples[i * step + k]!;
    x[i] = s / step;
  }
  const hop = Math.round(VOICING_HOP_SEC * SR);
  const frames = Math.max(0, Math.floor((n8 - WIN - MAX_LAG) / hop) + 1);
  const energy = new Float32Array(frames);
  let maxE = 0;
  for (let f = 0; f < frames; f++) {
    let e = 0;
    for (let j = f * hop; j < f * hop + WIN; j++) e += x[j]! * x[j]!;
    energy[f] = e;
    if (e > maxE) maxE = e;
  }
  const gate = maxE * 10 ** (-gateDb / 10);
  const f0 = new Float32Array(frames).fill(NaN);
  const nccf = new Float32Array(frames);
  for (let f = 0; f < frames; f++) {
    const a0 = f * hop;
    const e0 = energy[f]!;
    if (e0 <= gate || e0 < 1e-7) continue;
    let best = 0;
    let bestLag = 0;
    let eL = 0;
    for (let j = a0 + MIN_LAG; j < a0 + MIN_LAG + WIN; j++) eL += x[j]! * x[j]!;
    for (let lag = MIN_LAG; lag <= MAX_LAG; lag++) {
      let c = 0;
      for (let j = 0; j < WIN; j++) c += x[a0 + j]! * x[a0 + j + lag]!;
      const r = c / Math.sqrt(e0 * eL + 1e-12);
      if (r > best) {
        best = r;
        bestLag = lag;
      }
      // slide the lagged window's energy by one sample
      const out = x[a0 + lag]!;
      const inn = x[a0 + lag + WIN] ?? 0;
      eL += inn * inn - out * out;
    }
    nccf[f] = best;
    if (best >= VOICED_NCCF && bestLag > 0) f0[f] = SR / bestLag;
  }
  return { f0, nccf };
}
