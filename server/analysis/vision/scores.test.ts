import { describe, expect, it } from 'vitest';
import { body, face, recorded, series } from '../../../test/vision/frames.js';
import { scoreSchema } from '../report.js';
import { bodyLanguageScore, eyeContactScore } from './scores.js';
import { summarize } from './summarize.js';

const ASPECT = 4 / 3;
const fromRecorded = (name: string) => { const r = recorded(name); return summarize(r.frames, r.fps, ASPECT); };

describe('eyeContact score', () => {
  it('is high for the astronaut facing the camera, with the measurement as evidence', () => {
    const s = eyeContactScore(fromRecorded('clear-answer.webm'));
    expect(scoreSchema.parse(s)).toEqual(s);
    expect(s.value).toBeGreaterThanOrEqual(90);
    expect(s.evidence[0]).toMatch(/^facing the camera \d+% of the time/);
    expect(s.tip.length).toBeGreaterThan(10);
  });
  it('is low for the man in profile and lists when he looked away', () => {
    const s = eyeContactScore(fromRecorded('looking-away.webm'));
    expect(s.value).toBeLessThanOrEqual(20);
    expect(s.evidence.join('\n')).toMatch(/looked away 0:00-0:\d\d/);
  });
  it('is null with the reason when no face is found (never a made-up 0)', () => {
    const s = eyeContactScore(fromRecorded('no-face.webm'));
    expect(s.value).toBeNull();
    expect(s.evidence[0]).toMatch(/no face found/);
  });
  it('maps 50% facing to 50 and names the spans', () => {
    const frames = series(20, 2, (i) => (i >= 10 ? { face: face({ yaw: 35 }) } : {}));
    const s = eyeContactScore(summarize(frames, 2, ASPECT));
    expect(s.value).toBe(50);
    expect(s.evidence).toContain('looked away 0:05-0:10');
  });
});

describe('bodyLanguage score', () => {
  it('is measured for the astronaut, with posture, framing and movement evidence', () => {
    const s = bodyLanguageScore(fromRecorded('clear-answer.webm'));
    expect(s.value).not.toBeNull();
    expect(s.value!).toBeGreaterThan(40);
    const text = s.evidence.join('\n');
    expect(text).toMatch(/shoulders visible in \d+% of the frames/);
    expect(text).toMatch(/upper body still \d+% of the time/);
  });
  it('is null with the reason when the body is not visible', () => {
    const s = bodyLanguageScore(fromRecorded('no-face.webm'));
    expect(s.value).toBeNull();
    expect(s.evidence[0]).toMatch(/body not visible/);
  });
  it('scores an upright, still, gesturing speaker above a rocking, leaning one', () => {
    const good = series(20, 2, (i) => ({ body: body(0, 0, { leftWrist: [0.7, i % 4 < 2 ? 0.6 : 0.8, 0.8] }) }));
    // shoulders tilted 15 deg, nose off the shoulder midpoint, torso jumping 0.25 frame widths, face at the edge
    const bad = series(20, 2, (i) => ({
      body: body(i % 2 ? 0.25 : 0, 0, { nose: [0.7, 0.35, 0.8], rightShoulder: [0.3, 0.9, 0.8] }),
      face: face({ box: [0.0, 0.1, 0.2, 0.3] }),
    }));
    const a = bodyLanguageScore(summarize(good, 2, ASPECT));
    const b = bodyLanguageScore(summarize(bad, 2, ASPECT));
    expect(a.value).toBeGreaterThanOrEqual(90);
    expect(b.value!).toBeLessThan(40);
    expect(b.tip).not.toBe(a.tip);
  });
});
