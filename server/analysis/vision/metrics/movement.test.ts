import { describe, expect, it } from 'vitest';
import { body, recorded, series } from '../../../../test/vision/frames.js';
import { motionSteps, movement } from './movement.js';

const ASPECT = 4 / 3;
/** deterministic pseudo-random jitter in [-a, a] */
const jitter = (i: number, a: number) => a * Math.sin(i * 12.9898) * Math.cos(i * 78.233);

describe('movement on synthetic frames', () => {
  it('reads small keypoint jitter as still', () => {
    const frames = series(20, 2, (i) => ({ body: body(jitter(i, 0.004), jitter(i + 7, 0.004)) }));
    const m = movement(frames, ASPECT);
    expect(m.stillRatio).toBe(1);
    expect(m.restlessRatio).toBe(0);
    expect(m.motionMean).toBeLessThan(0.1);
  });
  it('reads rocking side to side as restless', () => {
    // the whole upper body moves 0.15 frame widths every half second: 0.75 shoulder widths per second
    const frames = series(20, 2, (i) => ({ body: body(i % 2 ? 0.15 : 0, 0) }));
    const m = movement(frames, ASPECT);
    expect(m.restlessRatio).toBe(1);
    expect(m.motionMean).toBeCloseTo(0.75, 2);
  });
  it('finds gestures: a wrist moving against steady shoulders', () => {
    const frames = series(20, 2, (i) => ({
      body: body(0, 0, { leftWrist: [0.7, i % 2 ? 0.6 : 0.85, 0.8] }),
    }));
    const m = movement(frames, ASPECT);
    expect(m.handsVisibleRatio).toBe(1);
    expect(m.gestureRatio).toBe(1);
    expect(m.stillRatio).toBe(1);
  });
  it('hands resting out of view are no gestures', () => {
    const m = movement(series(10, 2), ASPECT);
    expect(m.handsVisibleRatio).toBe(0);
    expect(m.gestureRatio).toBe(0);
  });
  it('cannot measure motion without a body or a face', () => {
    const steps = motionSteps(series(3, 2, () => ({ body: null, face: null, faceCount: 0 })), ASPECT);
    expect(steps.every((s) => s.motion === null)).toBe(true);
    expect(movement(series(3, 2, () => ({ body: null })), ASPECT).motionMean).toBeNull();
  });
});

describe('movement on recorded fixture frames (a still photo with a slow zoom)', () => {
  it('reads the astronaut as still, with no restless movement', () => {
    const m = movement(recorded('clear-answer.webm').frames, ASPECT);
    expect(m.stillRatio).toBeGreaterThanOrEqual(0.9);
    expect(m.restlessRatio).toBe(0);
  });
});
