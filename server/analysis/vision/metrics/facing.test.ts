import { describe, expect, it } from 'vitest';
import { FACING_CLIPS, face, recorded, series } from '../../../../test/vision/frames.js';
import { facingCameraRatio, facingOverallRatio, isFacing, lookingAwaySpans } from './facing.js';

describe('isFacing', () => {
  it('accepts a frontal head with the eyes on the camera', () => {
    expect(isFacing(face({ yaw: 3, pitch: 8, eyeYaw: -4 }))).toBe(true);
  });
  it('rejects a head turned more than 12 degrees', () => {
    expect(isFacing(face({ yaw: 20, eyeYaw: 0 }))).toBe(false);
    expect(isFacing(face({ yaw: -38, eyeYaw: -4 }))).toBe(false);
  });
  it('rejects a head tilted far down (reading notes)', () => {
    expect(isFacing(face({ pitch: 30 }))).toBe(false);
  });
  it('rejects a frontal head whose eyes look well to the side', () => {
    expect(isFacing(face({ yaw: 8, eyeYaw: 12 }))).toBe(false);
  });
  it('uses the head pose alone when the iris was not found', () => {
    expect(isFacing(face({ yaw: 5, eyeYaw: null }))).toBe(true);
  });
});

describe('facing the camera on recorded fixture frames', () => {
  it.each(FACING_CLIPS)('is high (>= 0.8) for the frontal astronaut in %s', (name) => {
    expect(facingCameraRatio(recorded(name).frames)).toBeGreaterThanOrEqual(0.8);
  });
  it('is low (<= 0.3) for the man in profile in looking-away.webm', () => {
    const { frames, fps } = recorded('looking-away.webm');
    expect(facingCameraRatio(frames)).toBeLessThanOrEqual(0.3);
    const spans = lookingAwaySpans(frames, 1 / fps);
    const covered = spans.reduce((s, x) => s + x.end - x.start, 0);
    expect(covered).toBeGreaterThan(0.7 * frames.length / fps);
  });
});

describe('looking-away spans on synthetic frames', () => {
  it('finds a 3 s glance away and ignores a half-second one', () => {
    const frames = series(40, 2, (i) => (i >= 10 && i < 16 ? { face: face({ yaw: 30 }) } : i === 30 ? { face: face({ yaw: -30 }) } : {}));
    expect(lookingAwaySpans(frames, 0.5)).toEqual([{ start: 5, end: 8 }]);
    expect(facingCameraRatio(frames)).toBe(0.825);
  });
  it('counts missing faces as not facing in the overall ratio only', () => {
    const frames = series(10, 2, (i) => (i < 5 ? { face: null, faceCount: 0 } : {}));
    expect(facingCameraRatio(frames)).toBe(1);
    expect(facingOverallRatio(frames)).toBe(0.5);
  });
});
