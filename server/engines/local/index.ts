/**
 * The local engine (default): audio analysis (this folder's audio.ts) and the vision pipeline run concurrently;
 * everything runs on this machine, no network.
 */
import { SCHEMA_VERSION, unmeasured, type Report } from '../../analysis/report.js';
import { decodeToPcm, UndecodableError, type Pcm } from '../../analysis/audio/decode.js';
import type { Logger, Recognizer } from '../../analysis/audio/recognizer.js';
import { selectRecognizer } from '../../analysis/audio/whisper.js';
import { scoreConfidence } from '../../analysis/scoring/confidence.js';
import { analyzeVision, closeVisionWorker } from '../../analysis/vision/index.js';
import type { VisionOutput } from '../../analysis/vision/contract.js';
import { AnalysisError, type AnalysisEngine, type AnalysisInput, type ProgressFn } from '../engine.js';
import { MIN_ANSWER_SEC, analyzeAudio, emptySpeech, noSpeechScores, type AudioResult } from './audio.js';

export interface LocalEngineOptions {
  recognizer?: Recognizer;
  logger?: { info(...a: never[]): void; warn(...a: never[]): void } | Logger;
  /** defaults to analyzeVision from server/analysis/vision */
  vision?: typeof analyzeVision;
  /** Whisper settings (WHISPER_MODEL_DIR, WHISPER_CLI) from the parsed configuration; unset = pocketsphinx unless found by default. */
  whisper?: { WHISPER_MODEL_DIR?: string | undefined; WHISPER_CLI?: string | undefined };
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
      recognizer ??= selectRecognizer(opts.whisper ?? {}, log).recognizer;
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

      const visionP: Promise<VisionOutput | Error> = input.hasVideo
        ? vision(input.videoPath, { durationSec: input.durationSec, signal: visionAc.signal, onProgress: (f) => { visionFrac = f; emit(); } }).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))))
        : Promise.resolve(new Error('the file has no video track'));

      const audioP = (async (): Promise<{ audio: AudioResult; decodeMs: number }> => {
        if (!input.hasAudio) return { audio: silentResult('the file has no audio track'), decodeMs: 0 };
        const td = performance.now();
        let pcm: Pcm;
        try {
          pcm = await decodeToPcm(input.videoPath, signal, input.durationSec);
        } catch (e) {
          if (e instanceof UndecodableError) throw new AnalysisError(e.message);
          throw e;
        }
        const decodeMs = Math.round(performance.now() - td);
        if (pcm.durationSec < MIN_ANSWER_SEC) {
          return { audio: silentResult(`the answer is too short to measure (${pcm.durationSec.toFixed(1)} s; at least ${MIN_ANSWER_SEC} s needed)`), decodeMs };
        }
        return { audio: await analyzeAudio(pcm, input.question, recognizer!, stage, signal), decodeMs };
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
      const timingsMs: Record<string, number> = { decoding: decodeMs, ...audio.timingsMs };
      if (vis instanceof Error) {
        visionReason = `vision not measured: ${vis.message}`;
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
        scores: { confidence, ...audio.scores, eyeContact, bodyLanguage },
        keyPoints: audio.keyPoints,
        warnings,
        timingsMs,
      };
    },
  };
}

function silentResult(reason: string): AudioResult {
  return { transcript: null, speech: emptySpeech(), scores: noSpeechScores(reason), keyPoints: [], warnings: [reason], timingsMs: {}, cues: null };
}
