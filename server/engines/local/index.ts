/**
 * The local engine (default): audio analysis (this folder's audio.ts) and the vision pipeline run concurrently;
 * everything runs on this machine, no network.
 */
import { SCHEMA_VERSION, unmeasured, type Report } from '../../analysis/report.js';
import { decodeToPcm, UndecodableError, type Pcm } from '../../analysis/audio/decode.js';
import type { Logger, Recognizer } from '../../analysis/audio/recognizer.js';
import { selectRecognizer, type SpeechSettings } from './recognizers.js';
import { COMPOSITE_EVIDENCE, scoreConfidence } from '../../analysis/scoring/confidence.js';
import { analyzeVision, closeVisionWorker } from '../../analysis/vision/index.js';
import type { VisionOutput } from '../../analysis/vision/contract.js';
import { AnalysisError, type AnalysisEngine, type AnalysisInput, type ProgressFn } from '../engine.js';
import { MIN_ANSWER_SEC, MIN_JUDGED_SPEECH_SEC, analyzeAudio, emptySpeech, noSpeechScores, type AudioResult } from './audio.js';

/** Why the visual scores of an answer without camera are null (shown with them). */
export const AUDIO_ONLY_REASON = 'no video: audio-only answer';

export interface LocalEngineOptions {
  recognizer?: Recognizer;
  logger?: { info(...a: never[]): void; warn(...a: never[]): void } | Logger;
  /** defaults to analyzeVision from server/analysis/vision */
  vision?: typeof analyzeVision;
  /** SPEECH_MODEL and DATA_DIR/models (server/config.ts); default: pocketsphinx */
  speech?: SpeechSettings;
}

export function createLocalEngine(opts: LocalEngineOptions = {}): AnalysisEngine {
  const log = opts.logger as Logger | undefined;
  let recognizer = opts.recognizer;
  const vision = opts.vision ?? analyzeVision;
  return {
    name: 'local',
    /** Stops the vision worker thread (it also stops by itself when idle). */
    close: () => closeVisionWorker(),
    async analyze(input: AnalysisInput, onProgress: ProgressFn, signal?: AbortSignal): Promise<Report> {
      const t0 = performance.now();
      // Vision gets its own controller so it stops when the audio half fails (e.g. a damaged file).
      const visionAc = new AbortController();
      const stopVision = (): void => visionAc.abort(signal?.reason ?? new Error('aborted'));
      signal?.addEventListener('abort', stopVision, { once: true });
      recognizer ??= selectRecognizer(opts.speech ?? { speechModel: 'pocketsphinx', modelsDir: '' }, log).recognizer;
      let audioFrac = 0;
      let visionFrac = input.hasVideo ? 0 : 1;
      let last = 0;
      let stageName = 'decoding';
      const emit = (): void => {
        const p = Math.min(0.97, 0.02 + 0.95 * (0.65 * audioFrac + 0.35 * visionFrac));
        last = Math.max(last, p);
        onProgress({ stage: stageName, progress: Math.round(last * 1000) / 1000 });
      };
      const stage = (name: string, frac: number): void => {
        stageName = name;
        audioFrac = Math.max(audioFrac, frac);
        emit();
      };
      stage('decoding', 0);

      const fromFile = (): Promise<VisionOutput | Error> => input.hasVideo
        ? vision(input.videoPath, { durationSec: input.durationSec, signal: visionAc.signal, onProgress: (f) => { visionFrac = f; emit(); } }).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))))
        : Promise.resolve(new Error('the file has no video track'));
      // streamed: the frames were analysed while the answer was uploaded; if that failed, analyse the file
      const visionP: Promise<VisionOutput | Error> = input.streamed
        ? input.streamed.vision.then((v) => (v instanceof Error && input.hasVideo ? fromFile() : v))
        : fromFile();

      const audioP = (async (): Promise<{ audio: AudioResult; decodeMs: number }> => {
        if (!input.hasAudio) return { audio: silentResult('the file has no audio track'), decodeMs: 0 };
        const td = performance.now();
        let pcm: Pcm;
        try {
          pcm = input.streamed?.pcm ?? (await decodeToPcm(input.videoPath, signal, input.durationSec));
        } catch (e) {
          if (e instanceof UndecodableError) throw new AnalysisError(e.message);
          throw e;
        }
        const decodeMs = Math.round(performance.now() - td);
        if (pcm.durationSec < MIN_ANSWER_SEC) {
          return { audio: { ...silentResult(`too short to judge: the answer is ${pcm.durationSec.toFixed(1)} s long (at least ${MIN_JUDGED_SPEECH_SEC} s of speech are needed for a fair score)`), tooShortClip: true }, decodeMs };
        }
        return { audio: await analyzeAudio(pcm, input.question, recognizer!, stage, signal, input.streamed?.audio), decodeMs };
      })();
      const [audioOut, vis] = await Promise.all([
        audioP.catch((e: unknown) => {
          visionAc.abort(e);
          throw e;
        }),
        visionP,
      ]).finally(() => signal?.removeEventListener('abort', stopVision));
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      const { audio, decodeMs } = audioOut;
      stage('scoring', 1);

      const warnings = [...audio.warnings];
      let visual: Report['visual'] = null;
      let eyeContact = unmeasured('', '');
      let bodyLanguage = unmeasured('', '');
      let visionReason: string | null = null;
      const timingsMs: Record<string, number> = { decoding: decodeMs, ...audio.timingsMs, ...input.streamed?.timingsMs };
      if (vis instanceof Error) {
        // An answer without camera is not a failure: the visual scores are simply not measured, and nothing is penalised.
        visionReason = input.hasVideo ? `vision not measured: ${vis.message}` : AUDIO_ONLY_REASON;
        warnings.push(visionReason);
        log?.warn(visionReason);
        eyeContact = unmeasured(visionReason, 'Look at the camera lens while you speak.');
        bodyLanguage = unmeasured(visionReason, 'Sit upright and keep your hands visible and calm.');
      } else {
        visual = vis.visual;
        eyeContact = vis.scores.eyeContact;
        bodyLanguage = vis.scores.bodyLanguage;
        warnings.push(...vis.warnings);
        for (const [k, v] of Object.entries(vis.timingsMs)) timingsMs[`vision.${k}`] = v;
      }
      const confidence = audio.cues
        ? scoreConfidence({ ...audio.cues, facingCameraRatio: visual?.facingCameraRatio ?? null, bodyLanguageValue: bodyLanguage.value, visionReason })
        : unmeasured(audio.warnings[0] ?? 'no speech was measured', 'Record a spoken answer of at least a few sentences.');
      let scores: Report['scores'] = { confidence, ...audio.scores, eyeContact, bodyLanguage };
      if (audio.tooShortClip) scores = tooShort(scores, audio.warnings[0]!);
      else if (audio.cues && audio.speechSec < MIN_JUDGED_SPEECH_SEC) {
        const why = `too short to judge: ${audio.speechSec.toFixed(1)} s of speech (at least ${MIN_JUDGED_SPEECH_SEC} s are needed for a fair score); the measurements are shown, no score is given`;
        warnings.unshift(why);
        scores = tooShort(scores, why);
      }
      timingsMs.total = Math.round(performance.now() - t0);
      onProgress({ stage: 'done', progress: 1 });
      return {
        schemaVersion: SCHEMA_VERSION,
        engine: 'local',
        question: input.question,
        input: { durationSec: input.durationSec, hasAudio: input.hasAudio, hasVideo: input.hasVideo },
        transcript: audio.transcript,
        speech: audio.speech,
        visual,
        scores,
        keyPoints: audio.keyPoints,
        warnings,
        timingsMs,
      };
    },
  };
}

function silentResult(reason: string): AudioResult {
  return { transcript: null, speech: emptySpeech(), scores: noSpeechScores(reason), keyPoints: [], warnings: [reason], timingsMs: {}, cues: null, speechSec: 0 };
}

/**
 * Every score null with the reason first; the measurement lines stay as evidence, but not the confidence
 * composite's sub-values ("pace 91 (weight 0.2)"): they are scores, and no score is given.
 */
function tooShort(scores: Report['scores'], why: string): Report['scores'] {
  const out = {} as Report['scores'];
  for (const [k, v] of Object.entries(scores) as Array<[keyof Report['scores'], Report['scores'][keyof Report['scores']]]>)
    out[k] = { value: null, evidence: [why, ...v.evidence.filter((e) => e !== why && !e.startsWith(COMPOSITE_EVIDENCE))], tip: 'Answer for at least 20-30 seconds so there is enough speech to judge.' };
  return out;
}
