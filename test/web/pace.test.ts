import { describe, expect, it } from 'vitest';
import { paceSeries, type TimedWord } from '../../web/src/lib/pace.js';

/** n words evenly spaced, `perSec` words per second, starting at t0. */
function evenWords(n: number, perSec: number, t0 = 0): TimedWord[] {
  const gap = 1 / perSec;
  return Array.from({ length: n }, (_, i) => ({ text: `w${i}`, start: t0 + i * gap, end: t0 + i * gap + gap * 0.8 }));
}

describe('paceSeries', () => {
  it('gives 120 wpm everywhere for 2 words per second', () => {
    const pts = paceSeries(evenWords(60, 2, 1), { windowSec: 10, stepSec: 1 });
    expect(pts.length).toBeGreaterThan(15);
    for (const p of pts) {
      expect(p.wpm).toBeGreaterThan(110);
      expect(p.wpm).toBeLessThan(130);
    }
    // window centres start half a window after the first word
    expect(pts[0]?.t).toBeCloseTo(6, 5);
  });

  it('follows a change of pace', () => {
    const slow = evenWords(20, 1.5, 0); // 90 wpm for ~13 s
    const lastEnd = slow[slow.length - 1]!.end;
    const fast = evenWords(60, 3, lastEnd + 0.2); // 180 wpm for ~20 s
    const pts = paceSeries([...slow, ...fast], { windowSec: 6, stepSec: 1 });
    const first = pts[0]!;
    const last = pts[pts.length - 1]!;
    expect(first.wpm).toBeGreaterThan(75);
    expect(first.wpm).toBeLessThan(105);
    expect(last.wpm).toBeGreaterThan(165);
    expect(last.wpm).toBeLessThan(195);
  });

  it('returns one point when speech is shorter than the window', () => {
    const pts = paceSeries(evenWords(8, 2, 0), { windowSec: 10 });
    expect(pts).toHaveLength(1);
    // 8 words over 3.9 s
    expect(pts[0]!.wpm).toBeCloseTo((8 / 3.9) * 60, 0);
  });

  it('returns nothing without enough words', () => {
    expect(paceSeries([])).toEqual([]);
    expect(paceSeries([{ text: 'hi', start: 1, end: 1.3 }])).toEqual([]);
  });

  it("uses the report's speech span, so a short answer shows exactly the report's pace", () => {
    const words = evenWords(10, 2, 1); // 10 words, first start 1 s, last end 5.9 s
    const pts = paceSeries(words, { span: { start: 0.8, end: 6.8 } });
    expect(pts).toEqual([{ t: 3.8, wpm: 100 }]); // 10 words / 6 s, as speech.wpm = words / VAD span
    expect(paceSeries(words)[0]!.wpm).toBeCloseTo((10 / 4.9) * 60, 0);
  });

  it("weighs the words of the stretches the report's pace recounted by their syllables, so chart and figure agree", () => {
    // mfa_um.wav as the local engine reports it: 6 words, "all i'm air" (6.23-6.73 s) counted as 1.63 words
    const words = [
      { text: 'montreal', start: 1.2, end: 2.02 },
      { text: 'forest', start: 2.03, end: 2.81 },
      { text: 'um', start: 3.73, end: 4.82 },
      { text: 'all', start: 6.23, end: 6.38 },
      { text: "i'm", start: 6.39, end: 6.56 },
      { text: 'air', start: 6.57, end: 6.73 },
    ];
    const recounted = [
      { start: 2.03, end: 2.81, words: 1, counted: 0.81 },
      { start: 6.23, end: 6.73, words: 3, counted: 1.63 },
    ];
    const span = { start: 1.22, end: 6.81 };
    // speech.paceWordCount 4.44 over 5.59 s: speech.wpm 47.7, the same figure
    expect(paceSeries(words, { span, recounted })).toEqual([{ t: 4.01, wpm: 47.7 }]);
    expect(paceSeries(words, { span })[0]!.wpm).toBeCloseTo((6 / 5.59) * 60, 1);
  });
});
