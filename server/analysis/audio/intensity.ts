/** Short-time intensity (RMS level, dBFS) for loudness and syllable nuclei. */
export const INTENSITY_HOP_SEC = 0.01;
const WINDOW_SEC = 0.04;

/** dBFS per 10 ms hop over a 40 ms window (a full-scale square wave is 0 dBFS; digital silence is -100). */
export function intensityDb(samples: Float32Array, sampleRate: number): Float32Array {
  const hop = Math.round(INTENSITY_HOP_SEC * sampleRate);
  const win = Math.round(WINDOW_SEC * sampleRate);
  const n = Math.max(0, Math.floor((samples.length - win) / hop) + 1);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = i * hop; j < i * hop + win; j++) s += (samples[j] ?? 0) ** 2;
    out[i] = Math.max(-100, 10 * Math.log10(s / win + 1e-12));
  }
  return out;
}

/** intensityDb() for audio that arrives in pieces: the same windows, measured as soon as they are complete. */
export class IntensityStream {
  private out = new Float32Array(8192);
  private n = 0;
  private readonly hop: number;
  private readonly win: number;
  constructor(sampleRate: number) {
    this.hop = Math.round(INTENSITY_HOP_SEC * sampleRate);
    this.win = Math.round(WINDOW_SEC * sampleRate);
  }
  advance(samples: Float32Array, length: number): void {
    const total = Math.max(0, Math.floor((length - this.win) / this.hop) + 1);
    if (total > this.out.length) {
      const grown = new Float32Array(Math.max(total, this.out.length * 2));
      grown.set(this.out);
      this.out = grown;
    }
    for (let i = this.n; i < total; i++) {
      let s = 0;
      for (let j = i * this.hop; j < i * this.hop + this.win; j++) s += (samples[j] ?? 0) ** 2;
      this.out[i] = Math.max(-100, 10 * Math.log10(s / this.win + 1e-12));
    }
    this.n = Math.max(this.n, total);
  }
  finish(): Float32Array {
    return this.out.slice(0, this.n);
  }
}
