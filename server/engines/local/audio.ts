/** The audio half of the local engine: VAD, recognition, filled-pause check, pauses, pace, voice, text facts. */
import type { Score, Span } from '../../analysis/report.js';
import type { Pcm } from '../../analysis/audio/decode.js';
import { FILLED, applyFilledPauses, classifyCandidates, filledPauseCandidates } from '../../analysis/audio/filledPauses.js';
import { levelRangeDb, measurePace } from '../../analysis/audio/pace.js';
import { LONG_PAUSE_SEC, findPauses, speechSpan, voicedGaps } from '../../analysis/audio/pauses.js';
import { pitchTrack } from '../../analysis/audio/pitch.js';
import { measureProsodyInWorker } from '../../analysis/audio/prosody.js';
import type { ProsodyRaw } from '../../analysis/audio/prosodyCore.js';
import { textOf, type Recognizer, type Transcription } from '../../analysis/audio/recognizer.js';
import { transcriptReliability } from '../../analysis/audio/reliability.js';
import { syllablesToWpm } from '../../analysis/audio/syllables.js';
import {
  acousticFilledPauses,
  dropUnheldFillerWords,
  heldFillerWords,
  heldVowelWords,
  isolatedSyllableWords,
  speakerProfile,
  spectralFlux,
  steadyVoicedStretches,
  unflatten,
  wordSteadyOptions,
} from '../../analysis/audio/steadyVoicing.js';
import { segmentSpeech, speechProbabilities } from '../../analysis/audio/vad.js';
import { voiceStats } from '../../analysis/audio/voice.js';
import { scoreClarity, fillerValue } from '../../analysis/scoring/clarity.js';
import { paceValue, scoreSpeechRate } from '../../analysis/scoring/speechRate.js';
import { scoreVoiceTone, toneValue } from '../../analysis/scoring/voiceTone.js';
import { findFillers } from '../../analysis/text/fillers.js';
import { clarityFacts, keyPoints } from '../../analysis/text/keyPoints.js';
import type { Report } from '../../analysis/report.js';

export const MIN_ANSWER_SEC = 3;
/** Under this much voice activity an answer is "too short to judge": measurements are shown, no score is given. */
export const MIN_JUDGED_SPEECH_SEC = 15;
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
  /** seconds of voice activity (the "too short to judge" check) */
  speechSec: number;
  /** the clip itself is too short to measure (under MIN_ANSWER_SEC) */
  tooShortClip?: boolean;
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
    return { transcript: { text: '', words: [], recognizer: recognizer.name }, speech: emptySpeech(), scores: noSpeechScores(why), keyPoints: [], warnings, timingsMs, cues: null, speechSec };
  }
  // Filled pauses (docs/accuracy.md). The acoustic cues (steadyVoicing.ts) are judged against this speaker's
  // own pitch, spectral movement and loudness; first, unsure filler words that are not a held vowel go.
  const spectra = unflatten(prosody.spectra);
  const flux = spectralFlux(spectra);
  const speaker = speakerProfile(prosody.voicedF0, flux);
  const recWords = speaker ? dropUnheldFillerWords(rawText.words, prosody.voicedF0, flux, speaker) : rawText.words;
  // Filled pauses the recognizer turned into words or skipped: the phone decoder (filledPauses.ts)...
  const gaps0 = voicedGaps(speechSegs, recWords);
  const cands = filledPauseCandidates(recWords, gaps0);
  const labels = await timed('fillerCheck', classifyCandidates(pcm, cands, signal));
  // ...words that are a held vowel (absolute steadiness at near-zero confidence, or against the speaker) or an
  // isolated unsure syllable between silences...
  const held = new Set([
    ...heldFillerWords(recWords, steadyVoicedStretches(prosody.voicedF0, spectra, wordSteadyOptions)),
    ...(speaker ? heldVowelWords(recWords, prosody.voicedF0, flux, speaker) : []),
    ...(speaker ? isolatedSyllableWords(recWords, prosody.voicedF0, prosody.intensity, speaker) : []),
  ]);
  const relabelled = recWords.map((w, i) => (held.has(i) && !FILLED.has(w.text) ? { ...w, text: 'uh' } : w));
  const phoneWords = applyFilledPauses(relabelled, cands, labels).map(({ text, start, end }) => ({ text, start, end }));
  // ...and so are steady voiced stretches in the transcript's gaps
  const steady = steadyVoicedStretches(prosody.voicedF0, spectra);
  const acoustic = acousticFilledPauses(steady, speechSegs, phoneWords).map((s) => ({ text: 'uh', start: s.start, end: s.end }));
  const words = [...phoneWords, ...acoustic].sort((a, b) => a.start - b.start);
  const gaps = voicedGaps(speechSegs, words);

  const pauses = findPauses(speechSegs);
  const longPauses = pauses.filter((p) => p.end - p.start >= LONG_PAUSE_SEC);
  const span = speechSpan(speechSegs);
  const nuclei = prosody.nuclei.filter((t) => speechSegs.some((s) => t >= s.start && t <= s.end));
  const syll = span ? syllablesToWpm(nuclei.length, span.end - span.start) : null;
  const reliability = transcriptReliability(rawText.words, syll !== null && span ? (syll * (span.end - span.start)) / 60 : null);
  const reliable = reliability.level !== 'low';
  // the one pace (pace.ts): words over the voice-activity span; in a low-reliability transcript of a recording
  // with enough level range, stretches of low-confidence words are counted by their syllable nuclei
  const levelRange = levelRangeDb(prosody.intensity);
  const confidence = new Map(rawText.words.map((w) => [`${w.start}:${w.end}`, w.confidence]));
  const paceWords = words.map((w) => ({ ...w, confidence: confidence.get(`${w.start}:${w.end}`) }));
  const pace = measurePace({ words: paceWords, span, pauses, syllableWpm: syll, nuclei, weakTranscript: !reliable, levelRangeDb: levelRange });
  if (rawText.note) warnings.push(rawText.note);
  if (!reliable)
    warnings.push(`The transcript is unreliable (${reliability.reasons.join('; ')}): key points and wording-based clarity claims are not made from it.`);
  const voice = voiceStats(prosody.pitch, prosody.voiceIntensity, speechSegs, prosody.pitchCheck);
  const fillers = findFillers(words);
  const facts = clarityFacts(words, question);
  const speechMinutes = span ? (span.end - span.start) / 60 : 0;

  const speech: AudioResult['speech'] = {
    speechDetected: true,
    wpm: pace.wpm,
    recognizerWpm: pace.recognizerWpm,
    paceWordCount: pace.wordCount,
    paceSpanSec: pace.spanSec,
    paceRecounted: pace.recounted,
    levelRangeDb: levelRange,
    articulationWpm: pace.articulationWpm,
    syllableRateWpm: pace.syllableRateWpm,
    fillers,
    pauses,
    longPauseCount: longPauses.length,
    pitchMeanHz: voice.pitchMeanHz,
    pitchVariation: voice.pitchVariation,
    loudnessDbfs: voice.loudnessDbfs,
    pitchReliability: voice.pitchReliability,
    speechRateSource: pace.speechRateSource,
    speechStartSec: span ? r3(span.start) : null,
    speechEndSec: span ? r3(span.end) : null,
    speechSegments: speechSegs,
    voicedGaps: gaps,
    pitchRangeSemitones: voice.pitchRangeSemitones,
    loudnessVariationDb: voice.loudnessVariationDb,
    syllableNuclei: nuclei.length,
    pitchTrack: voice.pitchReliability.level === 'good' ? pitchTrack(prosody.pitch) : [],
    hedges: facts.hedges,
    questionWordsReused: facts.questionWordsReused,
    meanPhraseWords: facts.meanSentenceWords,
  };
  const voiceIn = { pitchMeanHz: voice.pitchMeanHz, pitchVariation: voice.pitchVariation, pitchRangeSemitones: voice.pitchRangeSemitones, loudnessDbfs: voice.loudnessDbfs, loudnessVariationDb: voice.loudnessVariationDb, pitchReliability: voice.pitchReliability };
  const scores = {
    speechRate: scoreSpeechRate({ ...pace, span }),
    voiceTone: scoreVoiceTone(voiceIn),
    clarity: scoreClarity({ fillers, voicedGaps: gaps, facts, speechMinutes, wordCount: words.length, transcriptUnreliable: reliable ? null : reliability.reasons.join('; ') }),
  };
  return {
    transcript: { text: textOf(words), words, recognizer: recognizer.name, reliability },
    speech,
    scores,
    keyPoints: reliable ? keyPoints(words, question) : [],
    warnings,
    timingsMs: { ...timingsMs, prosodyWorkerCpu: Math.round(prosody.ms) },
    cues: {
      paceValue: pace.usedWpm === null || pace.caveat ? null : paceValue(pace.usedWpm),
      fillerValue: speechMinutes > 0 ? fillerValue((reliable ? fillers : fillers.filter((f) => f.kind === 'filled')).length / speechMinutes) : null,
      toneValue: voice.pitchVariation === null ? null : toneValue(voice.pitchVariation),
      longPauses,
      speechMinutes,
    },
    speechSec,
  };
}
