/**
 * The acoustic path for filled pauses (um, uh, er): a filled pause is a voiced stretch of 0.2-1.5 s whose
 * pitch and spectrum barely move (a held neutral vowel, optionally closing into a hum), unlike words,
 * whose formants and pitch change every 50-150 ms (Shriberg 2001, "To 'errrr' is human: ecology and
 * acoustics of speech disfluencies", JIPA 31(1): filled pauses are longer, flatter in F0, and have a
 * stable, centralised vowel quality). Frames are 20 ms; per frame we need F0 (NaN = unvoiced) and a
 * small log-spectrum (band energies in dB).
 */
import type { Span } from '../report.js';
import { FILLED_PAUSES } from '../text/fillers.js';

export const FRAME_SEC = 0.02;
export const BANDS = 16;

export interface SteadyOptions {
  /** max |F0 - running median| in semitones for a frame to continue a stretch */
  maxPitchJumpSt: number;
  /** max mean absolute change of the band energies (dB) from the previous frame */
  maxFluxDb: number;
  minSec: number;
  maxSec: number;
  /** max sd of F0 over the stretch, in semitones */
  maxPitchSdSt: number;
}

export const defaultSteadyOptions: SteadyOptions = { maxPitchJumpSt: 1.5, maxFluxDb: 4, minSec: 0.2, maxSec: 1.5, maxPitchSdSt: 0.5 };

/** Splits a flattened spectra array (BANDS per frame) into frames. */
export function unflatten(spectra: Float32Array, bands = BANDS): Float32Array[] {
  const out: Float32Array[] = [];
  for (let i = 0; i + bands <= spectra.length; i += bands) out.push(spectra.subarray(i, i + bands));
  return out;
}

/**
 * Filled pauses from the audio alone: steady voiced stretches inside voice activity that no recognised word
 * overlaps (the transcript's gaps), stretches closer than 0.1 s merged (one "uhhh" with a pitch step).
 * Tuned on the real set (docs/accuracy.md): stretches overlapping recognised words were tried too and
 * cost more precision (read speech has held vowels) than they gained in recall, so they are not used.
 * The acoustic path cannot tell um from uh; it reports "uh".
 */
export function acousticFilledPauses(stretches: readonly Span[], speech: readonly Span[], words: ReadonlyArray<Span>): Span[] {
  const merged: Span[] = [];
  for (const s of stretches) {
    const last = merged[merged.length - 1];
    if (last && s.start - last.end < 0.1) last.end = s.end;
    else merged.push({ ...s });
  }
  return merged.filter(
    (s) => s.end - s.start <= defaultSteadyOptions.maxSec + 0.2 && speech.some((g) => s.start >= g.start - 0.05 && s.end <= g.end + 0.05) && !words.some((w) => w.end > s.start && w.start < s.end),
  );
}

const st = (hz: number): number => 12 * Math.log2(hz / 100);

/** Log band energies (dB) of `bands` mel-spaced bands (100-4000 Hz) per 20 ms frame (32 ms window, 512-point FFT, 16 kHz). */
export function bandEnergies(samples: Float32Array, sampleRate: number, bands = 16): Float32Array[] {
  const hop = Math.round(FRAME_SEC * sampleRate);
  const N = 512;
  const n = Math.max(0, Math.floor((samples.length - N) / hop) + 1);
  const mel = (f: number): number => 2595 * Math.log10(1 + f / 700);
  const edges = Array.from({ length: bands + 1 }, (_, i) => {
    const m = mel(100) + ((mel(4000) - mel(100)) * i) / bands;
    return Math.round(((700 * (10 ** (m / 2595) - 1)) / sampleRate) * N);
  });
  const win = new Float32Array(N).map((_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (N - 1)));
  const re = new Float64Array(N);
  const im = new Float64Array(N);
  const out: Float32Array[] = [];
  for (let f = 0; f < n; f++) {
    for (let i = 0; i < N; i++) {
      re[i] = (samples[f * hop + i] ?? 0) * win[i]!;
      im[i] = 0;
    }
    fft(re, im);
    const e = new Float32Array(bands);
    for (let b = 0; b < bands; b++) {
      let s = 1e-10;
      for (let k = edges[b]!; k < Math.max(edges[b]! + 1, edges[b + 1]!); k++) s += re[k]! * re[k]! + im[k]! * im[k]!;
      e[b] = 10 * Math.log10(s);
    }
    // bands more than 50 dB under the frame's strongest carry only leakage: floor them so they do not look unsteady
    let top = -Infinity;
    for (const v of e) top = Math.max(top, v);
    for (let b = 0; b < bands; b++) e[b] = Math.max(e[b]!, top - 50);
    out.push(e);
  }
  return out;
}

/** In-place radix-2 FFT. */
function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j]!, re[i]!];
      [im[i], im[j]] = [im[j]!, im[i]!];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = (-2 * Math.PI) / len;
    for (let i = 0; i < n; i += len)
      for (let k = 0; k < len / 2; k++) {
        const wr = Math.cos(ang * k);
        const wi = Math.sin(ang * k);
        const a = i + k;
        const b = a + len / 2;
        const tr = re[b]! * wr - im[b]! * wi;
        const ti = re[b]! * wi + im[b]! * wr;
        re[b] = re[a]! - tr;
        im[b] = im[a]! - ti;
        re[a] = re[a]! + tr;
        im[a] = im[a]! + ti;
      }
  }
}

/** Voiced stretches with steady pitch and spectrum, 0.2-1.5 s long. */
export function steadyVoicedStretches(f0: ArrayLike<number>, spectra: readonly Float32Array[], o: SteadyOptions = defaultSteadyOptions): Span[] {
  const n = Math.min(f0.length, spectra.length);
  const out: Span[] = [];
  let start = -1;
  let pitches: number[] = [];
  const close = (end: number): void => {
    if (start >= 0) {
      const dur = (end - start) * FRAME_SEC;
      if (dur >= o.minSec && dur <= o.maxSec && pitches.length) {
        const m = pitches.reduce((a, b) => a + b, 0) / pitches.length;
        const sd = Math.sqrt(pitches.reduce((a, b) => a + (b - m) ** 2, 0) / pitches.length);
        if (sd <= o.maxPitchSdSt) out.push({ start: Math.round(start * FRAME_SEC * 100) / 100, end: Math.round(end * FRAME_SEC * 100) / 100 });
      }
    }
    start = -1;
    pitches = [];
  };
  for (let i = 0; i < n; i++) {
    const hz = f0[i]!;
    if (Number.isNaN(hz)) {
      close(i);
      continue;
    }
    const p = st(hz);
    let flux = 0;
    if (i > 0) {
      const a = spectra[i]!;
      const b = spectra[i - 1]!;
      for (let k = 0; k < a.length; k++) flux += Math.abs(a[k]! - b[k]!);
      flux /= a.length;
    }
    if (start >= 0) {
      const sorted = [...pitches].sort((x, y) => x - y);
      const med = sorted[Math.floor(sorted.length / 2)]!;
      if (Math.abs(p - med) > o.maxPitchJumpSt || flux > o.maxFluxDb) close(i);
    }
    if (start < 0) start = i;
    pitches.push(p);
  }
  close(n);
  return out;
}

/** Looser steadiness for the word check: any steady voiced run of >= 80 ms, pitch sd <= 1.5 semitones. */
export const wordSteadyOptions: SteadyOptions = { maxPitchJumpSt: 1.5, maxFluxDb: 4, minSec: 0.08, maxSec: 3, maxPitchSdSt: 1.5 };

/**
 * Recognised words that are really a held filler: near-zero recognizer confidence (< 0.1), at least 0.2 s
 * long, standing apart (>= 0.1 s to the previous or next word: filled pauses sit at phrase edges, and
 * without this a slow synthetic voice's held "the" matched), and at least 70 % of their time inside steady
 * voiced runs (wordSteadyOptions). pocketsphinx forces a
 * word from its vocabulary onto an "uhhh" ("for", "to", "up"); a real word with that little confidence and
 * that little movement is rare (on the real set this rule added 1 true filled pause and no false one).
 * Returns the indices of such words.
 */
export function heldFillerWords(words: ReadonlyArray<Span & { confidence?: number }>, steadyRuns: readonly Span[]): number[] {
  const out: number[] = [];
  words.forEach((w, i) => {
    const d = w.end - w.start;
    if ((w.confidence ?? 1) >= 0.1 || d < 0.2 || d > 1.0) return;
    const before = i === 0 ? Infinity : w.start - words[i - 1]!.end;
    const after = i === words.length - 1 ? Infinity : words[i + 1]!.start - w.end;
    if (before < 0.1 && after < 0.1) return;
    const steady = steadyRuns.reduce((a, s) => a + Math.max(0, Math.min(w.end, s.end) - Math.max(w.start, s.start)), 0);
    if (steady / d >= 0.7) out.push(i);
  });
  return out;
}

/** The speaker's own reference levels: median F0 (semitones re 100 Hz) and median spectral flux (dB) over voiced frames. */
export interface SpeakerProfile {
  medianSt: number;
  medianFluxDb: number;
}

/** Mean absolute change of the band energies (dB) from the previous frame, per frame (0 for the first). */
export function spectralFlux(spectra: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(spectra.length);
  for (let i = 1; i < spectra.length; i++) {
    const a = spectra[i]!;
    const b = spectra[i - 1]!;
    let x = 0;
    for (let k = 0; k < a.length; k++) x += Math.abs(a[k]! - b[k]!);
    out[i] = x / a.length;
  }
  return out;
}

/**
 * F0 at the edge of the NCCF search range (voicing.ts: 70-400 Hz) means no periodicity peak was found inside
 * it (breath, noise, a creaky onset): such frames are left out of the speaker-relative checks.
 */
const inRange = (hz: number): boolean => !Number.isNaN(hz) && hz > 70.5 && hz < 395;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

export function speakerProfile(f0: ArrayLike<number>, flux: ArrayLike<number>): SpeakerProfile | null {
  const p: number[] = [];
  const f: number[] = [];
  for (let i = 0; i < Math.min(f0.length, flux.length); i++) {
    if (!inRange(f0[i]!)) continue;
    p.push(st(f0[i]!));
    if (i > 0) f.push(flux[i]!);
  }
  return p.length < 10 ? null : { medianSt: median(p), medianFluxDb: median(f) };
}

export interface HeldVowelOptions {
  /** at least this many voiced 20 ms frames in the word */
  minVoicedFrames: number;
  /** share of the voiced frames within 1 semitone of the word's median F0 */
  minPitchSteady: number;
  /** the word's median flux over voiced frames, relative to the speaker's median voiced flux */
  maxRelFlux: number;
  /** the word's median F0 at most this many semitones above the speaker's median */
  maxRelPitchSt: number;
  /** below this recognizer confidence a word standing apart may be a filler */
  maxConfidence: number;
  /** silence to the previous or next word */
  minApartSec: number;
  /** voiced for at least this long: held far longer than a syllable, a filler whatever the confidence */
  longSec: number;
}

export const defaultHeldVowelOptions: HeldVowelOptions = {
  minVoicedFrames: 8,
  minPitchSteady: 0.8,
  maxRelFlux: 0.7,
  maxRelPitchSt: 2,
  maxConfidence: 0.35,
  minApartSec: 0.1,
  longSec: 0.7,
};

/**
 * Recognised words that are really a held filled pause, judged against the speaker's own voice: the word's
 * voiced frames hold one pitch (>= 80 % within a semitone of their median), its spectrum moves much less than
 * the speaker's usually does (median flux <= 0.7 x the speaker's median: a held vowel, not a string of
 * phones), and its pitch is not above the speaker's median (+2 st): filled pauses sit low and flat in the
 * speaker's range (Shriberg 2001; O'Shaughnessy 1992), a laugh or an exclamation does not. Then either the
 * recognizer was unsure (confidence < 0.35) and the word stands apart (>= 0.1 s of silence on one side:
 * fillers sit at phrase edges; in fluent read speech unsure words run together), or it is voiced for
 * >= 0.7 s, far longer than any syllable at a speaking pace. Only voiced frames count, so a word the
 * recognizer stretched over silence is judged by its sound. Returns the indices of such words.
 */
/**
 * Whether a span's voiced frames are a held vowel for this speaker: at least `minVoicedFrames` voiced, median
 * flux <= maxRelFlux x the speaker's, and (where the pitch is measurable on at least half of them) >= 80 % of
 * them within a semitone of their median, which is at most maxRelPitchSt above the speaker's median.
 * Returns the voiced seconds, or 0 when it is not a held vowel.
 */
export function heldVowelSec(span: Span, f0: ArrayLike<number>, flux: ArrayLike<number>, spk: SpeakerProfile, o: HeldVowelOptions = defaultHeldVowelOptions): number {
  const n = Math.min(f0.length, flux.length);
  const p: number[] = [];
  const f: number[] = [];
  let voiced = 0;
  for (let k = Math.max(0, Math.round(span.start / FRAME_SEC)); k < Math.min(n, Math.round(span.end / FRAME_SEC)); k++) {
    if (Number.isNaN(f0[k]!)) continue;
    voiced++;
    f.push(flux[k]!);
    if (inRange(f0[k]!)) p.push(st(f0[k]!));
  }
  if (voiced < o.minVoicedFrames || median(f) > o.maxRelFlux * spk.medianFluxDb) return 0;
  // pitch checks where the pitch is measurable (mostly edge-of-range frames: creak or breath, judged by the spectrum alone)
  if (p.length >= voiced / 2) {
    const med = median(p);
    if (p.filter((x) => Math.abs(x - med) <= 1).length / p.length < o.minPitchSteady || med - spk.medianSt > o.maxRelPitchSt) return 0;
  }
  return voiced * FRAME_SEC;
}

export function heldVowelWords(
  words: ReadonlyArray<Span & { confidence?: number }>,
  f0: ArrayLike<number>,
  flux: ArrayLike<number>,
  spk: SpeakerProfile,
  o: HeldVowelOptions = defaultHeldVowelOptions,
): number[] {
  const out: number[] = [];
  words.forEach((w, i) => {
    const held = heldVowelSec(w, f0, flux, spk, o);
    if (held === 0) return;
    const before = i === 0 ? Infinity : w.start - words[i - 1]!.end;
    const after = i === words.length - 1 ? Infinity : words[i + 1]!.start - w.end;
    const unsureApart = (w.confidence ?? 1) < o.maxConfidence && Math.max(before, after) >= o.minApartSec;
    if (unsureApart || held >= o.longSec) out.push(i);
  });
  return out;
}

export interface IsolatedOptions {
  /** the recognizer was this unsure of the word */
  maxConfidence: number;
  /** quiet before and after the syllable, seconds */
  quietSec: number;
  /** quiet = every 10 ms intensity frame this many dB under the speaker's median voiced level */
  quietDb: number;
  /** a single syllable: one voiced burst (unvoiced breaks of <= 40 ms bridged) of at most this long */
  maxBurstSec: number;
  minBurstSec: number;
  maxRelPitchSt: number;
}

export const defaultIsolatedOptions: IsolatedOptions = { maxConfidence: 0.1, quietSec: 0.25, quietDb: 20, maxBurstSec: 0.6, minBurstSec: 0.1, maxRelPitchSt: 2 };

/**
 * Recognised words that are an isolated "uh": one short voiced burst (a single syllable, 0.1-0.6 s) with
 * quiet on both sides (0.25 s, every 10 ms frame >= 20 dB under the speaker's median voiced level: silence,
 * not a fricative), at or below the speaker's median pitch (+2 st), that the recognizer could not place
 * (confidence < 0.1). A hesitating speaker produces exactly this between silent pauses ("uh ... uh ...");
 * a real word between two silences is usually recognised with some confidence. Too short for the
 * held-vowel test (its onset and offset dominate), so it is judged by its isolation. `intensity` is dBFS
 * per 10 ms (intensity.ts). Returns the indices of such words.
 */
export function isolatedSyllableWords(
  words: ReadonlyArray<Span & { confidence?: number }>,
  f0: ArrayLike<number>,
  intensity: ArrayLike<number>,
  spk: SpeakerProfile,
  o: IsolatedOptions = defaultIsolatedOptions,
): number[] {
  const n = f0.length;
  const voiced = (k: number): boolean => k >= 0 && k < n && !Number.isNaN(f0[k]!);
  const levels: number[] = [];
  for (let k = 0; k < n; k++) if (voiced(k) && 2 * k < intensity.length) levels.push(intensity[2 * k]!);
  if (levels.length < 10) return [];
  const quietBelow = median(levels) - o.quietDb;
  const loud = (k: number): boolean => (intensity[2 * k] ?? Infinity) > quietBelow || (intensity[2 * k + 1] ?? Infinity) > quietBelow;
  const q = Math.round(o.quietSec / FRAME_SEC);
  const out: number[] = [];
  words.forEach((w, i) => {
    if ((w.confidence ?? 1) >= o.maxConfidence) return;
    let a = -1;
    let b = -1;
    for (let k = Math.max(0, Math.round(w.start / FRAME_SEC)); k < Math.min(n, Math.round(w.end / FRAME_SEC)); k++)
      if (voiced(k)) {
        if (a < 0) a = k;
        b = k;
      }
    if (a < 0) return;
    // the whole burst around the word (its boundaries are the recognizer's guess), bridging breaks of <= 2 frames
    for (;;) {
      const step = [1, 2, 3].find((d) => voiced(a - d));
      if (step === undefined) break;
      a -= step;
    }
    for (;;) {
      const step = [1, 2, 3].find((d) => voiced(b + d));
      if (step === undefined) break;
      b += step;
    }
    const dur = (b + 1 - a) * FRAME_SEC;
    if (dur < o.minBurstSec || dur > o.maxBurstSec || a - q < 0 || b + q >= n) return;
    for (let k = a - q; k < a; k++) if (loud(k)) return;
    for (let k = b + 1; k <= b + q; k++) if (loud(k)) return;
    const p: number[] = [];
    for (let k = a; k <= b; k++) if (inRange(f0[k]!)) p.push(st(f0[k]!));
    if (p.length && median(p) - spk.medianSt > o.maxRelPitchSt) return;
    out.push(i);
  });
  return out;
}

/**
 * The recognizer's own filled-pause words ("ah", "uh", "um") that it was unsure of (confidence < 0.3) and
 * that are not a held vowel for this speaker are dropped: pocketsphinx inserts a low-confidence "ah" on a
 * piece of a real word ("my fellow" -> "my ah i", "be all" -> "be ah"). A filler it is unsure of but that
 * is held (the 1.1 s "um" of a real speaker) stays. Confident filler words are kept as they are.
 */
export function dropUnheldFillerWords<W extends Span & { text: string; confidence?: number }>(
  words: readonly W[],
  f0: ArrayLike<number>,
  flux: ArrayLike<number>,
  spk: SpeakerProfile,
  maxConfidence = 0.3,
): W[] {
  return words.filter((w) => !(FILLED_PAUSES.has(w.text.toLowerCase()) && (w.confidence ?? 1) < maxConfidence && heldVowelSec(w, f0, flux, spk) === 0));
}
