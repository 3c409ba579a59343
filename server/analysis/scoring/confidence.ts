/**
 * "Confidence" is NOT an inference about the person's feelings: it is a documented composite of observable
 * delivery cues (see docs/scoring.md). Weights: pace 0.2, fillers 0.2, pauses 0.2, pitch variation 0.15,
 * facing the camera 0.15, body language 0.1. Missing cues are left out and the remaining weights rescaled.
 */
import type { Score, Span } from '../report.js';
import { LONG_PAUSE_SEC, clamp, piecewise, round, times } from './bands.js';

/** The first evidence line of a confidence score: the sub-values of the composite and their weights. */
export const COMPOSITE_EVIDENCE = 'composite of observable delivery cues, not a judgement of feelings: ';

export interface ConfidenceInput {
  paceValue: number | null;
  fillerValue: number | null;
  longPauses: Span[];
  speechMinutes: number;
  toneValue: number | null;
  facingCameraRatio: number | null;
  bodyLanguageValue: number | null;
  visionReason: string | null;
}

export const CONFIDENCE_WEIGHTS = { pace: 0.2, fillers: 0.2, pauses: 0.2, pitch: 0.15, eyeContact: 0.15, bodyLanguage: 0.1 } as const;

/** Long pauses per minute: 0 -> 100, 1 -> 75, 4+ -> 0. */
export function pauseValue(longPerMin: number): number {
  return clamp(piecewise(longPerMin, [[0, 100], [1, 75], [4, 0]]));
}

export function scoreConfidence(c: ConfidenceInput): Score {
  const parts: Array<[keyof typeof CONFIDENCE_WEIGHTS, number | null, string]> = [
    ['pace', c.paceValue, 'pace'],
    ['fillers', c.fillerValue, 'filler rate'],
    ['pauses', c.speechMinutes > 0 ? pauseValue(c.longPauses.length / c.speechMinutes) : null, 'long pauses'],
    ['pitch', c.toneValue, 'pitch variation'],
    ['eyeContact', c.facingCameraRatio === null ? null : c.facingCameraRatio * 100, 'facing the camera'],
    ['bodyLanguage', c.bodyLanguageValue, 'body language'],
  ];
  const used = parts.filter((p) => p[1] !== null) as Array<[keyof typeof CONFIDENCE_WEIGHTS, number, string]>;
  const audioUsed = used.filter(([k]) => k !== 'eyeContact' && k !== 'bodyLanguage');
  if (audioUsed.length === 0) return { value: null, evidence: ['no speech was measured, so the delivery cues are missing'], tip: 'Record a spoken answer.' };
  const wsum = used.reduce((a, [k]) => a + CONFIDENCE_WEIGHTS[k], 0);
  const value = used.reduce((a, [k, v]) => a + CONFIDENCE_WEIGHTS[k] * v, 0) / wsum;
  const ev = [COMPOSITE_EVIDENCE + used.map(([k, v, label]) => `${label} ${round(v)} (weight ${CONFIDENCE_WEIGHTS[k]})`).join(', ')];
  const longs = c.longPauses;
  ev.push(longs.length ? `${longs.length} pauses over ${LONG_PAUSE_SEC} s (${times(longs)})` : `no pauses over ${LONG_PAUSE_SEC} s`);
  const missing = parts.filter((p) => p[1] === null).map((p) => p[2]);
  if (missing.length) ev.push(`not included: ${missing.join(', ')}${c.visionReason ? ` (${c.visionReason})` : ''}; weights rescaled over the audio cues measured`);
  const weakest = [...used].sort((a, b) => a[1] - b[1])[0]!;
  const tips: Record<string, string> = {
    pace: 'Aim for a steady 100-165 words per minute.',
    fillers: 'Swap fillers for short silent pauses.',
    pauses: 'Prepare your structure (situation, action, result) so you rarely need pauses over 1.5 s.',
    pitch: 'Stress the key words so your voice does not sound flat.',
    eyeContact: 'Look at the camera lens while you speak.',
    bodyLanguage: 'Sit upright and keep your hands visible and calm.',
  };
  return { value: round(clamp(value)), evidence: ev, tip: tips[weakest[0]] ?? tips.pace! };
}
