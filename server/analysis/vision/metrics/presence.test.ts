import { describe, expect, it } from 'vitest';
import { FACE_CLIPS, frame, recorded, series } from '../../../../test/vision/frames.js';
import { facePresentRatio, multipleFacesRatio, noFaceSpans } from './presence.js';

describe('face presence on recorded fixture frames', () => {
  it.each(FACE_CLIPS)('finds a face in at least 90%% of %s', (name) => {
    expect(facePresentRatio(recorded(name).frames)).toBeGreaterThanOrEqual(0.9);
  });
  it('finds a face in at most 10% of no-face.webm', () => {
    expect(facePresentRatio(recorded('no-face.webm').frames)).toBeLessThanOrEqual(0.1);
  });
  it('sees one face only in the fixtures', () => {
    expect(multipleFacesRatio(recorded('clear-answer.webm').frames)).toBe(0);
  });
});

describe('face presence on synthetic frames', () => {
  it('reports where the face left the frame', () => {
    const frames = series(20, 2, (i) => (i >= 6 && i < 10 ? { face: null, faceCount: 0 } : {}));
    expect(facePresentRatio(frames)).toBe(0.8);
    expect(noFaceSpans(frames, 0.5)).toEqual([{ start: 3, end: 5 }]);
  });
  it('counts frames with two faces', () => {
    const frames = [frame(0, { faceCount: 2 }), frame(0.5), frame(1), frame(1.5)];
    expect(multipleFacesRatio(frames)).toBe(0.25);
  });
  it('is null without frames', () => {
    expect(facePresentRatio([])).toBeNull();
  });
});
