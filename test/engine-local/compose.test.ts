/** The local engine with the real vision pipeline, and cancellation. */
import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../server/analysis/report.js';
import { createLocalEngine } from '../../server/engines/local/index.js';
import { AnalysisError } from '../../server/engines/engine.js';
import { fixture, truth } from '../helpers/fixtures.js';

const input = (name: string, hasVideo = true) => ({ videoPath: fixture(name), question: 'What is your biggest strength?', durationSec: truth(name).durationSec!, hasAudio: true, hasVideo });

describe('local engine composition', () => {
  it('takes visual and eye contact / body language from vision and feeds them into confidence', async () => {
    const progress: number[] = [];
    const r = reportSchema.parse(await createLocalEngine().analyze(input('fillers-pauses.webm'), (p) => progress.push(p.progress)));
    expect(progress.every((p, i) => i === 0 || p >= progress[i - 1]!)).toBe(true);
    expect(progress[progress.length - 1]).toBe(1);
    if (r.visual === null) {
      // vision pipeline unavailable in this checkout: the engine must say why
      expect(r.warnings.join(' ')).toMatch(/vision not measured/);
      return;
    }
    expect(r.visual.facingCameraRatio).not.toBeNull();
    expect(r.scores.eyeContact.value).not.toBeNull();
    expect(r.scores.confidence.evidence[0]).toMatch(/facing the camera \d+ \(weight 0.15\)/);
    expect(Object.keys(r.timingsMs).some((k) => k.startsWith('vision.'))).toBe(true);
  });

  it('honours the AbortSignal promptly', async () => {
    const ac = new AbortController();
    const eng = createLocalEngine({ vision: async () => { throw new Error('off'); } });
    const t0 = Date.now();
    const p = eng.analyze(input('clear-answer.webm', false), () => {}, ac.signal);
    setTimeout(() => ac.abort(new Error('cancelled by test')), 1500);
    await expect(p).rejects.toThrow();
    expect(Date.now() - t0).toBeLessThan(8000);
  });

  it('rejects a damaged file with a permanent AnalysisError', async () => {
    const eng = createLocalEngine({ vision: async () => { throw new Error('off'); } });
    await expect(eng.analyze({ ...input('truncated.webm'), durationSec: 35.887 }, () => {})).rejects.toBeInstanceOf(AnalysisError);
  });
});
