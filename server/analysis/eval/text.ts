/**
 * Text normalisation for the accuracy harness: both the truth and the recognizer's text are lower-cased,
 * stripped of punctuation, common spellings unified ("mr." = mister, "yknow" = you know) and filled pauses
 * (um, uh, er, ...) removed, so WER measures the words, not the fillers (they are scored separately).
 */
import { wordErrorRate } from '../text/wer.js';

export const FILLED_PAUSE_WORDS = new Set(['um', 'uh', 'er', 'erm', 'ah', 'hmm', 'umm', 'uhm', 'mm', 'hm', 'mhm']);

const SPELLINGS: Record<string, string> = {
  'mr.': 'mister',
  'mrs.': 'missus',
  'dr.': 'doctor',
  'st.': 'saint',
  yknow: 'you know',
  "y'know": 'you know',
  ok: 'okay',
  alright: 'all right',
  '&': 'and',
};

/** Normalised words of `text` (fillers dropped unless keepFillers). */
export function normaliseWords(text: string, keepFillers = false): string[] {
  const spaced = text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .split(/\s+/)
    .map((w) => SPELLINGS[w] ?? SPELLINGS[w.replace(/[^a-z0-9'.&]/g, '')] ?? w)
    .join(' ');
  const words = spaced
    .replace(/[^a-z0-9'\s-]/g, ' ')
    .replace(/-/g, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean);
  return keepFillers ? words : words.filter((w) => !FILLED_PAUSE_WORDS.has(w));
}

export interface WerResult {
  /** errors / reference words (0 when both are empty) */
  wer: number;
  errors: number;
  refWords: number;
}

/** WER with fillers ignored on both sides, on normalised words. */
export function werIgnoringFillers(reference: string, hypothesis: string): WerResult {
  const r = normaliseWords(reference);
  const h = normaliseWords(hypothesis);
  const wer = wordErrorRate(r.join(' '), h.join(' '));
  return { wer, errors: Math.round(wer * r.length), refWords: r.length };
}
