/** The audio half of the local engine: VAD, recognition, filled-pause check, pauses, pace, voice, text facts. */
import type { Score, Span } from '../../analysis/report.js';
import type { Pcm } from '../../analysis/audio/decode.js';
import { applyFilledPauses, classifyCandidates, filledPauseCandidates } from '../../analysis/audio/filledPauses.js';
import { articulationWpm, choosePace, wordsPerMinute } from '../../analysis/audio/pace.js';
import { LONG_PAUSE_SEC, findPauses, speechSpan, voicedGaps } from '../../analysis/audio/pauses.js';
import { pitchTrack } from '../../analysis/audio/pitch.js';
import { measureProsodyInWorker } from '../../analysis/audio/prosody.js';
import type { ProsodyRaw } from '../../analysis/audio/prosodyCore.js';
import { textOf, type Recognizer, type Transcription } from '../../analysis/audio/recognizer.js';
import { syllablesToWpm } from '../../analysis/audio/syllables.js';
import { segmentSpeech, speechProbabilities } from '../../analysis/audio/vad.js';
import { voiceStats } from '../../analysis/audio/voice.js';
import { scoreClarity, fillerValue } from '../../analysis/scoring/clarity.js';
import { paceValue, scoreSpeechRate } from '../../analysis/scoring/speechRate.js';
import { scoreVoiceTone, toneValue } from '../../analysis/scoring/voiceTone.js';
import { findFillers } from '../../analysis/text/fillers.js';
import { clarityFacts, keyPoints } from '../../analysis/text/keyPoints.js';
import type { Report } from '../../analysis/report.js';

export const MIN_ANSWER_SEC = 3;
const MIN_SPEECH_SEC = 0.5;

export interface AudioResult {
  transcript: Report['transcript'];
  speech: NonNullable<Report['speech']>;
  scores: { speechRate: Score; voiceTone: Score; clarity: Score };
  keyPoints: string[];
  warnings: string[];
  timingsMs: Record<string, number>;
  /** inputs the confidence composite needs; null when no speech was measured */
  cues: { paceValue: number | null; fillerValue: number | null; toneValue: number | null; longPauses: Span[]; speechMinutes: number } | null;
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

export function emptySpeech(): AudioResult['speech'] {
  return { speechDetected: false, wpm: null, articulationWpm: null, syllableRateWpm: null, fillers: [], pauses: [], longPauseCount: 0, pitchMeanHz: null, pitchVariation: null, loudnessDbfs: null };
}

export function noSpeechScores(reason: string): AudioResult['scores'] {
  return {
    speechRate: { value: null, evidence: [reason], tip: 'Record a spoken answer of at least a few sentences.' },
    voiceTone: { value: null, evidence: [reason], tip: 'Check that your microphone is on and speak for at least a few seconds.' },
    clarity: { value: null, evidence: [reason], tip: 'Record a spoken answer of at least a few sentences.' },
  };
}

/** Parts measured beforehand (the streaming analysis measures them while the answer is recorded). */
export interface AudioPrecomputed {
  /** speechProbabilities() of the same samples */
  probs?: Float32Array;
  /** the recognizer's transcription (e.g. block by block, see blocks.ts) */
  transcription?: Promise<Transcription>;
  /** measureProsody() of the same samples */
  prosody?: ProsodyRaw;
}

export async function analyzeAudio(
  pcm: Pcm,
  question: string,
  recognizer: Recognizer,
  stage: (name: string, fraction: number) => void,
  signal?: AbortSignal,
  pre: AudioPrecomputed = {},
): Promise<AudioResult> {
  const timingsMs: Record<string, number> = {};
  const timed = <T>(name: string, p: Promise<T>): Promise<T> => {
    const t0 = performance.now();
    return p.then((v) => ((timingsMs[name] = Math.round(performance.now() - t0)), v));
  };
  stage('voice activity', 0.1);
  const vadP = timed('voiceActivity', pre.probs ? Promise.resolve(pre.probs) : speechProbabilities(pcm.samples, signal));
  const prosodyP = timed('measuringVoice', pre.prosody ? Promise.resolve(pre.prosody) : measureProsodyInWorker(pcm.samples, pcm.sampleRate, signal));
  stage('transcribing', 0.15);
  const asrP = timed('transcribing', pre.transcription ?? recognizer.transcribe(pcm, signal));
  const [probs, rawText, prosody] = await Promise.all([vadP, asrP, prosodyP]);
  stage('measuring voice', 0.8);
  const speechSegs = segmentSpeech(probs);
  const speechSec = speechSegs.reduce((a, s) => a + s.end - s.start, 0);
  const warnings: string[] = [];
  if (speechSec < MIN_SPEECH_SEC || rawText.words.length === 0) {
    const why = `no speech detected (${speechSec.toFixed(1)} s of voice activity, ${rawText.words.length} words recognised)`;
    warnings.push(why);
    return { transcript: { text: '', words: [], recognizer: recognizer.name }, speech: emptySpeech(), scores: noSpeechScores(why), keyPoints: [], warnings, timingsMs, cues: null };
  }
  // Filled pauses the recognizer turned into words or skipped (see filledPauses.ts).
  const gaps0 = voicedGaps(speechSegs, rawText.words);
  const cands = filledPauseCandidates(rawText.words, gaps0);
  const labels = await timed('fillerCheck', classifyCandidates(pcm, cands, signal));
  const words = applyFilledPauses(rawText.words, cands, labels).map(({ text, start, end }) => ({ text, start, end }));
  const gaps = voicedGaps(speechSegs, words);

  const pauses = findPauses(speechSegs);
  const longPauses = pauses.filter((p) => p.end - p.start >= LONG_PAUSE_SEC);
  const span = speechSpan(speechSegs);
  const syll = span ? syllablesToWpm(prosody.nuclei.filter((t) => t >= span.start && t <= span.end).length, span.end - span.start) : null;
  const pace = choosePace(wordsPerMinute(words), articulationWpm(words, pauses), syll);
  const voice = voiceStats(prosody.pitch, prosody.intensity, speechSegs);
  const fillers = findFillers(words);
  const facts = clarityFacts(words, question);
  const speechMinutes = span ? (span.end - span.start) / 60 : 0;

  const speech: AudioResult['speech'] = {
    speechDetected: true,
    wpm: pace.wpm,
    articulationWpm: pace.articulationWpm,
    syllableRateWpm: pace.syllableRateWpm,
    fillers,
    pauses,
    longPauseCount: longPauses.length,
    pitchMeanHz: voice.pitchMeanHz,
    pitchVariation: voice.pitchVariation,
    loudnessDbfs: voice.loudnessDbfs,
    speechRateSource: pace.speechRateSource,
    speechStartSec: span ? r3(span.start) : null,
    speechEndSec: span ? r3(span.end) : null,
    speechSegments: speechSegs,
    voicedGaps: gaps,
    pitchRangeSemitones: voice.pitchRangeSemitones,
    loudnessVariationDb: voice.loudnessVariationDb,
    syllableNuclei: prosody.nuclei.length,
    pitchTrack: pitchTrack(prosody.pitch),
    hedges: facts.hedges,
    questionWordsReused: facts.questionWordsReused,
    meanPhraseWords: facts.meanSentenceWords,
  };
  const voiceIn = { pitchMeanHz: voice.pitchMeanHz, pitchVariation: voice.pitchVariation, pitchRangeSemitones: voice.pitchRangeSemitones, loudnessDbfs: voice.loudnessDbfs, loudnessVariationDb: voice.loudnessVariationDb };
  const scores = {
    speechRate: scoreSpeechRate({ ...pace, span }),
    voiceTone: scoreVoiceTone(voiceIn),
    clarity: scoreClarity({ fillers, voicedGaps: gaps, facts, speechMinutes, wordCount: words.length }),
  };
  return {
    transcript: { text: textOf(words), words, recognizer: recognizer.name },
    speech,
    scores,
    keyPoints: keyPoints(words, question),
    warnings,
    timingsMs: { ...timingsMs, prosodyWorkerCpu: Math.round(prosody.ms) },
    cues: {
      paceValue: pace.usedWpm === null ? null : paceValue(pace.usedWpm),
      fillerValue: speechMinutes > 0 ? fillerValue(fillers.length / speechMinutes) : null,
      toneValue: voice.pitchVariation === null ? null : toneValue(voice.pitchVariation),
      longPauses,
      speechMinutes,
    },
  };
}
