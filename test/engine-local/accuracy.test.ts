/** The local engine on the shared fixtures, checked against their ground truth. */
import { describe, expect, it } from 'vitest';
import { reportSchema, type Report } from '../../server/analysis/report.js';
import { createLocalEngine } from '../../server/engines/local/index.js';
import type { AnalysisInput } from '../../server/engines/engine.js';
import { probe } from '../../server/media/ffmpeg.js';
import { wordErrorRate } from '../../server/analysis/text/wer.js';
import { fixture, truth } from '../helpers/fixtures.js';

// Vision is exercised by its own tests; here a failing vision checks the audio-only path and keeps runs short.
const engine = createLocalEngine({ vision: async () => { throw new Error('vision disabled in this test'); } });
const cache = new Map<string, Promise<Report>>();

async function analyze(name: string, question = 'Tell me about yourself.'): Promise<Report> {
  if (!cache.has(name)) {
    cache.set(name, (async () => {
      const path = fixture(name);
      const p = await probe(path);
      const input: AnalysisInput = { videoPath: path, question, durationSec: p.durationSec ?? truth(name).durationSec ?? 0, hasAudio: p.hasAudio, hasVideo: p.hasVideo };
      const stages: string[] = [];
      const r = await engine.analyze(input, (x) => stages.push(x.stage));
      const full = ['decoding', 'voice activity', 'transcribing', 'measuring voice', 'scoring', 'done'];
      expect(stages).toEqual(expect.arrayContaining(input.durationSec >= 3 ? full : ['decoding', 'scoring', 'done']));
      return reportSchema.parse(r);
    })());
  }
  return cache.get(name)!;
}

describe('local engine accuracy on fixtures', () => {
  it('fillers-pauses: wpm within 10%, every inserted pause found within 0.3 s, filled pauses found', async () => {
    const t = truth('fillers-pauses.webm');
    const r = await analyze('fillers-pauses.webm', 'What is your biggest strength?');
    const s = r.speech!;
    expect(s.speechDetected).toBe(true);
    expect(Math.abs(s.wpm! - t.wpm!) / t.wpm!).toBeLessThan(0.1);
    for (const p of t.pauses!) {
      const hit = s.pauses.find((q) => Math.abs(q.start - p.start) <= 0.3 && Math.abs(q.end - p.end) <= 0.3);
      expect(hit, `pause ${p.start}-${p.end} in ${JSON.stringify(s.pauses)}`).toBeDefined();
    }
    expect(s.longPauseCount).toBe(t.pauses!.filter((p) => p.end - p.start >= 1.5).length);
    const filled = s.fillers.filter((f) => f.kind === 'filled');
    expect(filled.map((f) => f.text)).toEqual(t.fillerWords); // um, uh, um in order
    // each filled pause sits where the text has it: just before a pause or at a phrase start
    expect(filled[0]!.start).toBeGreaterThan(5);
    expect(filled[0]!.end).toBeLessThan(t.pauses![0]!.start + 0.3);
    expect(filled[1]!.start).toBeGreaterThan(t.pauses![1]!.end - 0.3);
    expect(r.scores.clarity.evidence.join(' ')).toMatch(/3 filled pauses: um, uh, um \(0:05, 0:20, 0:33\)/);
    expect(r.scores.confidence.evidence.join(' ')).toMatch(/not included: facing the camera, body language \(vision not measured: vision disabled/);
    expect(r.scores.eyeContact.value).toBeNull();
    expect(r.visual).toBeNull();
    expect(wordErrorRate(t.text!, r.transcript!.text)).toBeLessThan(0.35);
  });

  it('fast is scored faster than slow, both within 10% of truth', async () => {
    const fast = await analyze('fast.webm');
    const slow = await analyze('slow.webm');
    expect(Math.abs(fast.speech!.wpm! - 224.9) / 224.9).toBeLessThan(0.1);
    expect(Math.abs(slow.speech!.wpm! - 125.2) / 125.2).toBeLessThan(0.1);
    expect(fast.speech!.wpm!).toBeGreaterThan(slow.speech!.wpm!);
    expect(slow.scores.speechRate.value!).toBeGreaterThan(fast.scores.speechRate.value!);
    expect(fast.scores.speechRate.tip).toMatch(/Slow down/);
  });

  it('clear-answer: pace, pitch near truth, no pauses, key points, pitch track', async () => {
    const t = truth('clear-answer.webm');
    const r = await analyze('clear-answer.webm');
    const s = r.speech!;
    expect(Math.abs(s.wpm! - t.wpm!) / t.wpm!).toBeLessThan(0.1);
    expect(s.pauses).toEqual([]);
    expect(Math.abs(s.pitchMeanHz! - t.pitchMeanHz!)).toBeLessThan(10);
    expect(s.syllableRateWpm).not.toBeNull();
    expect((s.pitchTrack as unknown[]).length).toBeGreaterThan(300);
    expect(r.keyPoints.length).toBeGreaterThan(0);
    expect(r.scores.voiceTone.value).not.toBeNull();
  });

  it('silent-face: no speech, null speech scores with the reason, no made-up numbers', async () => {
    const r = await analyze('silent-face.webm');
    expect(r.speech!.speechDetected).toBe(false);
    expect(r.speech!.wpm).toBeNull();
    expect(r.speech!.pitchMeanHz).toBeNull();
    for (const k of ['speechRate', 'voiceTone', 'clarity', 'confidence'] as const) {
      expect(r.scores[k].value).toBeNull();
      expect(r.scores[k].evidence[0]).toMatch(/no speech detected/);
    }
  });

  it('short clip (< 3 s): too short to judge, every score null with the reason', async () => {
    const r = await analyze('short.webm');
    for (const [k, sc] of Object.entries(r.scores)) {
      expect(sc.value, k).toBeNull();
      expect(sc.evidence[0], k).toMatch(/^too short to judge: the answer is 2\.5 s long/);
    }
    expect(r.warnings.join(' ')).toMatch(/too short to judge/);
  });

  it('a 7.7 s real clip: measurements shown, no score, the reason; a weak transcript says so and makes no key points', async () => {
    const r = await analyze('../real/mfa_words.wav');
    expect(r.speech!.wpm).not.toBeNull(); // the measurement stays
    for (const [k, sc] of Object.entries(r.scores)) {
      expect(sc.value, k).toBeNull();
      expect(sc.evidence[0], k).toMatch(/^too short to judge: \d+\.\d s of speech \(at least 15 s/);
    }
    const rel = r.transcript!.reliability!;
    expect(rel.meanConfidence).not.toBeNull();
    if (rel.level === 'low') {
      expect(r.keyPoints).toEqual([]);
      expect(r.warnings.join('\n')).toMatch(/The transcript is unreliable \(.+\): key points and wording-based clarity claims are not made from it/);
    }
  });

  it('clear-answer: one pace in the figure and the score evidence, a reliable transcript', async () => {
    const r = await analyze('clear-answer.webm');
    const s = r.speech!;
    expect(r.scores.speechRate.evidence[0]).toBe(`${s.wpm} words per minute (${s.paceWordCount} words over ${(s.paceSpanSec as number).toFixed(1)} s of speech, first to last voice activity)`);
    expect(r.transcript!.reliability!.level).toBe('good');
  });

  it('a real clip with a held "uh" and a word the recognizer does not know: the pace counts syllables where the transcript guesses', async () => {
    // mfa_uh.wav: "montreal uh forced aligner" (4 words, 71 wpm); pocketsphinx hears 7 low-confidence words
    const t = truth('../real/mfa_uh.wav');
    const r = await analyze('../real/mfa_uh.wav');
    const s = r.speech!;
    expect(r.transcript!.reliability!.level).toBe('low');
    expect(r.transcript!.words.length).toBeGreaterThan(t.wordCount!);
    expect(s.paceWordCount as number).toBeLessThan(r.transcript!.words.length);
    expect(Math.abs(s.wpm! - t.wpm!) / t.wpm!).toBeLessThan(0.15);
    const ev = r.scores.speechRate.evidence;
    expect(r.scores.speechRate.value).toBeNull(); // too short to judge: measured, not scored
    expect(ev[0]).toMatch(/^too short to judge/);
    expect(ev[1]).toBe(`${s.wpm} words per minute (${s.paceWordCount} words over ${(s.paceSpanSec as number).toFixed(1)} s of speech, first to last voice activity)`);
    expect(ev[2]).toMatch(/^the transcript is unreliable, so \d+ of its \d+ words, in \d+ low-confidence stretch(es)?, were counted by their \d+ syllable nuclei as [\d.]+ words/);
  });

  it('a 25 s real answer with a weak transcript in a noisy room: the pace is shown but not scored, nothing is claimed from the words', async () => {
    // mfa_cold_corpus.wav: a speaker with a cold, speech 5-10 dB over the room; pocketsphinx confidence ~0.16
    const r = await analyze('../real/mfa_cold_corpus.wav');
    const s = r.speech!;
    expect(r.transcript!.reliability!.level).toBe('low');
    expect(s.levelRangeDb as number).toBeLessThan(25);
    expect(s.wpm).not.toBeNull(); // the measurement stays
    const sr = r.scores.speechRate;
    expect(sr.value).toBeNull();
    expect(sr.evidence[0]).toMatch(/^pace not scored: the transcript is unreliable and the recording too noisy to check its words against their syllables \(level range [\d.]+ dB, 25 dB needed\)/);
    expect(sr.evidence[1]).toBe(`${s.wpm} words per minute (${s.paceWordCount} words over ${(s.paceSpanSec as number).toFixed(1)} s of speech, first to last voice activity)`);
    expect(r.scores.confidence.evidence.join(' ')).toMatch(/not included: pace/);
    expect(r.keyPoints).toEqual([]);
    expect(r.warnings.join('\n')).toMatch(/The transcript is unreliable/);
  }, 600_000); // 25 s of audio: pocketsphinx takes minutes on a loaded 2-core machine
});
