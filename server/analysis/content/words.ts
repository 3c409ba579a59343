/** Word helpers shared by the content stages: normalised tokens, stems, stop words and whole sentences with times. */
import { stemmer } from 'stemmer';
import type { Word } from '../report.js';

export function norm(w: string): string {
  return w.toLowerCase().replace(/[’`]/g, "'").replace(/[^a-z0-9']/g, '');
}

export function stem(w: string): string {
  return stemmer(norm(w).replace(/'s$/, ''));
}

/** Function words and interview filler that carry no topic. */
export const STOP = new Set(
  (
    "a an the and or but so if of to in on at for with by from as is are was were be been being am i i'm i've i'd me my mine we we're our us you your " +
    "he she it it's its they them their this that these those there here what which who whom how when where why do does did done doing have has had having " +
    'not no yes just very really can could would should will shall may might must um uh er ah hmm like know mean well then than also about into out up down ' +
    'over more most some any all each other such only own same too now get got go going went make made one two thing things lot lots way ' +
    "need needs want wants seek seeking looking join joining own owns will under within during without through between across against toward towards something anything everything someone dont don't didn't can't won't let let's okay ok yeah oh because while after before again once"
  ).split(' '),
);

/** Words of interview questions that say how to answer, not what about ("Tell me about a time you..."). */
export const QUESTION_FRAME = new Set(
  'tell describe explain give example time times talk share walk through work situation would your you think feel please briefly kind sort recent recently describe handled handle'.split(' '),
);

export function isContent(w: string): boolean {
  const n = norm(w);
  return n.length > 2 && !STOP.has(n) && !/^\d+$/.test(n);
}

export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** Index of the first and last word in `transcript.words`. */
  first: number;
  last: number;
}

const ENDS_SENTENCE = /[.!?]["')\]]*$/;

/**
 * Whole sentences with times. When the recogniser punctuates, sentences end at . ! ?; otherwise (pocketsphinx)
 * at gaps >= `gapSec` between words, fragments shorter than `minWords` joined to the sentence before, and runs
 * longer than `maxWords` cut at their largest gap.
 */
export function sentences(words: readonly Word[], gapSec = 0.5, minWords = 6, maxWords = 35): Sentence[] {
  if (words.length === 0) return [];
  const punctuated = words.some((w) => ENDS_SENTENCE.test(w.text));
  const cuts: number[] = []; // index of the first word of each sentence after the first
  for (let i = 1; i < words.length; i++) {
    if (punctuated ? ENDS_SENTENCE.test(words[i - 1]!.text) : words[i]!.start - words[i - 1]!.end >= gapSec) cuts.push(i);
  }
  let ranges: Array<[number, number]> = [];
  let from = 0;
  for (const c of [...cuts, words.length]) {
    ranges.push([from, c - 1]);
    from = c;
  }
  if (!punctuated) {
    // join short fragments to the sentence before (or after, for the first)
    const joined: Array<[number, number]> = [];
    for (const r of ranges) {
      const prev = joined[joined.length - 1];
      if (prev && (r[1] - r[0] + 1 < minWords || prev[1] - prev[0] + 1 < minWords)) prev[1] = r[1];
      else joined.push([...r]);
    }
    ranges = [];
    const split = (a: number, b: number): void => {
      if (b - a + 1 <= maxWords) {
        ranges.push([a, b]);
        return;
      }
      let best = a + Math.floor((b - a) / 2);
      let bestGap = -1;
      for (let i = a + minWords; i <= b - minWords + 1; i++) {
        const g = words[i]!.start - words[i - 1]!.end;
        if (g > bestGap) {
          bestGap = g;
          best = i;
        }
      }
      split(a, best - 1);
      split(best, b);
    };
    for (const [a, b] of joined) split(a, b);
  }
  return ranges.map(([a, b]) => ({
    text: words
      .slice(a, b + 1)
      .map((w) => w.text)
      .join(' '),
    start: words[a]!.start,
    end: words[b]!.end,
    first: a,
    last: b,
  }));
}

/** Position of a phrase (list of normalised words) in the normalised token list, from `from`; -1 if absent. */
export function findPhrase(tokens: readonly string[], phrase: readonly string[], from = 0): number {
  outer: for (let i = from; i <= tokens.length - phrase.length; i++) {
    for (let k = 0; k < phrase.length; k++) if (tokens[i + k] !== phrase[k]) continue outer;
    return i;
  }
  return -1;
}

export const round = (v: number, d = 1): number => Math.round(v * 10 ** d) / 10 ** d;
