import { describe, expect, it } from 'vitest';
import { face, recorded, series } from '../../../../test/vision/frames.js';
import { distanceOf, framing, isCentred } from './framing.js';

describe('framing', () => {
  it('classifies position and distance from the face box', () => {
    expect(isCentred(face({ box: [0.35, 0.2, 0.3, 0.4] }))).toBe(true);
    expect(isCentred(face({ box: [0.0, 0.2, 0.2, 0.3] }))).toBe(false);
    expect(distanceOf(face({ box: [0.45, 0.3, 0.06, 0.08] }))).toBe('too far');
    expect(distanceOf(face({ box: [0.2, 0.0, 0.6, 0.9] }))).toBe('too close');
  });
  it('summarises the share of well-framed frames', () => {
    const f = framing(series(10, 2, (i) => (i < 3 ? { face: face({ box: [0.02, 0.2, 0.2, 0.3] }) } : {})));
    expect(f.centredRatio).toBe(0.7);
    expect(f.wellFramedRatio).toBe(0.7);
    expect(f.faceWidthMedian).toBe(0.3);
  });
  it('finds the astronaut centred at a good distance', () => {
    expect(framing(recorded('clear-answer.webm').frames).wellFramedRatio).toBeGreaterThanOrEqual(0.9);
  });
});
