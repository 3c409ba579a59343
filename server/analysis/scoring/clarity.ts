import type { Filler, Score, Span } from '../report.js';
import type { ClarityFacts } from '../text/keyPoints.js';
import { FILLERS_OK_PER_MIN, clamp, piecewise, round, times } from './bands.js';

export interface ClarityInput {
  fillers: Filler[];
  voicedGaps: Span[];
  facts: ClarityFacts;
  speechMinutes: number;
  wordCount: number;
  /** the reason the transcript is unreliable, or null: then only filled pauses (found in the audio) are judged */
  transcriptUnreliable?: string | null;
}

/** Fillers per minute: <= 2 -> 100, 5 (reference band) -> 80, 12+ -> 0. */
export function fillerValue(perMin: number): number {
  return clamp(piecewise(perMin, [[2, 100], [FILLERS_OK_PER_MIN, 80], [12, 0]]));
}

/**
 * Clarity = filler sub-score, minus 5 per hedge per minute above 2 (max 20), minus 10 when sentences
 * (cut at pauses) average more than 30 words.
 */
export function scoreClarity(c: ClarityInput): Score {
  if (c.wordCount < 3 || c.speechMinutes <= 0)
    return { value: null, evidence: ['clarity could not be measured: too few recognised words'], tip: 'Record a longer answer.' };
  if (c.transcriptUnreliable) return scoreClarityFromAudio(c, c.transcriptUnreliable);
  const filled = c.fillers.filter((f) => f.kind === 'filled');
  const markers = c.fillers.filter((f) => f.kind === 'marker');
  const perMin = c.fillers.length / c.speechMinutes;
  const hedgesPerMin = c.facts.hedges.length / c.speechMinutes;
  let v = fillerValue(perMin);
  v -= Math.min(20, Math.max(0, hedgesPerMin - 2) * 5);
  if ((c.facts.meanSentenceWords ?? 0) > 30) v -= 10;
  const ev = [`${c.fillers.length} fillers, ${perMin.toFixed(1)} per minute (reference: up to ${FILLERS_OK_PER_MIN})`];
  if (filled.length) ev.push(`${filled.length} filled pauses: ${filled.map((f) => f.text).join(', ')} (${times(filled)})`);
  if (markers.length) ev.push(`${markers.length} discourse markers: ${markers.map((f) => f.text).join(', ')} (${times(markers)})`);
  if (c.voicedGaps.length) ev.push(`${c.voicedGaps.length} voiced stretches without recognised words (${times(c.voicedGaps)})`);
  ev.push(`${c.facts.hedges.length} hedges${c.facts.hedges.length ? ` (${c.facts.hedges.map((h) => h.text).join(', ')})` : ''}`);
  if (c.facts.meanSentenceWords !== null) ev.push(`${c.facts.sentenceCount} phrases averaging ${c.facts.meanSentenceWords} words`);
  if (c.facts.questionWordsReused.length) ev.push(`question words reused: ${c.facts.questionWordsReused.join(', ')}`);
  const tip = perMin > FILLERS_OK_PER_MIN
    ? 'Replace "um" and "uh" with a silent pause: pausing sounds more composed than filling.'
    : c.facts.hedges.length > 2 ? 'State your points directly: drop "I think" and "kind of" where you are sure.'
    : 'Your delivery is clear; keep your sentences short and direct.';
  return { value: round(clamp(v)), evidence: ev, tip };
}

/** Clarity when the transcript is unreliable: filled pauses only (found in the audio); no wording claims. */
function scoreClarityFromAudio(c: ClarityInput, why: string): Score {
  const filled = c.fillers.filter((f) => f.kind === 'filled');
  const perMin = filled.length / c.speechMinutes;
  const ev = [
    `transcript unreliable (${why}): discourse markers, hedges and phrase length are not judged`,
    `${filled.length} filled pauses found in the audio, ${perMin.toFixed(1)} per minute (reference: up to ${FILLERS_OK_PER_MIN})${filled.length ? ` (${times(filled)})` : ''}`,
  ];
  const tip = perMin > FILLERS_OK_PER_MIN ? 'Replace "um" and "uh" with a silent pause: pausing sounds more composed than filling.' : 'Speak close to the microphone in a quiet room so the wording can be checked too.';
  return { value: round(fillerValue(perMin)), evidence: ev, tip };
}
