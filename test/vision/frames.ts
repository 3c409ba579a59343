/** Test data helpers: recorded per-frame observations of the fixtures, and synthetic frames. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BodyObs, FaceObs, FrameObs, Keypoint } from '../../server/analysis/vision/types.js';
import { repoRoot } from '../helpers/fixtures.js';

export interface Recorded { fixture: string; fps: number; frames: FrameObs[] }

/** Per-frame observations recorded from the fixtures by test/vision/record-frames.ts (2 fps, real models). */
export function recorded(name: string): Recorded {
  return JSON.parse(readFileSync(join(repoRoot, 'test/vision/data', `${name}.frames.json`), 'utf8')) as Recorded;
}

export const FACE_CLIPS = ['clear-answer.webm', 'clear-answer.mp4', 'fillers-pauses.webm', 'silent-face.webm', 'looking-away.webm'];
export const FACING_CLIPS = ['clear-answer.webm', 'clear-answer.mp4', 'silent-face.webm', 'fast.webm', 'fillers-pauses.webm'];

export function face(over: Partial<FaceObs> = {}): FaceObs {
  return { score: 1, box: [0.35, 0.2, 0.3, 0.4], yaw: 0, pitch: 5, roll: 0, eyeYaw: 0, mouthCornerLift: 0, ...over };
}

/** An upright upper body: shoulders 0.4 of the frame width apart (aspect 4:3), nose above their midpoint. */
export function body(dx = 0, dy = 0, over: Partial<BodyObs['kp']> = {}): BodyObs {
  const k = (x: number, y: number): Keypoint => [x + dx, y + dy, 0.8];
  return {
    score: 0.8,
    kp: {
      nose: k(0.5, 0.35), leftShoulder: k(0.7, 0.75), rightShoulder: k(0.3, 0.75),
      leftElbow: k(0.8, 0.95), rightElbow: k(0.2, 0.95), ...over,
    },
  };
}

export function frame(t: number, over: Partial<FrameObs> = {}): FrameObs {
  return { t, faceCount: 1, face: face(), body: body(), hands: null, ...over };
}

/** n frames at fps, built by fn(i, t). */
export function series(n: number, fps: number, fn: (i: number, t: number) => Partial<FrameObs> = () => ({})): FrameObs[] {
  return Array.from({ length: n }, (_, i) => frame(i / fps, fn(i, i / fps)));
}
