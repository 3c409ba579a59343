/**
 * Whether the transcript is good enough to judge what was said. Reads `transcript.reliability.level` when the
 * recogniser stage sets it ('low' blocks; 'good'/'fair' are trusted), and checks on its own: at least MIN_WORDS words
 * and, when no level is set and words carry a confidence, a mean confidence of at least MIN_CONFIDENCE.
 */
import type { Report } from '../report.js';

export const MIN_WORDS = 25;
export const MIN_CONFIDENCE = 0.5;
/** Levels written by the recogniser stage that mean "do not judge the words". */
const UNRELIABLE_LEVELS = new Set(['low', 'unreliable', 'poor', 'none', 'too-short', 'too short']);

export type Gate = { reliable: true; reason: null } | { reliable: false; reason: string };

export function transcriptGate(report: Pick<Report, 'transcript'>): Gate {
  const t = report.transcript;
  if (!t) return { reliable: false, reason: 'No transcript: the engine did not recognise the words, so nothing is said about the content.' };
  const rel = (t as { reliability?: { level?: unknown; reasons?: unknown; meanConfidence?: unknown } }).reliability;
  const level = typeof rel?.level === 'string' ? rel.level.toLowerCase() : null;
  if (level && UNRELIABLE_LEVELS.has(level)) {
    const why = Array.isArray(rel?.reasons) && rel.reasons.length > 0 ? ` (${rel.reasons.map(String).join('; ')})` : '';
    return { reliable: false, reason: `The transcript is marked unreliable${why}, so nothing is said about the content.` };
  }
  const n = t.words.length;
  if (n < MIN_WORDS) return { reliable: false, reason: `Only ${n} word${n === 1 ? ' was' : 's were'} recognised (at least ${MIN_WORDS} are needed to judge the content).` };
  // A level from the recogniser stage already weighs its confidence: trust it, so key points and content agree.
  if (level) return { reliable: true, reason: null };
  const confs = t.words.map((w) => (w as { confidence?: unknown }).confidence).filter((c): c is number => typeof c === 'number' && Number.isFinite(c));
  const mean = typeof rel?.meanConfidence === 'number' ? rel.meanConfidence : confs.length >= n / 2 ? confs.reduce((a, b) => a + b, 0) / confs.length : null;
  if (mean !== null && mean < MIN_CONFIDENCE) {
    return { reliable: false, reason: `The recogniser's mean word confidence is ${mean.toFixed(2)} (below ${MIN_CONFIDENCE}), so the words are too uncertain to judge the content.` };
  }
  return { reliable: true, reason: null };
}
