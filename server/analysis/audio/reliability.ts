/**
 * How far the transcript can be trusted, from the recognizer's own word confidence and from the
 * disagreement between its word count and the audio's syllable-nuclei estimate. On the real set
 * (docs/accuracy.md) clips with mean confidence under 0.45 had a median WER of 70 %; those at 0.6 or more,
 * 17 %. Below "fair", key points and wording-based clarity claims are not made (the coach reads
 * transcript.reliability.level too).
 */
import type { TranscriptReliability } from '../report.js';

export type { TranscriptReliability };
type ReliabilityLevel = TranscriptReliability['level'];

export const LOW_CONFIDENCE = 0.45;
export const FAIR_CONFIDENCE = 0.6;
export const MAX_COUNT_DISAGREEMENT = 0.5;

const r2 = (x: number): number => Math.round(x * 100) / 100;

export function transcriptReliability(words: ReadonlyArray<{ confidence?: number }>, syllableWordEstimate: number | null): TranscriptReliability {
  const confs = words.map((w) => w.confidence).filter((c): c is number => typeof c === 'number' && Number.isFinite(c));
  const meanConfidence = confs.length ? r2(confs.reduce((a, b) => a + Math.min(1, Math.max(0, b)), 0) / confs.length) : null;
  const est = syllableWordEstimate !== null && syllableWordEstimate > 0 ? Math.round(syllableWordEstimate) : null;
  const countDisagreement = est ? r2(Math.abs(words.length - est) / est) : null;
  const reasons: string[] = [];
  let level: ReliabilityLevel = 'good';
  if (meanConfidence !== null && meanConfidence < LOW_CONFIDENCE) {
    level = 'low';
    reasons.push(`the recognizer's mean word confidence is ${meanConfidence} (below ${LOW_CONFIDENCE})`);
  } else if (meanConfidence !== null && meanConfidence < FAIR_CONFIDENCE) {
    level = 'fair';
    reasons.push(`the recognizer's mean word confidence is ${meanConfidence} (below ${FAIR_CONFIDENCE})`);
  }
  if (countDisagreement !== null && countDisagreement > MAX_COUNT_DISAGREEMENT) {
    level = 'low';
    reasons.push(`${words.length} words recognised where the audio's syllables suggest about ${est}`);
  }
  if (meanConfidence === null && countDisagreement === null) {
    level = 'fair';
    reasons.push('no confidence or syllable estimate to check the transcript against');
  }
  return { level, reasons, meanConfidence, wordCount: words.length, syllableWordEstimate: est, countDisagreement };
}
