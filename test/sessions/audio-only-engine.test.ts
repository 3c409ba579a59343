/**
 * Audio-only answers on the local engine: a real WebM/Opus file made with ffmpeg from a fixture recording.
 * The visual scores are null with the reason, and nothing is penalised: every audio measure and the
 * confidence composite are the same as for the same speech analysed without its visual cues.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Report, reportSchema } from '../../server/analysis/report.js';
import { AUDIO_ONLY_REASON, createLocalEngine } from '../../server/engines/local/index.js';
import { probe } from '../../server/media/ffmpeg.js';
import { prepareVideo } from '../../server/media/prepare.js';
import { fixture } from '../helpers/fixtures.js';
import { makeVideo } from '../helpers/media.js';

let dir: string;
let audioOnly: Report;
let videoNoVision: Report;
let visionCalls = 0;
const engine = createLocalEngine({
  vision: async () => {
    visionCalls++;
    throw new Error('vision disabled in this test');
  },
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ia-audio-only-'));
  const raw = await makeVideo(join(dir, 'raw.webm'), ['-i', fixture('clear-answer.webm'), '-vn', '-c:a', 'libopus', '-b:a', '48k', '-f', 'webm']);
  const prepared = await prepareVideo(raw, join(dir, 'prepared'), { maxDurationSec: 600, audioOnly: true });
  expect(prepared).toMatchObject({ mime: 'audio/webm', hasAudio: true, hasVideo: false });
  const run = async (path: string, hasVideo: boolean) => {
    const p = await probe(path);
    return reportSchema.parse(await engine.analyze({ videoPath: path, question: 'Tell me about yourself.', durationSec: p.durationSec!, hasAudio: true, hasVideo }, () => {}));
  };
  audioOnly = await run(prepared.path, false);
  videoNoVision = await run(fixture('clear-answer.webm'), true);
}, 300_000);
afterAll(async () => {
  await engine.close?.();
  await rm(dir, { recursive: true, force: true });
});

describe('audio-only answer on the local engine', () => {
  it('never runs vision and reports the visual scores as null with the reason "no video: audio-only answer"', () => {
    expect(visionCalls).toBe(1); // only the video file asked for vision
    expect(audioOnly.input).toMatchObject({ hasAudio: true, hasVideo: false });
    expect(audioOnly.visual).toBeNull();
    for (const k of ['eyeContact', 'bodyLanguage'] as const) {
      expect(audioOnly.scores[k].value).toBeNull();
      expect(audioOnly.scores[k].evidence).toEqual([AUDIO_ONLY_REASON]);
    }
    expect(audioOnly.warnings).toContain(AUDIO_ONLY_REASON);
    expect(audioOnly.warnings.join(' ')).not.toMatch(/vision not measured/);
  });

  it('measures the speech as usual and leaves the missing visual cues out of confidence instead of counting them against the answer', () => {
    expect(audioOnly.speech?.speechDetected).toBe(true);
    expect(audioOnly.transcript?.words.length).toBeGreaterThan(5);
    for (const k of ['clarity', 'speechRate', 'voiceTone', 'confidence'] as const) {
      expect(audioOnly.scores[k].value, k).not.toBeNull();
      // Opus re-encoding changes the samples a little; the scores stay within a couple of points of the original's.
      expect(Math.abs(audioOnly.scores[k].value! - videoNoVision.scores[k].value!), k).toBeLessThanOrEqual(5);
    }
    const ev = audioOnly.scores.confidence.evidence.join(' ');
    expect(ev).toMatch(/not included: facing the camera, body language \(no video: audio-only answer\); weights rescaled/);
  });
});
