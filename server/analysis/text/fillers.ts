/** Fillers: filled pauses (um, uh, er, ah, hmm) and discourse markers (like, you know, I mean, ...), with times. */
import type { Filler, Word } from '../report.js';

export const FILLED_PAUSES = new Set(['um', 'uh', 'er', 'ah', 'hmm', 'umm', 'uhm', 'erm', 'mm']);
/** Multi-word markers first so "you know" wins over a lone "you". */
export const DISCOURSE_MARKERS: readonly string[][] = [['you', 'know'], ['i', 'mean'], ['like'], ['basically'], ['actually'], ['so'], ['well'], ['right'], ['literally']];

export function normalise(w: string): string {
  return w.toLowerCase().replace(/[^a-z']/g, '');
}

/**
 * Every filled pause, and every discourse marker. "so"/"well"/"like" are counted only at a phrase start
 * (first word, or after a >= 0.3 s gap), where they act as fillers rather than as "so much" or "I like".
 */
export function findFillers(words: readonly Word[]): Filler[] {
  const out: Filler[] = [];
  const t = words.map((w) => normalise(w.text));
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (FILLED_PAUSES.has(t[i]!)) {
      out.push({ text: t[i]!, start: w.start, end: w.end, kind: 'filled' });
      continue;
    }
    const phraseStart = i === 0 || w.start - words[i - 1]!.end >= 0.3;
    for (const m of DISCOURSE_MARKERS) {
      if (!m.every((x, k) => t[i + k] === x)) continue;
      const single = m.length === 1 && ['so', 'well', 'like', 'right'].includes(m[0]!);
      if (single && !phraseStart) break;
      const last = words[i + m.length - 1]!;
      out.push({ text: m.join(' '), start: w.start, end: last.end, kind: 'marker' });
      i += m.length - 1;
      break;
    }
  }
  return out;
}
