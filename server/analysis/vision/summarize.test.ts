import { describe, expect, it } from 'vitest';
import { face, recorded, series } from '../../../test/vision/frames.js';
import { summarize } from './summarize.js';

describe('summarize', () => {
  it('fills every VisualMetrics field from recorded frames', () => {
    const { frames, fps } = recorded('clear-answer.webm');
    const v = summarize(frames, fps, 4 / 3);
    expect(v.sampleFps).toBe(2);
    expect(v.framesAnalyzed).toBe(frames.length);
    expect(v.timeline[0]).toEqual({ t: 0, facePresent: true, facing: true });
    expect(v.multipleFacesRatio).toBe(0);
    expect(v.lookingAwaySpans).toEqual([]);
    expect(v.noFaceSpans).toEqual([]);
    expect(v.posture.shouldersVisibleRatio).toBeGreaterThan(0.8);
    expect(v.movement.stillRatio).toBeGreaterThan(0.8);
    expect(v.framing.wellFramedRatio).toBe(1);
  });
  it('does not measure facing from a few stray face detections', () => {
    // 3 s of "face" in 60 s of frames: under 10% of the frames
    const frames = series(120, 2, (i) => (i < 6 ? {} : { face: null, faceCount: 0, body: null }));
    const v = summarize(frames, 2, 4 / 3);
    expect(v.facePresentRatio).toBe(0.05);
    expect(v.facingCameraRatio).toBeNull();
    expect(v.lookingAwaySpans).toEqual([]);
    expect(v.noFaceSpans).toEqual([{ start: 3, end: 60 }]);
  });
  it('marks the timeline with facing per frame', () => {
    const v = summarize(series(4, 2, (i) => (i === 1 ? { face: face({ yaw: 40 }) } : i === 2 ? { face: null, faceCount: 0 } : {})), 2, 4 / 3);
    expect(v.timeline.map((s) => s.facing)).toEqual([true, false, null, true]);
  });
});
