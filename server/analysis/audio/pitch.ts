/** Fundamental frequency (F0) with pitchfinder's YIN, on voiced frames only. */
import { YIN } from 'pitchfinder';

export const PITCH_HOP_SEC = 0.02;
const FRAME = 800; // 50 ms at 16 kHz: YIN looks at lags up to 400 samples = 40 Hz
const MIN_HZ = 60;
const MAX_HZ = 400;

/** F0 per 20 ms hop (NaN = unvoiced or too quiet). Frames quieter than `gateDb` below the loudest are skipped. */
export function pitchFrames(samples: Float32Array, sampleRate: number, gateDb = 35): Float32Array {
  const hop = Math.round(PITCH_HOP_SEC * sampleRate);
  const n = Math.max(0, Math.floor((samples.length - FRAME) / hop) + 1);
  const rms = new Float32Array(n);
  let max = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = i * hop; j < i * hop + FRAME; j++) s += (samples[j] ?? 0) ** 2;
    rms[i] = Math.sqrt(s / FRAME);
    if (rms[i]! > max) max = rms[i]!;
  }
  const gate = max * 10 ** (-gateDb / 20);
  const detect = YIN({ sampleRate, threshold: 0.15, probabilityThreshold: 0.2 });
  const out = new Float32Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    if (max === 0 || rms[i]! < gate || rms[i]! < 1e-4) continue;
    const hz = detect(samples.subarray(i * hop, i * hop + FRAME));
    if (hz !== null && hz >= MIN_HZ && hz <= MAX_HZ) out[i] = hz;
  }
  return out;
}

/**
 * pitchFrames() for audio that arrives in pieces (the streaming analysis): every frame's level and YIN estimate are
 * computed as soon as its 50 ms are there; the loudness gate needs the loudest frame of the whole answer, so it is
 * applied by finish(), which returns exactly what pitchFrames() returns for the same samples.
 */
export class PitchStream {
  private rms = new Float32Array(4096);
  private hz = new Float32Array(4096);
  private n = 0;
  private max = 0;
  private readonly hop: number;
  private readonly detect: (x: Float32Array) => number | null;
  constructor(sampleRate: number) {
    this.hop = Math.round(PITCH_HOP_SEC * sampleRate);
    this.detect = YIN({ sampleRate, threshold: 0.15, probabilityThreshold: 0.2 });
  }
  /** Measures the frames that fit in samples[0..length) and were not measured yet. */
  advance(samples: Float32Array, length: number): void {
    const total = Math.max(0, Math.floor((length - FRAME) / this.hop) + 1);
    if (total > this.rms.length) {
      const size = Math.max(total, this.rms.length * 2);
      const rms = new Float32Array(size);
      rms.set(this.rms);
      const hz = new Float32Array(size);
      hz.set(this.hz);
      this.rms = rms;
      this.hz = hz;
    }
    for (let i = this.n; i < total; i++) {
      let s = 0;
      for (let j = i * this.hop; j < i * this.hop + FRAME; j++) s += (samples[j] ?? 0) ** 2;
      const r = Math.sqrt(s / FRAME);
      this.rms[i] = r;
      if (r > this.max) this.max = r;
      // as pitchFrames: frames under 1e-4 are never measured; the relative gate comes at finish()
      const hz = r < 1e-4 ? null : this.detect(samples.subarray(i * this.hop, i * this.hop + FRAME));
      this.hz[i] = hz !== null && hz >= MIN_HZ && hz <= MAX_HZ ? hz : NaN;
    }
    this.n = Math.max(this.n, total);
  }
  finish(gateDb = 35): Float32Array {
    const gate = this.max * 10 ** (-gateDb / 20);
    const out = new Float32Array(this.n).fill(NaN);
    for (let i = 0; i < this.n; i++) if (this.max > 0 && this.rms[i]! >= gate && this.rms[i]! >= 1e-4) out[i] = this.hz[i]!;
    return out;
  }
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
