import { describe, expect, it } from 'vitest';
import { activeWordIndex, timelineMarks, transcriptTokens } from '../../web/src/lib/marks.js';

const words = [
  { text: 'So', start: 0.5, end: 0.8 },
  { text: 'um', start: 1.0, end: 1.3 },
  { text: 'I', start: 3.5, end: 3.6 },
  { text: 'led', start: 3.7, end: 4.0 },
  { text: 'it', start: 4.1, end: 4.3 },
];

describe('timelineMarks', () => {
  it('keeps only long pauses and positions marks in percent of the duration', () => {
    const marks = timelineMarks({
      durationSec: 10,
      fillers: [{ text: 'um', start: 1.0, end: 1.3, kind: 'filled' }],
      pauses: [
        { start: 1.3, end: 3.5 },
        { start: 4.0, end: 4.3 },
      ],
      lookingAwaySpans: [{ start: 6, end: 8 }],
      noFaceSpans: [{ start: 9, end: 12 }],
    });
    expect(marks.map((m) => m.kind)).toEqual(['filler', 'pause', 'lookingAway', 'noFace']);
    expect(marks[1]!.leftPct).toBeCloseTo(13, 5);
    expect(marks[1]!.widthPct).toBeCloseTo(22, 5);
    expect(marks[1]!.label).toBe('Pause 2.2 s');
    // clamped to the end of the bar
    expect(marks[3]!.end).toBe(10);
    expect(marks[3]!.widthPct).toBeCloseTo(10, 5);
  });

  it('returns nothing without a duration', () => {
    expect(timelineMarks({ durationSec: 0, pauses: [{ start: 0, end: 2 }] })).toEqual([]);
  });
});

describe('transcriptTokens', () => {
  it('flags filler words, inserts long pauses and unmatched fillers in time order', () => {
    const tokens = transcriptTokens(
      words,
      [
        { text: 'um', start: 1.0, end: 1.3 },
        { text: 'uh', start: 5.0, end: 5.2 },
      ],
      [
        { start: 1.3, end: 3.5 },
        { start: 0.8, end: 1.0 },
      ],
      [{ start: 3.6, end: 4.05 }],
    );
    expect(tokens.map((t) => (t.type === 'pause' ? '|' : t.text))).toEqual(['So', 'um', '|', 'I', 'led', 'it', 'uh']);
    const um = tokens[1];
    expect(um?.type === 'word' && um.filler).toBe(true);
    const led = tokens[4];
    expect(led?.type === 'word' && led.away).toBe(true);
    const it2 = tokens[5];
    expect(it2?.type === 'word' && it2.away).toBe(false);
    expect(tokens[6]?.type).toBe('filler');
  });
});

describe('activeWordIndex', () => {
  it('finds the word being spoken', () => {
    expect(activeWordIndex(words, 0.1)).toBe(-1);
    expect(activeWordIndex(words, 0.6)).toBe(0);
    expect(activeWordIndex(words, 1.1)).toBe(1);
    expect(activeWordIndex(words, 1.5)).toBe(1); // within grace
    expect(activeWordIndex(words, 2.5)).toBe(-1); // in a pause
    expect(activeWordIndex(words, 3.95)).toBe(3);
    expect(activeWordIndex(words, 99)).toBe(-1);
    expect(activeWordIndex([], 1)).toBe(-1);
  });
});
