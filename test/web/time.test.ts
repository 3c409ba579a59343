import { describe, expect, it } from 'vitest';
import { formatDuration, formatTime } from '../../web/src/lib/time.js';

describe('formatTime', () => {
  it('formats seconds as m:ss', () => {
    expect(formatTime(0)).toBe('0:00');
    expect(formatTime(5.9)).toBe('0:05');
    expect(formatTime(75.4)).toBe('1:15');
    expect(formatTime(600)).toBe('10:00');
  });
  it('shows 0:00 for invalid input', () => {
    expect(formatTime(-3)).toBe('0:00');
    expect(formatTime(Number.NaN)).toBe('0:00');
    expect(formatTime(Number.POSITIVE_INFINITY)).toBe('0:00');
  });
});

describe('formatDuration', () => {
  it('uses seconds below a minute and minutes above', () => {
    expect(formatDuration(45.2)).toBe('45 s');
    expect(formatDuration(125)).toBe('2 min 5 s');
    expect(formatDuration(120)).toBe('2 min');
    expect(formatDuration(null)).toBe('—');
  });
});
