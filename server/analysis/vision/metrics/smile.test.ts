import { describe, expect, it } from 'vitest';
import { face, recorded, series } from '../../../../test/vision/frames.js';
import { smileRatio } from './smile.js';

describe('smile geometry', () => {
  it('counts frames whose mouth corners are raised', () => {
    const frames = series(10, 2, (i) => ({ face: face({ mouthCornerLift: i < 4 ? 0.12 : -0.02 }) }));
    expect(smileRatio(frames)).toBe(0.4);
  });
  it('is null when no mouth was measured', () => {
    expect(smileRatio(series(3, 2, () => ({ face: null })))).toBeNull();
  });
  it('sees the smiling astronaut smile and the man in profile not', () => {
    expect(smileRatio(recorded('clear-answer.webm').frames)).toBeGreaterThan(0.8);
    expect(smileRatio(recorded('looking-away.webm').frames)).toBeLessThan(0.2);
  });
});
