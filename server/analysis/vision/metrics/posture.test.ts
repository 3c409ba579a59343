import { describe, expect, it } from 'vitest';
import { body, recorded, series } from '../../../../test/vision/frames.js';
import { posture, shoulderGeometry } from './posture.js';

const ASPECT = 4 / 3;

describe('posture on synthetic frames', () => {
  it('reads level shoulders and an upright head', () => {
    const p = posture(series(10, 2), ASPECT);
    expect(p).toMatchObject({ shouldersVisibleRatio: 1, shouldersLevelRatio: 1, leaningRatio: 0, slouchRatio: 0 });
    expect(p.meanShoulderTiltDeg).toBe(0);
  });
  it('measures the shoulder tilt in degrees (y scaled by the aspect ratio)', () => {
    // right shoulder 0.1 frame heights lower than the left over 0.4 frame widths: atan(0.075 / 0.4) = 10.6 deg
    const g = shoulderGeometry(series(1, 2, () => ({ body: body(0, 0, { rightShoulder: [0.3, 0.85, 0.8] }) }))[0]!, ASPECT);
    expect(Math.abs(g!.tiltDeg)).toBeCloseTo(10.6, 1);
  });
  it('finds leaning to one side', () => {
    const p = posture(series(10, 2, (i) => (i < 4 ? { body: body(0, 0, { nose: [0.65, 0.35, 0.8] }) } : {})), ASPECT);
    expect(p.leaningRatio).toBe(0.4);
  });
  it('finds slouching relative to the person\'s own upright posture', () => {
    const p = posture(series(10, 2, (i) => (i >= 5 ? { body: body(0, 0, { nose: [0.5, 0.55, 0.8] }) } : {})), ASPECT);
    expect(p.slouchRatio).toBe(0.5);
  });
  it('is unmeasured without shoulders', () => {
    const p = posture(series(4, 2, () => ({ body: null })), ASPECT);
    expect(p.shouldersVisibleRatio).toBe(0);
    expect(p.shouldersLevelRatio).toBeNull();
  });
});

describe('posture on recorded fixture frames', () => {
  it('sees the shoulders of the astronaut and of the man in profile', () => {
    expect(posture(recorded('clear-answer.webm').frames, ASPECT).shouldersVisibleRatio).toBeGreaterThan(0.8);
    expect(posture(recorded('looking-away.webm').frames, ASPECT).shouldersVisibleRatio).toBeGreaterThan(0.8);
  });
  it('sees no shoulders on the test pattern', () => {
    expect(posture(recorded('no-face.webm').frames, ASPECT).shouldersVisibleRatio).toBeLessThan(0.1);
  });
});
