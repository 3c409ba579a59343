/**
 * Voice tone on real recordings: the pitch tracker and its reliability verdict on decoded fixtures (real ffmpeg,
 * Silero VAD, the prosody worker), synthetic voices with a known F0 and real speakers without one.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeToPcm } from '../../server/analysis/audio/decode.js';
import { measureProsodyInWorker } from '../../server/analysis/audio/prosody.js';
import { segmentSpeech, speechProbabilities } from '../../server/analysis/audio/vad.js';
import { voiceStats } from '../../server/analysis/audio/voice.js';
import { scoreVoiceTone } from '../../server/analysis/scoring/voiceTone.js';
import { fixture, repoRoot, truth } from '../helpers/fixtures.js';

const realDir = resolve(repoRoot, '../shared/fixtures/real');

/** Adds seeded white noise `snrDb` under the signal's mean power (in place). */
function addNoise(x: Float32Array, snrDb: number): void {
  const power = x.reduce((a, v) => a + v * v, 0) / x.length;
  const amp = Math.sqrt((power / 10 ** (snrDb / 10)) * 12); // uniform noise in [-amp/2, amp/2) has power amp^2 / 12
  let s = 11;
  for (let i = 0; i < x.length; i++) {
    s = (s * 16807) % 2147483647;
    x[i]! += amp * (s / 2147483647 - 0.5);
  }
}

async function voiceOf(path: string, noiseSnrDb?: number) {
  const pcm = await decodeToPcm(path);
  if (noiseSnrDb !== undefined) addNoise(pcm.samples, noiseSnrDb);
  const [probs, prosody] = await Promise.all([speechProbabilities(pcm.samples), measureProsodyInWorker(pcm.samples, pcm.sampleRate)]);
  const segs = segmentSpeech(probs);
  const v = voiceStats(prosody.pitch, prosody.voiceIntensity, segs, prosody.pitchCheck);
  return { ...v, score: scoreVoiceTone(v), rawLoudness: voiceStats(prosody.pitch, prosody.intensity, segs).loudnessDbfs };
}

describe('voice tone on recordings', () => {
  it('synthetic voice: pitch mean within 5 % of the truth, both trackers agree', async () => {
    const v = await voiceOf(fixture('clear-answer.webm'));
    const t = truth('clear-answer.webm').pitchMeanHz!;
    expect(Math.abs(v.pitchMeanHz! / t - 1)).toBeLessThan(0.05);
    expect(v.pitchReliability.level).toBe('good');
    expect(v.pitchReliability.trackerAgreement!).toBeGreaterThan(0.9);
    expect(v.score.value).not.toBeNull();
  }, 120_000);

  it('synthetic voice under white noise at 10 dB SNR: the same pitch mean and variation as clean', async () => {
    const [clean, noisy] = [await voiceOf(fixture('slow.webm')), await voiceOf(fixture('slow.webm'), 10)];
    expect(noisy.pitchReliability.level).toBe('good');
    expect(Math.abs(noisy.pitchMeanHz! / truth('slow.webm').pitchMeanHz! - 1)).toBeLessThan(0.05);
    expect(Math.abs(noisy.pitchVariation! - clean.pitchVariation!)).toBeLessThan(0.01);
  }, 120_000);

  it('real male reader (LibriSpeech 1089): voiced like real speech (YIN found 16 %), F0 in the male range', async () => {
    const v = await voiceOf(join(realDir, 'ls_1089-134686-0000.wav'));
    expect(v.pitchReliability.level).toBe('good');
    expect(v.pitchReliability.voicedRatio!).toBeGreaterThan(0.4);
    expect(v.pitchMeanHz!).toBeGreaterThan(85);
    expect(v.pitchMeanHz!).toBeLessThan(180);
  }, 120_000);

  it('real female reader (LibriSpeech 1221): F0 in the female range, trackers agree', async () => {
    const v = await voiceOf(join(realDir, 'ls_1221-135766_a.wav'));
    expect(v.pitchReliability.level).toBe('good');
    expect(v.pitchReliability.voicedRatio!).toBeGreaterThan(0.4);
    expect(v.pitchReliability.trackerAgreement!).toBeGreaterThan(0.9);
    expect(v.pitchMeanHz!).toBeGreaterThan(165);
    expect(v.pitchMeanHz!).toBeLessThan(255);
  }, 120_000);

  it('a hoarse speaker under loud rumble (MFA cold corpus): no pitch figures, no score, the reason, no monotone claim', async () => {
    const v = await voiceOf(join(realDir, 'mfa_cold_corpus.wav'));
    expect(v.pitchReliability.level).toBe('low');
    expect(v.pitchReliability.voicedRatio!).toBeLessThan(0.2);
    expect(v.pitchMeanHz).toBeNull();
    expect(v.pitchVariation).toBeNull();
    expect(v.score.value).toBeNull();
    expect(v.score.evidence[0]).toMatch(/^pitch could not be measured reliably: pitch was found in only \d+ % of the speech/);
    expect(v.score.tip).not.toMatch(/monotone|Vary your pitch/);
    // its loudest part is sub-20 Hz rumble: the voice's loudness is measured after the high-pass, far below it
    expect(v.loudnessDbfs!).toBeLessThan(v.rawLoudness! - 10);
  }, 120_000);
});
