import type { PitchReliability, Score } from '../report.js';
import { MONOTONE_PITCH_VARIATION, clamp, piecewise, round } from './bands.js';

export interface VoiceToneInput {
  pitchMeanHz: number | null;
  pitchVariation: number | null;
  pitchRangeSemitones: number | null;
  loudnessDbfs: number | null;
  loudnessVariationDb: number | null;
  /** when "low", no score and no monotone claim: the reasons go in the evidence */
  pitchReliability?: PitchReliability;
}

/** Pitch variation 0.05 -> 20, 0.11 (monotone threshold, Hincks 2005) -> 60, 0.20+ -> 100. */
export function toneValue(pitchVariation: number): number {
  return round(clamp(piecewise(pitchVariation, [[0.05, 20], [MONOTONE_PITCH_VARIATION, 60], [0.2, 100]])));
}

export function scoreVoiceTone(v: VoiceToneInput): Score {
  if (v.pitchReliability?.level === 'low') {
    const rel = v.pitchReliability;
    const ev = [`pitch could not be measured reliably: ${rel.reasons.join('; ')}`];
    const figs = [
      rel.voicedRatio === null ? null : `voiced ${Math.round(rel.voicedRatio * 100)} % of the speech`,
      rel.trackerAgreement === null ? null : `trackers agree on ${Math.round(rel.trackerAgreement * 100)} % of ${rel.comparedFrames} frames`,
    ].filter((x): x is string => x !== null);
    if (figs.length) ev.push(figs.join(', '));
    ev.push('no claim about pitch variation (monotone or not) is made from this recording');
    if (v.loudnessDbfs !== null) ev.push(`loudness ${v.loudnessDbfs} dBFS, varying by ${v.loudnessVariationDb ?? '?'} dB`);
    return { value: null, evidence: ev, tip: 'Record in a quiet room with the microphone close to you so your pitch can be measured.' };
  }
  if (v.pitchVariation === null || v.pitchMeanHz === null)
    return { value: null, evidence: ['pitch could not be measured: too little voiced speech'], tip: 'Speak for at least a few seconds so your voice can be measured.' };
  const ev = [
    `pitch variation ${v.pitchVariation} (sd/mean of F0; below ${MONOTONE_PITCH_VARIATION} reads as monotone)`,
    `mean pitch ${v.pitchMeanHz} Hz`,
  ];
  if (v.pitchRangeSemitones !== null) ev.push(`pitch range ${v.pitchRangeSemitones} semitones (10th-90th percentile)`);
  const rel = v.pitchReliability;
  if (rel && rel.voicedRatio !== null)
    ev.push(`pitch measured on ${Math.round(rel.voicedRatio * 100)} % of the speech${rel.trackerAgreement === null ? '' : `; a second pitch tracker agrees on ${Math.round(rel.trackerAgreement * 100)} % of ${rel.comparedFrames} frames`}`);
  if (v.loudnessDbfs !== null) ev.push(`loudness ${v.loudnessDbfs} dBFS, varying by ${v.loudnessVariationDb ?? '?'} dB`);
  const tip = v.pitchVariation < MONOTONE_PITCH_VARIATION
    ? 'Vary your pitch more: lift your voice on the key word of each sentence.'
    : 'Your pitch varies naturally; keep stressing the key words.';
  return { value: toneValue(v.pitchVariation), evidence: ev, tip };
}
