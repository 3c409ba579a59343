/** Bad-but-valid input: no audio track, noise only. A report that says so, never made-up numbers. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportSchema } from '../../server/analysis/report.js';
import { createLocalEngine } from '../../server/engines/local/index.js';
import { FFMPEG, run } from '../../server/media/ffmpeg.js';

const dir = mkdtempSync(join(tmpdir(), 'ia-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const engine = createLocalEngine({ vision: async () => { throw new Error('vision off in this test'); } });

async function make(name: string, args: string[]): Promise<string> {
  const out = join(dir, name);
  const r = await run(FFMPEG, ['-v', 'error', '-y', ...args, out]);
  expect(r.code, r.stderr).toBe(0);
  return out;
}

describe('bad but valid input', () => {
  it('no audio track: speechDetected false, speech scores null with the reason', async () => {
    const path = await make('video-only.webm', ['-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=10', '-t', '5', '-c:v', 'libvpx', '-deadline', 'realtime']);
    const r = reportSchema.parse(await engine.analyze({ videoPath: path, question: 'q', durationSec: 5, hasAudio: false, hasVideo: true }, () => {}));
    expect(r.speech!.speechDetected).toBe(false);
    expect(r.transcript).toBeNull();
    expect(r.scores.speechRate.value).toBeNull();
    expect(r.scores.speechRate.evidence[0]).toMatch(/no audio track/);
    expect(r.scores.confidence.value).toBeNull();
  });

  it('noise and a steady tone only: no speech reported', async () => {
    const path = await make('noise.wav', ['-f', 'lavfi', '-i', 'anoisesrc=color=pink:amplitude=0.05:duration=6', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=6',
      '-filter_complex', '[0][1]amix=inputs=2', '-ar', '48000']);
    const r = reportSchema.parse(await engine.analyze({ videoPath: path, question: 'q', durationSec: 6, hasAudio: true, hasVideo: false }, () => {}));
    expect(r.speech!.speechDetected).toBe(false);
    expect(r.speech!.wpm).toBeNull();
    expect(r.scores.voiceTone.value).toBeNull();
    expect(r.warnings.join(' ')).toMatch(/no speech detected/);
  });
});
