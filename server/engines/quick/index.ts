/**
 * The quick engine: ffmpeg only. It measures duration, whether there is sound, the speech/silence
 * ratio and silent pauses (silencedetect at -40 dB, >= 0.5 s). Everything else stays null with the
 * reason. Meant for very small machines and for fast tests of the app's plumbing.
 */
import { SCHEMA_VERSION, type Span, unmeasured } from '../../analysis/report.js';
import { FFMPEG, run } from '../../media/ffmpeg.js';
import { type AnalysisEngine, AnalysisError } from '../engine.js';
import { parseSilences, speechSpan } from './silence.js';

const LONG_PAUSE_SEC = 1.5; // long pause >= 1.5 s (see docs/scoring.md)
const NOT_MEASURED = 'Not measured by the quick engine (ffmpeg only); use ANALYSIS_ENGINE=local for this score.';

export function createQuickEngine(): AnalysisEngine {
  return {
    name: 'quick',
    async analyze(input, onProgress, signal) {
      const t0 = Date.now();
      onProgress({ stage: 'measuring silence', progress: 0.1 });
      const warnings: string[] = [];
      let pauses: Span[] = [];
      let speechDetected = false;
      let speechRatio: number | null = null;
      if (input.hasAudio) {
        const r = await run(FFMPEG, ['-nostdin', '-hide_banner', '-i', input.videoPath, '-map', '0:a:0', '-af', 'silencedetect=noise=-40dB:d=0.5', '-f', 'null', '-'], { signal });
        if (r.code !== 0) throw new AnalysisError('ffmpeg could not decode the audio track');
        const { speech, inner, silentSec } = speechSpan(parseSilences(r.stderr, input.durationSec), input.durationSec);
        speechDetected = speech !== null;
        speechRatio = input.durationSec > 0 ? Math.max(0, 1 - silentSec / input.durationSec) : null;
        pauses = inner;
        if (!speechDetected) warnings.push('No sound above -40 dBFS was found: the recording seems silent.');
      } else {
        warnings.push('The video has no audio track.');
      }
      onProgress({ stage: 'done', progress: 1 });
      const tip = 'Switch to the local engine for a full analysis.';
      return {
        schemaVersion: SCHEMA_VERSION,
        engine: 'quick',
        question: input.question,
        input: { durationSec: input.durationSec, hasAudio: input.hasAudio, hasVideo: input.hasVideo },
        transcript: null,
        speech: {
          speechDetected,
          wpm: null,
          articulationWpm: null,
          syllableRateWpm: null,
          fillers: [],
          pauses,
          longPauseCount: pauses.filter((p) => p.end - p.start >= LONG_PAUSE_SEC).length,
          pitchMeanHz: null,
          pitchVariation: null,
          loudnessDbfs: null,
          speechRatio,
        },
        visual: null,
        scores: {
          confidence: unmeasured(NOT_MEASURED, tip),
          clarity: unmeasured(NOT_MEASURED, tip),
          speechRate: unmeasured(NOT_MEASURED, tip),
          voiceTone: unmeasured(NOT_MEASURED, tip),
          eyeContact: unmeasured(NOT_MEASURED, tip),
          bodyLanguage: unmeasured(NOT_MEASURED, tip),
        },
        keyPoints: [],
        warnings,
        timingsMs: { total: Date.now() - t0 },
      };
    },
  };
}
