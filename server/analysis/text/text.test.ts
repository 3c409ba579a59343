import { describe, expect, it } from 'vitest';
import { findFillers } from './fillers.js';
import { clarityFacts, keyPoints, sentencesFromWords } from './keyPoints.js';
import { wordErrorRate } from './wer.js';

const words = (s: string, gapAt: number[] = []) => {
  let t = 0;
  return s.split(' ').map((text, i) => {
    if (gapAt.includes(i)) t += 1;
    const w = { text, start: t, end: t + 0.3 };
    t += 0.35;
    return w;
  });
};

describe('WER', () => {
  it('counts substitutions, deletions and insertions over reference words', () => {
    expect(wordErrorRate('the cat sat', 'the cat sat')).toBe(0);
    expect(wordErrorRate('the cat sat', 'the bat sat down')).toBeCloseTo(2 / 3);
    expect(wordErrorRate('In my role, I looked.', 'in my role i')).toBeCloseTo(1 / 5);
    expect(wordErrorRate('', 'x')).toBe(1);
  });
});

describe('fillers', () => {
  it('separates filled pauses from discourse markers, with times', () => {
    const f = findFillers(words('um so i mean it was like you know great uh', [1]));
    expect(f.map((x) => `${x.kind}:${x.text}`)).toEqual(['filled:um', 'marker:so', 'marker:i mean', 'marker:you know', 'filled:uh']);
    expect(f[1]!.start).toBeGreaterThan(1);
  });
});

describe('key points and clarity', () => {
  it('cuts phrases at pauses and prefers sentences about the question', () => {
    const w = words('my biggest strength is staying calm under pressure at work every day then we went to lunch and ate some soup together quickly', [12]);
    expect(sentencesFromWords(w)).toHaveLength(2);
    const kp = keyPoints(w, 'What is your biggest strength?', 1);
    expect(kp[0]).toMatch(/^0:00 my biggest strength/);
    const c = clarityFacts(words('i think maybe it was kind of fine'), 'Was it fine?');
    expect(c.hedges.map((h) => h.text)).toEqual(['i think', 'maybe', 'kind of']);
    expect(c.questionWordsReused).toEqual(['fine']);
  });
});
