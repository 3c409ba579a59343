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
