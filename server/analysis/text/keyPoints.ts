/**
 * Extractive key points and clarity facts from the transcript. pocketsphinx gives no punctuation, so the
 * transcript is cut into "sentences" at pauses (>= 0.35 s between words) or every 30 words.
 */
import type { Word } from '../report.js';
import { normalise } from './fillers.js';

const STOP = new Set('a an the and or but so if of to in on at for with by from as is are was were be been am i me my we our you your he she it its they them their this that these those there here what which who how when where why do does did have has had not no yes just very really can could would should will um uh er ah hmm like know mean well then than also about into out up down over more most some any all'.split(' '));
export const HEDGES: readonly string[][] = [['maybe'], ['perhaps'], ['probably'], ['i', 'guess'], ['kind', 'of'], ['sort', 'of'], ['i', 'think'], ['i', 'suppose']];

export function sentencesFromWords(words: readonly Word[], gapSec = 0.35, maxWords = 30): Word[][] {
  const out: Word[][] = [];
  let cur: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (cur.length > 0 && (w.start - words[i - 1]!.end >= gapSec || cur.length >= maxWords)) {
      out.push(cur);
      cur = [];
    }
    cur.push(w);
  }
  if (cur.length) out.push(cur);
  return out;
}

export function contentWords(text: string): string[] {
  return text.split(/\s+/).map(normalise).filter((w) => w.length > 2 && !STOP.has(w));
}

/**
 * Up to `n` sentences (>= 5 words) scored by the mean document frequency of their content words plus 2x their
 * overlap with the question; returned in spoken order with their start time ("0:12 ...").
 */
export function keyPoints(words: readonly Word[], question: string, n = 3): string[] {
  const sents = sentencesFromWords(words).filter((s) => s.length >= 5);
  const freq = new Map<string, number>();
  for (const w of contentWords(words.map((x) => x.text).join(' '))) freq.set(w, (freq.get(w) ?? 0) + 1);
  const q = new Set(contentWords(question));
  const scored = sents.map((s, i) => {
    const cw = contentWords(s.map((x) => x.text).join(' '));
    const f = cw.reduce((a, w) => a + (freq.get(w) ?? 0), 0) / Math.max(1, cw.length);
    const overlap = cw.filter((w) => q.has(w)).length;
    return { i, s, score: f + 2 * overlap + cw.length * 0.05 };
  });
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, n)
    .sort((a, b) => a.i - b.i)
    .map(({ s }) => `${clock(s[0]!.start)} ${s.map((w) => w.text).join(' ')}`);
}

export interface ClarityFacts {
  questionWordsReused: string[];
  hedges: Array<{ text: string; start: number }>;
  meanSentenceWords: number | null;
  sentenceCount: number;
}

export function clarityFacts(words: readonly Word[], question: string): ClarityFacts {
  const t = words.map((w) => normalise(w.text));
  const q = new Set(contentWords(question));
  const reused = [...new Set(t.filter((w) => q.has(w)))];
  const hedges: ClarityFacts['hedges'] = [];
  for (let i = 0; i < t.length; i++) {
    for (const h of HEDGES) {
      if (h.every((x, k) => t[i + k] === x)) {
        hedges.push({ text: h.join(' '), start: words[i]!.start });
        i += h.length - 1;
        break;
      }
    }
  }
  const sents = sentencesFromWords(words);
  return {
    questionWordsReused: reused,
    hedges,
    meanSentenceWords: sents.length ? Math.round((words.length / sents.length) * 10) / 10 : null,
    sentenceCount: sents.length,
  };
}

export function clock(sec: number): string {
  const s = Math.max(0, Math.round(sec));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
