import { describe, expect, it } from 'vitest';
import { eyeYawDeg, FACE_MIN_SCORE, mouthCornerLift, toFrameObs } from './features.js';

/** A 478-point mesh with the eye corners, irises and mouth points we read set explicitly. */
function mesh(irisShift = 0, cornerLift = 0): number[][] {
  const m: number[][] = Array.from({ length: 478 }, () => [0, 0, 0]);
  m[33] = [100, 100, 0]; m[133] = [130, 100, 0]; m[473] = [115 + irisShift, 100, 0];
  m[362] = [170, 100, 0]; m[263] = [200, 100, 0]; m[468] = [185 + irisShift, 100, 0];
  m[61] = [120, 200 - cornerLift, 0]; m[291] = [180, 200 - cornerLift, 0]; m[13] = [150, 198, 0]; m[14] = [150, 202, 0];
  return m;
}

describe('eye-in-head yaw from the iris', () => {
  it('is zero for centred irises', () => {
    expect(eyeYawDeg(mesh(0))).toBeCloseTo(0, 5);
  });
  it('grows with the iris shift: 3 px of a 30 px eye is asin(0.1 x 2.5) = 14.5 deg', () => {
    expect(eyeYawDeg(mesh(3))).toBeCloseTo(14.48, 1);
    expect(eyeYawDeg(mesh(-3))).toBeCloseTo(-14.48, 1);
  });
  it('is null without iris points', () => {
    expect(eyeYawDeg(mesh().slice(0, 468))).toBeNull();
  });
});

describe('mouth-corner lift', () => {
  it('is positive when the corners are above the lip centre', () => {
    expect(mouthCornerLift(mesh(0, 6))).toBeCloseTo(0.1, 5);
    expect(mouthCornerLift(mesh(0, -3))).toBeCloseTo(-0.05, 5);
  });
});

describe('toFrameObs', () => {
  const humanFace = (score: number, w: number) => ({
    score, boxRaw: [0.3, 0.2, w, w], mesh: mesh(), rotation: { angle: { yaw: 0.1, pitch: -0.05, roll: 0 } },
  });
  it('keeps faces above the score threshold and reports the largest, angles in degrees', () => {
    const obs = toFrameObs(1.5, { face: [humanFace(0.9, 0.2), humanFace(0.95, 0.3), humanFace(FACE_MIN_SCORE - 0.1, 0.5)], body: [], hand: [] }, false);
    expect(obs.faceCount).toBe(2);
    expect(obs.face?.box[2]).toBe(0.3);
    expect(obs.face?.yaw).toBeCloseTo(5.73, 2);
    expect(obs.face?.pitch).toBeCloseTo(-2.865, 2);
    expect(obs.body).toBeNull();
    expect(obs.hands).toBeNull();
  });
  it('drops low-confidence and lower-body keypoints', () => {
    const obs = toFrameObs(0, { face: [], body: [{ score: 0.7, keypoints: [
      { part: 'nose', positionRaw: [0.5, 0.3], score: 0.9 },
      { part: 'leftWrist', positionRaw: [0.6, 0.9], score: 0.1 },
      { part: 'leftKnee', positionRaw: [0.6, 1.2], score: 0.9 },
    ] }], hand: [{}] }, true);
    expect(obs.body?.kp).toEqual({ nose: [0.5, 0.3, 0.9] });
    expect(obs.hands).toBe(1);
    expect(obs.face).toBeNull();
  });
});
