/** Pitch frames, intensity and syllable nuclei for one answer (runs inside the worker). */
import { intensityDb } from './intensity.js';
import { PITCH_HOP_SEC, pitchFrames } from './pitch.js';
import { syllableNuclei } from './syllables.js';

export interface ProsodyRaw {
  /** F0 per 20 ms (NaN unvoiced) */
  pitch: Float32Array;
  /** dBFS per 10 ms */
  intensity: Float32Array;
  /** times (s) of syllable nuclei */
  nuclei: number[];
  ms: number;
}

export function measureProsody(samples: Float32Array, sampleRate: number): ProsodyRaw {
  const t0 = performance.now();
  return prosodyFrom(pitchFrames(samples, sampleRate), intensityDb(samples, sampleRate), t0);
}

/** The syllable nuclei from the pitch and intensity tracks (also used by the streaming analysis). */
export function prosodyFrom(pitch: Float32Array, intensity: Float32Array, t0 = performance.now()): ProsodyRaw {
  const voicedAt = (t: number): boolean => {
    const i = Math.round(t / PITCH_HOP_SEC);
    for (let k = i - 2; k <= i + 2; k++) if (!Number.isNaN(pitch[k] ?? NaN)) return true;
    return false;
  };
  const nuclei = syllableNuclei(intensity, voicedAt);
  return { pitch, intensity, nuclei, ms: performance.now() - t0 };
}
