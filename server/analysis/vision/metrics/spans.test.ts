import { describe, expect, it } from 'vitest';
import { clock, flagSpans, formatSpans, ratio } from './spans.js';

const frames = (flags: boolean[], fps = 2) => flags.map((f, i) => ({ t: i / fps, f }));

describe('flagSpans', () => {
  it('merges consecutive flagged frames and ends a span one frame after its last frame', () => {
    const s = flagSpans(frames([false, true, true, true, false, false, true, true, true, true]), (x) => x.f, 0.5);
    expect(s).toEqual([{ start: 0.5, end: 2 }, { start: 3, end: 5 }]);
  });
  it('drops spans shorter than 1 s (a single frame at 2 fps lasts 0.5 s)', () => {
    expect(flagSpans(frames([true, false, true, true, false]), (x) => x.f, 0.5)).toEqual([{ start: 1, end: 2 }]);
  });
  it('returns no spans for an empty series', () => {
    expect(flagSpans([], () => true, 0.5)).toEqual([]);
  });
});

describe('formatting', () => {
  it('formats seconds as m:ss', () => {
    expect(clock(14.2)).toBe('0:14');
    expect(clock(74.6)).toBe('1:15');
  });
  it('lists spans and says how many more', () => {
    const spans = [{ start: 14, end: 19 }, { start: 31, end: 35 }, { start: 40, end: 42 }];
    expect(formatSpans(spans)).toBe('0:14-0:19, 0:31-0:35, 0:40-0:42');
    expect(formatSpans(spans, 2)).toBe('0:14-0:19, 0:31-0:35 and 1 more');
  });
  it('ratio is null without items', () => {
    expect(ratio([], () => true)).toBeNull();
    expect(ratio([1, 2, 3], (v) => v > 1)).toBe(0.667);
  });
});
