/** Pitch frames, voicing, intensity and syllable nuclei for one answer (runs inside the worker). */
import { intensityDb } from './intensity.js';
import { type PitchFrames, pitchFrames } from './pitch.js';
import { BANDS, bandEnergies } from './steadyVoicing.js';
import { syllableNuclei } from './syllables.js';
import { VOICING_HOP_SEC, voicing } from './voicing.js';

export interface ProsodyRaw {
  /** F0 per 20 ms (NaN unvoiced), pitch.ts (high-passed NCCF, octave-corrected): the voice-tone figures */
  pitch: Float32Array;
  /** the second, independent tracker (McLeod) per 20 ms, NaN where unvoiced or not run: the pitch cross-check */
  pitchCheck: Float32Array;
  /** F0 per 20 ms by NCCF (NaN unvoiced): voicing decisions (syllable nuclei, filled pauses) */
  voicedF0: Float32Array;
  /** dBFS per 10 ms */
  intensity: Float32Array;
  /** dBFS per 10 ms after the 50 Hz high-pass of pitch.ts: the loudness figures (rumble left out) */
  voiceIntensity: Float32Array;
  /** log band energies (dB), BANDS per 20 ms frame, flattened: the spectral steadiness of filled pauses */
  spectra: Float32Array;
  /** times (s) of syllable nuclei (not yet restricted to voice activity) */
  nuclei: number[];
  ms: number;
}

export function measureProsody(samples: Float32Array, sampleRate: number): ProsodyRaw {
  const t0 = performance.now();
  return prosodyFrom(pitchFrames(samples, sampleRate), intensityDb(samples, sampleRate), samples, sampleRate, t0);
}

/**
 * Voicing, syllable nuclei and band energies from the pitch and intensity tracks and the whole signal (also
 * used by the streaming analysis, which builds pitch and intensity piecewise). Voicing gates on the loudest
 * frame of the answer, so it needs all the samples.
 */
export function prosodyFrom(pitch: PitchFrames, intensity: Float32Array, samples: Float32Array, sampleRate: number, t0 = performance.now()): ProsodyRaw {
  const { f0 } = voicing(samples, sampleRate);
  const voicedAt = (t: number): boolean => {
    const i = Math.round(t / VOICING_HOP_SEC);
    for (let k = i - 2; k <= i + 2; k++) if (!Number.isNaN(f0[k] ?? NaN)) return true;
    return false;
  };
  const nuclei = syllableNuclei(intensity, voicedAt);
  const frames = bandEnergies(samples, sampleRate, BANDS);
  const spectra = new Float32Array(frames.length * BANDS);
  for (const [i, f] of frames.entries()) spectra.set(f, i * BANDS);
  return { pitch: pitch.f0, pitchCheck: pitch.check, voiceIntensity: pitch.levelDb, voicedF0: f0, spectra, intensity, nuclei, ms: performance.now() - t0 };
}
