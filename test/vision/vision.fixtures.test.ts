/** The vision pipeline end to end on the shared fixtures: real ffmpeg, real Human models on wasm. */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeVision, closeVisionWorker } from '../../server/analysis/vision/index.js';
import type { VisionOutput } from '../../server/analysis/vision/contract.js';
import { reportSchema, scoreSchema } from '../../server/analysis/report.js';
import { fixture, truth } from '../helpers/fixtures.js';

const results = new Map<string, VisionOutput>();
async function analyze(name: string): Promise<VisionOutput> {
  const cached = results.get(name);
  if (cached) return cached;
  const out = await analyzeVision(fixture(name), { durationSec: truth(name).durationSec ?? 0 });
  results.set(name, out);
  return out;
}

afterAll(async () => { await closeVisionWorker(); });

describe('analyzeVision on the fixtures', () => {
  it.each(['clear-answer.webm', 'clear-answer.mp4', 'fillers-pauses.webm', 'silent-face.webm', 'looking-away.webm'])(
    'finds the face in %s (>= 90% of frames)', async (name) => {
      const { visual } = await analyze(name);
      expect(visual.facePresentRatio).toBeGreaterThanOrEqual(0.9);
      expect(visual.framesAnalyzed).toBeGreaterThanOrEqual(Math.floor((truth(name).durationSec ?? 0) * visual.sampleFps) - 1);
      expect(visual.timeline).toHaveLength(visual.framesAnalyzed);
    });

  it.each(['clear-answer.webm', 'clear-answer.mp4', 'silent-face.webm', 'fast.webm'])(
    'reads the frontal astronaut in %s as facing the camera (>= 0.8)', async (name) => {
      const out = await analyze(name);
      expect(out.visual.facingCameraRatio).toBeGreaterThanOrEqual(0.8);
      expect(out.scores.eyeContact.value).toBeGreaterThanOrEqual(80);
    });

  it('reads the man in profile as not facing the camera (<= 0.3) and reports when', async () => {
    const out = await analyze('looking-away.webm');
    expect(out.visual.facingCameraRatio).toBeLessThanOrEqual(0.3);
    expect(out.visual.lookingAwaySpans.length).toBeGreaterThan(0);
    expect(out.scores.eyeContact.value).toBeLessThanOrEqual(30);
    expect(out.scores.eyeContact.evidence.join('\n')).toMatch(/looked away/);
  });

  it('finds no face in no-face.webm (<= 10%) and leaves eye contact unmeasured', async () => {
    const out = await analyze('no-face.webm');
    expect(out.visual.facePresentRatio).toBeLessThanOrEqual(0.1);
    expect(out.visual.noFaceSpans[0]?.start).toBe(0);
    expect(out.scores.eyeContact.value).toBeNull();
    expect(out.scores.bodyLanguage.value).toBeNull();
  });

  it('still reports visual metrics for the silent clip, in the report format', async () => {
    const out = await analyze('silent-face.webm');
    expect(out.visual.facingCameraRatio).not.toBeNull();
    expect(scoreSchema.safeParse(out.scores.eyeContact).success).toBe(true);
    expect(scoreSchema.safeParse(out.scores.bodyLanguage).success).toBe(true);
    expect(out.scores.bodyLanguage.value).not.toBeNull();
    expect(reportSchema.shape.visual.safeParse(out.visual).success).toBe(true);
    expect(out.timingsMs.vision).toBeGreaterThan(0);
  });

  it('reuses the loaded worker and keeps the event loop responsive', async () => {
    await analyze('silent-face.webm');
    let maxLag = 0;
    let last = performance.now();
    const timer = setInterval(() => { const now = performance.now(); maxLag = Math.max(maxLag, now - last - 10); last = now; }, 10);
    const progress: number[] = [];
    const out = await analyzeVision(fixture('short.webm'), { durationSec: 2.487, onProgress: (f) => progress.push(f) });
    clearInterval(timer);
    expect(out.timingsMs.visionModelLoad).toBe(0);
    expect(out.visual.facePresentRatio).toBeGreaterThanOrEqual(0.9);
    expect(progress.at(-1)).toBe(1);
    expect(maxLag).toBeLessThan(250);
  });

  it('stops when aborted', async () => {
    const ac = new AbortController();
    const p = analyzeVision(fixture('clear-answer.webm'), { durationSec: 35.9, signal: ac.signal, onProgress: (f) => { if (f > 0.1) ac.abort(); } });
    await expect(p).rejects.toThrow();
  });

  it('rejects a file that is not a video', async () => {
    await expect(analyzeVision(fixture('not-a-video.webm'), { durationSec: 0 })).rejects.toThrow(/not a readable video/);
  });
});
