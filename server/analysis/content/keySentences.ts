/**
 * Key points as whole sentences: sentences of >= 6 words scored by the mean frequency of their content words in
 * the answer (what the answer keeps coming back to) + 2 x the question terms they use + 0.05 x their content
 * words; the top `n`, in spoken order, with their time.
 */
import type { TimedText } from '../report.js';
import { questionTerms } from './relevance.js';
import { isContent, type Sentence, stem } from './words.js';

export function keySentences(sents: readonly Sentence[], question: string, n = 3): TimedText[] {
  const freq = new Map<string, number>();
  const contentOf = (s: Sentence) => s.text.split(/\s+/).filter(isContent).map(stem);
  for (const s of sents) for (const w of contentOf(s)) freq.set(w, (freq.get(w) ?? 0) + 1);
  const q = new Set(questionTerms(question).map(stem));
  return sents
    .map((s, i) => {
      const cw = contentOf(s);
      const f = cw.reduce((a, w) => a + (freq.get(w) ?? 0), 0) / Math.max(1, cw.length);
      return { i, s, words: s.text.split(/\s+/).length, score: f + 2 * cw.filter((w) => q.has(w)).length + 0.05 * cw.length };
    })
    .filter((x) => x.words >= 6)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, n)
    .sort((a, b) => a.i - b.i)
    .map(({ s }) => ({ text: s.text, start: s.start, end: s.end }));
}
