import { describe, expect, it } from 'vitest';
import { partAt, rovingTarget } from '../../web/src/lib/roving';

describe('rovingTarget', () => {
  it('moves one item with the arrows, ten with Page keys, to the ends with Home/End, and stops at the ends', () => {
    expect(rovingTarget(3, 'ArrowRight', 5)).toBe(4);
    expect(rovingTarget(4, 'ArrowRight', 5)).toBe(4);
    expect(rovingTarget(3, 'ArrowLeft', 5)).toBe(2);
    expect(rovingTarget(0, 'ArrowUp', 5)).toBe(0);
    expect(rovingTarget(1, 'PageDown', 30)).toBe(11);
    expect(rovingTarget(25, 'PageDown', 30)).toBe(29);
    expect(rovingTarget(5, 'PageUp', 30)).toBe(0);
    expect(rovingTarget(7, 'Home', 30)).toBe(0);
    expect(rovingTarget(7, 'End', 30)).toBe(29);
  });
  it('ignores other keys and empty lists, and clamps a stale position', () => {
    expect(rovingTarget(3, 'Enter', 5)).toBeNull();
    expect(rovingTarget(0, 'ArrowRight', 0)).toBeNull();
    expect(rovingTarget(12, 'ArrowLeft', 5)).toBe(3);
  });
});

describe('partAt', () => {
  const spans = [
    { part: 'situation', start: 1, end: 5.2 },
    { part: 'result', start: 20, end: 24 },
  ] as const;
  it('finds the span a time falls in, inclusive of its ends', () => {
    expect(partAt(spans, 1)).toBe('situation');
    expect(partAt(spans, 5.2)).toBe('situation');
    expect(partAt(spans, 22)).toBe('result');
    expect(partAt(spans, 10)).toBeNull();
  });
});
