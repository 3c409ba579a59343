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

async function voiceOf(path: string) {
  const pcm = await decodeToPcm(path);
  const [probs, prosody] = await Promise.all([speechProbabilities(pcm.samples), measureProsodyInWorker(pcm.samples, pcm.sampleRate)]);
  const v = voiceStats(prosody.pitch, prosody.intensity, segmentSpeech(probs), prosody.pitchCheck);
  return { ...v, score: scoreVoiceTone(v) };
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
  }, 120_000);
});
