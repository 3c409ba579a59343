import { describe, expect, it } from 'vitest';
import { applyFilledPauses, fillerFromPhones, filledPauseCandidates } from './filledPauses.js';
import { levelRangeDb, measurePace, paceWordCount, wordsPerMinute, articulationWpm } from './pace.js';
import { scoreSpeechRate } from '../scoring/speechRate.js';
import { transcriptReliability } from './reliability.js';
import { chunkSpans, spreadWords, wordsFromTokens } from './sherpa.js';
import { voicing } from './voicing.js';
import { findPauses, voicedGaps } from './pauses.js';
import { parseSphinxTimes } from './pocketsphinx.js';
import { syllableNuclei, syllablesToWpm } from './syllables.js';
import { segmentSpeech } from './vad.js';
import { voiceStats } from './voice.js';
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
  it('leaves out words shorter than 0.15 s: too short to be a held filler (a clipped first word)', () => {
    const words = [W('or', 0.03, 0.16, 0.14), W('all', 0.3, 0.53, 0.9)];
    expect(filledPauseCandidates(words, [])).toEqual([]);
    expect(filledPauseCandidates([W('or', 0.03, 0.19, 0.14), words[1]!], []).map((x) => x.wordIndex)).toEqual([0]);
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
  it('shows one pace: words over the voice-activity span; syllables never override it', () => {
    const p = measurePace({ words, span: { start: 0, end: 12 }, pauses: [], syllableWpm: 60 });
    expect(p.wpm).toBe(105); // 21 words / 12 s
    expect(p.usedWpm).toBe(p.wpm);
    expect(p.syllableRateWpm).toBe(60);
    expect(p.recognizerWpm).toBeCloseTo((21 / 10.4) * 60, 0);
    expect(p).toMatchObject({ wordCount: 21, recognizedWordCount: 21, recounted: [], spanSec: 12, speechRateSource: 'recognizer' });
    expect(measurePace({ words, span: null, pauses: [], syllableWpm: null }).wpm).toBe(p.recognizerWpm); // no VAD span: the word span
    expect(measurePace({ words: [W('a', 0, 1)], span: { start: 0, end: 1 }, pauses: [], syllableWpm: 100 })).toMatchObject({ wpm: null, speechRateSource: 'none' });
  });

  // modelled on the real clip mfa_um.wav: "montreal forced um aligner", recognised as
  // "montreal forest um all i'm air" ("aligner" split into three short low-confidence words, two syllable nuclei)
  const um = [W('montreal', 1.2, 2.02, 1), W('forest', 2.03, 2.81, 0.22), W('um', 3.73, 4.82, 0.02), W('all', 6.23, 6.38, 0.15), W("i'm", 6.39, 6.56, 0.09), W('air', 6.57, 6.73, 0.01)];
  const umNuclei = [1.31, 1.59, 1.83, 2.37, 3.92, 6.38, 6.57];

  it('counts every word when the transcript is trusted (no recount)', () => {
    expect(paceWordCount(um, umNuclei, false)).toEqual({ count: 6, recounted: [] });
  });

  it('in a weak transcript, counts contiguous low-confidence words by their syllable nuclei, never more than the words', () => {
    const { count, recounted } = paceWordCount(um, umNuclei, true);
    // montreal 1 (confident) + forest 1 nucleus / 1.23 + um 1 (a filled pause) + "all i'm air" 2 nuclei / 1.23
    expect(recounted).toEqual([
      { start: 2.03, end: 2.81, words: 1, nuclei: 1, counted: 0.81 },
      { start: 6.23, end: 6.73, words: 3, nuclei: 2, counted: 1.63 },
    ]);
    expect(count).toBe(4.44); // truth: 4 words
    // a low-confidence word of many nuclei still counts one word
    expect(paceWordCount([W('a', 0, 0.5, 1), W('extraordinary', 0.51, 1.5, 0.1)], [0.1, 0.6, 0.8, 1.0, 1.2, 1.4], true).count).toBe(2);
  });

  it('a silence of 0.1 s splits stretches; a stretch with no nucleus counts nothing unless it stands apart', () => {
    // "i" (20 ms, inside a held "uh" the recognizer heard as "i love") has no nucleus and touches its neighbours
    const held = [W('montreal', 1.23, 2.31, 1), W('i', 2.32, 2.34, 0.38), W('love', 2.35, 3.65, 0.55)];
    expect(paceWordCount(held, [1.32, 1.74, 2.49], true)).toEqual({ count: 2, recounted: [{ start: 2.32, end: 2.34, words: 1, nuclei: 0, counted: 0 }] });
    // three low-confidence "up"s with silence between them: each stands apart, each is at least one word
    const ups = [W('up', 1.4, 1.66, 0.08), W('up', 1.9, 2.12, 0.03), W('up', 2.62, 2.71, 0)];
    expect(paceWordCount(ups, [1.48], true)).toEqual({ count: 3, recounted: [] });
    // words added by the filled-pause check carry no confidence and always count
    expect(paceWordCount([W('uh', 0, 0.5), W('so', 0.5, 0.7, 0.1)], [], true).count).toBe(1);
  });

  it('the pace, its evidence and the recounted stretches agree', () => {
    const p = measurePace({ words: um, span: { start: 1.22, end: 6.81 }, pauses: [], syllableWpm: null, nuclei: umNuclei, weakTranscript: true, levelRangeDb: 58.8 });
    expect(p).toMatchObject({ wordCount: 4.44, recognizedWordCount: 6, spanSec: 5.59, wpm: 47.7, speechRateSource: 'recognizer+syllables' }); // truth 43.5 wpm; 64.4 counting every word
    const ev = scoreSpeechRate({ ...p, span: { start: 1.22, end: 6.81 } }).evidence;
    expect(ev[0]).toBe('47.7 words per minute (4.44 words over 5.6 s of speech, first to last voice activity)');
    expect(ev[1]).toMatch(/^the transcript is unreliable, so 4 of its 6 words, in 2 low-confidence stretches, were counted by their 3 syllable nuclei as 2\.4 words/);
  });

  it('a weak transcript of a noisy recording is not recounted: the pace is shown, not scored, and the evidence says why', () => {
    const p = measurePace({ words: um, span: { start: 1.22, end: 6.81 }, pauses: [], syllableWpm: null, nuclei: umNuclei, weakTranscript: true, levelRangeDb: 15.7 });
    expect(p).toMatchObject({ wordCount: 6, recounted: [] });
    const sc = scoreSpeechRate({ ...p, span: { start: 1.22, end: 6.81 } });
    expect(sc.value).toBeNull(); // shown, not scored
    expect(sc.evidence[0]).toBe('pace not scored: the transcript is unreliable and the recording too noisy to check its words against their syllables (level range 15.7 dB, 25 dB needed): this pace counts the words as recognised and may be off');
    expect(sc.evidence[1]).toBe('64.4 words per minute (6 words over 5.6 s of speech, first to last voice activity)');
    expect(sc.tip).toMatch(/quiet room/);
    // a trusted transcript: no recount, no caveat
    expect(measurePace({ words: um, span: { start: 1.22, end: 6.81 }, pauses: [], syllableWpm: null, nuclei: umNuclei, levelRangeDb: 58.8 })).toMatchObject({ wordCount: 6, caveat: null });
  });

  it('level range: how far speech stands above the noise floor', () => {
    const quiet = Float32Array.from({ length: 100 }, (_, i) => (i % 2 ? -40 : -45)); // speech 5 dB over the floor
    const clean = Float32Array.from({ length: 100 }, (_, i) => (i < 50 ? -80 : -20));
    expect(levelRangeDb(quiet)).toBe(5);
    expect(levelRangeDb(clean)).toBe(60);
    expect(levelRangeDb(new Float32Array(3))).toBeNull();
  });
});

describe('syllable nuclei', () => {
  it('counts voiced intensity peaks separated by >= 2 dB dips', () => {
    const I = new Float32Array(300).fill(-80);
    for (let k = 0; k < 5; k++) for (let j = 0; j < 20; j++) I[20 + k * 50 + j] = -20 - Math.abs(j - 10) * 1.5;
    expect(syllableNuclei(I, () => true)).toHaveLength(5);
    expect(syllableNuclei(I, () => false)).toHaveLength(0);
    expect(syllablesToWpm(15, 6)).toBeCloseTo(150 / 1.23, 5);
    // peaks outside voice activity do not count
    expect(syllableNuclei(I, () => true, [{ start: 0, end: 1.0 }])).toHaveLength(2);
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

it('writes a 16-bit mono WAV header', () => {
  const b = wavBytes(new Float32Array([0, 1, -1]));
  expect(b.toString('ascii', 0, 4)).toBe('RIFF');
  expect(b.readUInt32LE(24)).toBe(16000);
  expect(b.readInt16LE(46)).toBe(32767);
});

describe('transcript reliability', () => {
  const words = (n: number, c?: number) => Array.from({ length: n }, (_, i) => W('w', i, i + 0.5, c));
  it('is good with confident words that agree with the syllable count', () => {
    expect(transcriptReliability(words(20, 0.8), 21)).toMatchObject({ level: 'good', reasons: [], meanConfidence: 0.8, countDisagreement: 0.05 });
  });
  it('is fair or low on low confidence, low on a word count far from the audio, with the reasons', () => {
    expect(transcriptReliability(words(20, 0.5), 20).level).toBe('fair');
    const low = transcriptReliability(words(20, 0.3), 20);
    expect(low.level).toBe('low');
    expect(low.reasons[0]).toMatch(/confidence is 0.3/);
    const far = transcriptReliability(words(15, 0.9), 3);
    expect(far.level).toBe('low');
    expect(far.reasons.join()).toMatch(/15 words recognised where the audio's syllables suggest about 3/);
    expect(transcriptReliability(words(5), null)).toMatchObject({ level: 'fair', meanConfidence: null });
  });
});

describe('sherpa-onnx word timing', () => {
  it('joins speech into chunks of at most 20 s, cut at silences', () => {
    expect(chunkSpans([{ start: 0, end: 8 }, { start: 9, end: 18 }, { start: 19, end: 25 }, { start: 26, end: 30 }])).toEqual([{ start: 0, end: 18 }, { start: 19, end: 30 }]);
  });
  it('spreads words over speech time by length, skipping silences', () => {
    const w = spreadWords('Hi, there world.', [{ start: 1, end: 2 }, { start: 5, end: 6 }]);
    expect(w.map((x) => x.text)).toEqual(['hi', 'there', 'world']);
    expect(w[0]!.start).toBe(1);
    expect(w[2]!.end).toBeLessThanOrEqual(6);
    expect(w[2]!.start).toBeGreaterThanOrEqual(5); // the last word lands in the second span
    expect(spreadWords('', [{ start: 0, end: 1 }])).toEqual([]);
  });
  it('builds words from transducer tokens and times', () => {
    expect(wordsFromTokens(['\u2581he', 'llo', '\u2581world'], [0.1, 0.2, 0.5], 10, 11)).toEqual([W('hello', 10.1, 10.28), W('world', 10.5, 10.58)]);
  });
});

describe('voicing (NCCF)', () => {
  it('finds the F0 of a voiced tone and none in noise or silence', () => {
    const sr = 16000;
    const tone = new Float32Array(sr).map((_, i) => 0.3 * Math.sin((2 * Math.PI * 120 * i) / sr) + 0.15 * Math.sin((2 * Math.PI * 240 * i) / sr));
    const v = voicing(tone, sr);
    const hz = Array.from(v.f0).filter((x) => !Number.isNaN(x));
    expect(hz.length).toBeGreaterThan(0.9 * v.f0.length);
    expect(hz[10]!).toBeGreaterThan(115);
    expect(hz[10]!).toBeLessThan(125);
    let seed = 1;
    const rand = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647 - 0.5;
    };
    const noise = new Float32Array(sr).map(() => rand() * 0.3);
    const n = voicing(noise, sr);
    expect(Array.from(n.f0).filter((x) => !Number.isNaN(x)).length).toBeLessThan(0.1 * n.f0.length);
    expect(Array.from(voicing(new Float32Array(sr), sr).f0).every(Number.isNaN)).toBe(true);
  });
});
