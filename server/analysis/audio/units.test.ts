import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFilledPauses, fillerFromPhones, filledPauseCandidates } from './filledPauses.js';
import { choosePace, wordsPerMinute, articulationWpm } from './pace.js';
import { findPauses, voicedGaps } from './pauses.js';
import { parseSphinxTimes } from './pocketsphinx.js';
import { syllableNuclei, syllablesToWpm } from './syllables.js';
import { segmentSpeech } from './vad.js';
import { voiceStats } from './voice.js';
import { findWhisperModel, parseWhisperJson, selectRecognizer } from './whisper.js';
import { wavBytes } from './decode.js';

const W = (text: string, start: number, end: number, confidence?: number) => ({ text, start, end, ...(confidence === undefined ? {} : { confidence }) });

describe('pocketsphinx output', () => {
  it('drops markers, silences and noise, normalises variants', () => {
    const out = '<s> 0.1 0.2 1.0\nwell 0.990 1.410 1.000100\n<sil> 1.4 1.5 0.9\nduring(3) 10.630 11.040 0.864489\n[NOISE] 11.1 11.2 0.5\n</s> 11.3 11.5 1.0\nhello world\n';
    expect(parseSphinxTimes(out)).toEqual([W('well', 0.99, 1.41, 1.0001), W('during', 10.63, 11.04, 0.864489)]);
  });
});

describe('filled pauses', () => {
  it('reads um/uh/hmm from phones, ignores short transitions and real words', () => {
    expect(fillerFromPhones([{ phone: 'SIL', dur: 0.1 }, { phone: 'AH', dur: 0.1 }, { phone: 'M', dur: 0.17 }])).toBe('um');
    expect(fillerFromPhones([{ phone: 'AH', dur: 0.17 }, { phone: 'M', dur: 0.02 }])).toBe('uh');
    expect(fillerFromPhones([{ phone: 'HH', dur: 0.1 }, { phone: 'M', dur: 0.3 }])).toBe('hmm');
    expect(fillerFromPhones([{ phone: 'B', dur: 0.1 }, { phone: 'AH', dur: 0.1 }, { phone: 'T', dur: 0.1 }])).toBeNull();
    expect(fillerFromPhones([{ phone: 'ER', dur: 0.2 }])).toBeNull();
    expect(fillerFromPhones([{ phone: 'ER', dur: 0.2 }], true)).toBe('er');
  });
  it('picks isolated low-confidence short words and voiced gaps, then applies labels', () => {
    const words = [W('wrong', 4.8, 5.2, 1), W('bum', 5.42, 5.74, 0.02), W('for', 6.9, 7.2, 0.3), W('example', 7.2, 7.9, 1)];
    const c = filledPauseCandidates(words, [{ start: 8, end: 8.3 }]);
    expect(c.map((x) => x.wordIndex)).toEqual([1, 2, -1]);
    const out = applyFilledPauses(words, c, ['um', null, 'uh']);
    expect(out.map((w) => w.text)).toEqual(['wrong', 'um', 'for', 'example', 'uh']);
  });
});

describe('VAD segmentation, pauses, gaps', () => {
  it('segments probabilities with hysteresis and min durations', () => {
    const probs = [0, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.1, 0.1, 0.1, 0.1, 0.8, 0.1];
    const s = segmentSpeech(probs, { threshold: 0.5, minSpeechSec: 0.2, minSilenceSec: 0.1, padSec: 0, windowSec: 0.032 });
    expect(s).toEqual([{ start: 0.032, end: 0.288 }]);
  });
  it('finds silent pauses >= 0.5 s between speech and voiced gaps without words', () => {
    const speech = [{ start: 1, end: 5 }, { start: 5.3, end: 6 }, { start: 7.2, end: 9 }];
    expect(findPauses(speech)).toEqual([{ start: 6, end: 7.2 }]);
    expect(voicedGaps([{ start: 1, end: 3 }], [W('a', 1, 1.5), W('b', 2.2, 3)])).toEqual([{ start: 1.5, end: 2.2 }]);
  });
});

describe('pace', () => {
  const words = Array.from({ length: 21 }, (_, i) => W('w', i * 0.5, i * 0.5 + 0.4));
  it('computes wpm over the word span and articulation rate without pauses', () => {
    expect(wordsPerMinute(words)).toBeCloseTo((21 / 10.4) * 60, 0);
    expect(articulationWpm(words, [{ start: 2, end: 4.4 }])).toBeCloseTo((21 / 8) * 60, 0);
  });
  it('uses the recognizer unless it is > 35% off the syllable estimate', () => {
    expect(choosePace(150, 160, 130).speechRateSource).toBe('recognizer');
    expect(choosePace(60, 70, 140)).toMatchObject({ speechRateSource: 'syllables', usedWpm: 140 });
    expect(choosePace(null, null, null).usedWpm).toBeNull();
  });
});

describe('syllable nuclei', () => {
  it('counts voiced intensity peaks separated by >= 2 dB dips', () => {
    const I = new Float32Array(300).fill(-80);
    for (let k = 0; k < 5; k++) for (let j = 0; j < 20; j++) I[20 + k * 50 + j] = -20 - Math.abs(j - 10) * 1.5;
    expect(syllableNuclei(I, () => true)).toHaveLength(5);
    expect(syllableNuclei(I, () => false)).toHaveLength(0);
    expect(syllablesToWpm(15, 6)).toBeCloseTo(100, 5);
  });
});

describe('voice statistics', () => {
  it('reports mean, sd/mean and range of F0 inside speech only', () => {
    const pitch = new Float32Array(200).map((_, i) => (i < 100 ? (i % 2 ? 90 : 110) : 300));
    const s = voiceStats(pitch, new Float32Array(400).fill(-20), [{ start: 0, end: 1.9 }]);
    expect(s.pitchMeanHz).toBeCloseTo(100, 0);
    expect(s.pitchVariation).toBeCloseTo(0.1, 2);
    expect(s.loudnessDbfs).toBeCloseTo(-20, 1);
    expect(voiceStats(new Float32Array(10).fill(NaN), new Float32Array(10), []).pitchMeanHz).toBeNull();
  });
});

describe('whisper model loading and fallback', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ia-wm-'));
  it('explains why a model dir is unusable', () => {
    expect(findWhisperModel(undefined)).toEqual({ ok: false, reason: 'WHISPER_MODEL_DIR is not set' });
    expect(findWhisperModel(join(dir, 'missing'))).toMatchObject({ ok: false, reason: expect.stringContaining('does not exist') });
    mkdirSync(join(dir, 'empty'));
    expect(findWhisperModel(join(dir, 'empty'))).toMatchObject({ ok: false, reason: expect.stringContaining('no ggml') });
    mkdirSync(join(dir, 'bad'));
    writeFileSync(join(dir, 'bad', 'ggml-base.en.bin'), Buffer.alloc(2_000_000, 7));
    expect(findWhisperModel(join(dir, 'bad'))).toMatchObject({ ok: false, reason: expect.stringContaining('bad header') });
    mkdirSync(join(dir, 'good'));
    writeFileSync(join(dir, 'good', 'ggml-tiny.bin'), Buffer.concat([Buffer.from('lmgg', 'latin1'), Buffer.alloc(2_000_000)]));
    expect(findWhisperModel(join(dir, 'good'))).toMatchObject({ ok: true });
  });
  it('falls back to pocketsphinx with a logged reason', () => {
    const logs: string[] = [];
    const log = { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m) };
    const a = selectRecognizer({ WHISPER_MODEL_DIR: join(dir, 'bad') }, log);
    expect(a.recognizer.name).toMatch(/pocketsphinx/);
    expect(logs.join()).toContain('bad header');
    const b = selectRecognizer({ WHISPER_MODEL_DIR: join(dir, 'good'), WHISPER_CLI: 'no-such-whisper-cli' }, log);
    expect(b.recognizer.name).toMatch(/pocketsphinx/);
    expect(b.reason).toContain('not on PATH');
  });
  it('parses whisper.cpp word JSON', () => {
    expect(parseWhisperJson({ transcription: [{ text: ' Hello,', offsets: { from: 100, to: 400 } }, { text: ' ', offsets: { from: 400, to: 500 } }] })).toEqual([W('hello', 0.1, 0.4)]);
  });
});

it('writes a 16-bit mono WAV header', () => {
  const b = wavBytes(new Float32Array([0, 1, -1]));
  expect(b.toString('ascii', 0, 4)).toBe('RIFF');
  expect(b.readUInt32LE(24)).toBe(16000);
  expect(b.readInt16LE(46)).toBe(32767);
});
