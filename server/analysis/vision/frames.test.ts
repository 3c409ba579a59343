import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from '../../../test/helpers/fixtures.js';
import { displaySize, outputSize, sampleFrames } from './frames.js';

const dir = mkdtempSync(join(tmpdir(), 'vision-frames-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sampleFrames', () => {
  it('streams raw RGB frames at the requested rate and size', async () => {
    const frames = [];
    for await (const f of sampleFrames(fixture('short.webm'), { fps: 2, width: 320, srcWidth: 640, srcHeight: 480 })) frames.push(f);
    expect(frames.length).toBe(5); // 2.49 s at 2 fps
    expect(frames.map((f) => f.t)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(frames[0]!.data.length).toBe(320 * 240 * 3);
    // a real picture, not a blank buffer
    expect(new Set(frames[0]!.data.subarray(0, 3000)).size).toBeGreaterThan(20);
  });
  it('fails with ffmpeg\'s reason on a file that is not a video', async () => {
    const gen = sampleFrames(fixture('not-a-video.webm'), { fps: 2, width: 320, srcWidth: 640, srcHeight: 480 });
    await expect(gen.next()).rejects.toThrow(/ffmpeg could not decode/);
  });
  it('keeps the aspect ratio with an even height', () => {
    expect(outputSize({ width: 320, srcWidth: 1280, srcHeight: 720 })).toEqual({ width: 320, height: 180 });
    expect(outputSize({ width: 320, srcWidth: 200, srcHeight: 150 })).toEqual({ width: 200, height: 150 });
  });
  it('swaps width and height for a video rotated by 90 degrees', async () => {
    const rotated = join(dir, 'rotated.mp4');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', fixture('clear-answer.mp4'), '-t', '1', '-c', 'copy', '-metadata:s:v:0', 'rotate=90', rotated]);
    expect(await displaySize(rotated, 640, 480)).toEqual({ width: 480, height: 640 });
    expect(await displaySize(fixture('clear-answer.mp4'), 640, 480)).toEqual({ width: 640, height: 480 });
  });
});
