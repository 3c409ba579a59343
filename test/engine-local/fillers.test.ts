/**
 * Filled pauses on real speakers, end to end through the local engine (real pocketsphinx, Silero VAD, prosody):
 * the acoustic rules of server/analysis/audio/steadyVoicing.ts find the hesitations where they are, and add
 * none to read speech. Times are where the fillers sit in the recordings (docs/accuracy.md, "Filled pauses").
 */
import { describe, expect, it } from 'vitest';
import { reportSchema, type Report } from '../../server/analysis/report.js';
import type { AnalysisInput } from '../../server/engines/engine.js';
import { createLocalEngine } from '../../server/engines/local/index.js';
import { probe } from '../../server/media/ffmpeg.js';
import { fixture } from '../helpers/fixtures.js';

const engine = createLocalEngine({ vision: async () => { throw new Error('vision disabled in this test'); } });

async function filled(name: string): Promise<Array<{ text: string; start: number; end: number }>> {
  const path = fixture(`../real/${name}`);
  const p = await probe(path);
  const input: AnalysisInput = { videoPath: path, question: 'Tell me about yourself.', durationSec: p.durationSec ?? 0, hasAudio: p.hasAudio, hasVideo: p.hasVideo };
  const r: Report = reportSchema.parse(await engine.analyze(input, () => {}));
  return r.speech!.fillers.filter((f) => f.kind === 'filled');
}

describe('filled pauses on real speech', () => {
  it('"montreal uh uh uh uh uh uh forced aligner": one filler per uh burst, at their times', async () => {
    const f = await filled('mfa_uhuh.wav');
    // six uh's at ~1.4, 1.9, 2.6, 3.2, 4.35 and 4.5-5.2 s; the word "montreal" ends at ~1.38 s, "forced" starts at ~5.4 s
    expect(f.length).toBeGreaterThanOrEqual(5);
    expect(f.length).toBeLessThanOrEqual(6);
    for (const x of f) {
      expect(x.start).toBeGreaterThan(1.35);
      expect(x.end).toBeLessThan(5.4);
    }
    // distinct bursts, not one stretch counted several times
    for (let i = 1; i < f.length; i++) expect(f[i]!.start).toBeGreaterThanOrEqual(f[i - 1]!.end);
  });
  it('a held "uhhh" the recognizer calls a word ("montreal uh forced aligner") is one filler', async () => {
    const f = await filled('mfa_uh.wav');
    expect(f).toHaveLength(1);
    expect(f[0]!.start).toBeGreaterThan(2.2);
    expect(f[0]!.end).toBeLessThan(3.8);
  });
  it('read speech and an unsure "ah" on a real word ("my fellow Americans") give none', async () => {
    expect(await filled('ljspeech_LJ001-0001.wav')).toEqual([]);
    expect(await filled('jfk_inaugural_ask_not.wav')).toEqual([]);
  });
});
