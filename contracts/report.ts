/**
 * Report v1: the one format every analysis engine returns (local, twelvelabs, hybrid).
 * Outside tools read it, so names are stable. Times are seconds from the start of the video.
 * A field an engine cannot measure is null, with the reason in `warnings` or in the score's evidence.
 */
import { z } from 'zod';
import { SCORE_NAMES, type ScoreName } from './scores.js';

export { SCORE_NAMES, type ScoreName };

export const SCHEMA_VERSION = 1 as const;

export const scoreSchema = z.object({
  /** 0-100, or null when it could not be measured (the evidence says why). */
  value: z.number().min(0).max(100).nullable(),
  /** The measurements the value came from, as short human-readable lines with numbers and timestamps. */
  evidence: z.array(z.string()),
  /** One actionable tip. */
  tip: z.string(),
});
export type Score = z.infer<typeof scoreSchema>;

export const wordSchema = z.object({ text: z.string(), start: z.number(), end: z.number() });
export type Word = z.infer<typeof wordSchema>;

export const spanSchema = z.object({ start: z.number(), end: z.number() });
export type Span = z.infer<typeof spanSchema>;

export const fillerSchema = z.object({
  text: z.string(),
  start: z.number(),
  end: z.number(),
  /** filled pause (um, uh, er, ah, hmm) or discourse marker (like, you know, I mean, basically, ...). */
  kind: z.enum(['filled', 'marker']),
});
export type Filler = z.infer<typeof fillerSchema>;

/**
 * How far the transcript can be trusted (local engine). `level` "low": key points and wording-based clarity
 * claims are not made from it; the coach reads `transcript.reliability.level` too.
 */
export const reliabilitySchema = z.object({
  level: z.enum(['good', 'fair', 'low']),
  /** plain-language reasons for a level below good */
  reasons: z.array(z.string()),
  /** mean word confidence 0..1, null when the recognizer gives none */
  meanConfidence: z.number().nullable(),
  wordCount: z.number(),
  /** words implied by the syllable nuclei over the same span */
  syllableWordEstimate: z.number().nullable(),
  /** |words - syllable estimate| / syllable estimate */
  countDisagreement: z.number().nullable(),
});
export type TranscriptReliability = z.infer<typeof reliabilitySchema>;

export const transcriptSchema = z.object({
  text: z.string(),
  words: z.array(wordSchema),
  recognizer: z.string(),
  reliability: reliabilitySchema.optional(),
});

export const speechSchema = z
  .object({
    speechDetected: z.boolean(),
    wpm: z.number().nullable(),
    articulationWpm: z.number().nullable(),
    syllableRateWpm: z.number().nullable(),
    fillers: z.array(fillerSchema),
    pauses: z.array(spanSchema),
    longPauseCount: z.number(),
    pitchMeanHz: z.number().nullable(),
    pitchVariation: z.number().nullable(),
    loudnessDbfs: z.number().nullable(),
  })
  .passthrough();

export const visualSchema = z
  .object({
    facePresentRatio: z.number().nullable(),
    facingCameraRatio: z.number().nullable(),
  })
  .passthrough();

/** One score per name in SCORE_NAMES (contracts/scores.ts). */
export const scoresSchema = z.object(Object.fromEntries(SCORE_NAMES.map((name) => [name, scoreSchema])) as Record<ScoreName, typeof scoreSchema>);

export const reportSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    engine: z.string(),
    question: z.string(),
    input: z.object({ durationSec: z.number(), hasAudio: z.boolean(), hasVideo: z.boolean() }),
    transcript: transcriptSchema.nullable(),
    speech: speechSchema.nullable(),
    visual: visualSchema.nullable(),
    scores: scoresSchema,
    keyPoints: z.array(z.string()),
    warnings: z.array(z.string()),
    timingsMs: z.record(z.string(), z.number()),
  })
  .passthrough();
export type Report = z.infer<typeof reportSchema>;
