/**
 * Report v1: the one format every analysis engine returns (local, twelvelabs, hybrid).
 * Outside tools read it, so names are stable. Times are seconds from the start of the video.
 * A field an engine cannot measure is null, with the reason in `warnings` or in the score's evidence.
 */
import { z } from 'zod';
import { LENGTH_VERDICTS, STAR_PARTS, type StarPartName } from './content-parts.js';
import { questionTypeSchema } from './questions.js';
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
  /** plain-language reasons for a level below good (the figures below are optional: the local engine fills them all) */
  reasons: z.array(z.string()),
  /** mean word confidence 0..1, null when the recognizer gives none */
  meanConfidence: z.number().nullable().optional(),
  wordCount: z.number().optional(),
  /** words implied by the syllable nuclei over the same span */
  syllableWordEstimate: z.number().nullable().optional(),
  /** |words - syllable estimate| / syllable estimate */
  countDisagreement: z.number().nullable().optional(),
});
export type TranscriptReliability = z.infer<typeof reliabilitySchema>;

/**
 * How far the pitch figures can be trusted (local engine; server/analysis/audio/voice.ts). `level` "low": pitch mean,
 * pitch variation and range are null, the voice-tone score is null with these reasons, and no monotone claim is made.
 */
export const pitchReliabilitySchema = z.object({
  level: z.enum(['good', 'low']),
  /** plain-language reasons for "low" */
  reasons: z.array(z.string()),
  /** voiced frames / frames inside voice activity (real speech is typically 40-70 % voiced) */
  voicedRatio: z.number().nullable(),
  /** share of the frames both trackers found voiced on which their F0 is within 10 %, null when too few to compare */
  trackerAgreement: z.number().nullable(),
  voicedFrames: z.number(),
  /** frames both trackers found voiced (the agreement's denominator) */
  comparedFrames: z.number(),
});
export type PitchReliability = z.infer<typeof pitchReliabilitySchema>;

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
    /** local engine: whether the pitch figures above are trustworthy, and why not */
    pitchReliability: pitchReliabilitySchema.optional(),
  })
  .passthrough();

export const visualSchema = z
  .object({
    facePresentRatio: z.number().nullable(),
    facingCameraRatio: z.number().nullable(),
  })
  .passthrough();

/** A stretch of the answer: its words and their time. */
export const timedTextSchema = z.object({ text: z.string(), start: z.number(), end: z.number() });
export type TimedText = z.infer<typeof timedTextSchema>;

export { LENGTH_VERDICTS, STAR_PARTS, type StarPartName };

/** Terms of the question (or job description) the answer used and missed, compared by stem. */
export const termCoverageSchema = z.object({
  used: z.array(z.string()),
  missed: z.array(z.string()),
  /** used / (used + missed), null when there were no terms to look for. */
  coverage: z.number().min(0).max(1).nullable(),
});
export type TermCoverage = z.infer<typeof termCoverageSchema>;

/** What the answer said, measured from the transcript (server/analysis/content; rules in docs/scoring.md). */
export const contentSchema = z.object({
  /** False when the transcript is too weak to judge what was said; then every part below is null or empty. */
  reliable: z.boolean(),
  /** Why no content claim is made, null when reliable. */
  unreliableReason: z.string().nullable(),
  questionType: questionTypeSchema,
  length: z
    .object({
      wordCount: z.number().int().min(0),
      /** From the first to the last recognised word. */
      speakingSec: z.number().min(0),
      rangeSec: z.object({ min: z.number(), max: z.number() }),
      verdict: z.enum(LENGTH_VERDICTS),
      evidence: z.array(z.string()),
      tip: z.string(),
    })
    .nullable(),
  /** STAR structure; null when the question is not behavioural or the transcript is unreliable. */
  structure: z
    .object({
      spans: z.array(timedTextSchema.extend({ part: z.enum(STAR_PARTS), firstWord: z.number().int(), lastWord: z.number().int(), cues: z.array(z.string()) })),
      present: z.array(z.enum(STAR_PARTS)),
      missing: z.array(z.enum(STAR_PARTS)),
      evidence: z.array(z.string()),
      tip: z.string(),
    })
    .nullable(),
  relevance: z
    .object({
      question: termCoverageSchema,
      /** Against the job description the user pasted; null when none was given. */
      job: termCoverageSchema.nullable(),
      evidence: z.array(z.string()),
      tip: z.string(),
    })
    .nullable(),
  talkingPoints: z
    .object({
      experience: z.array(timedTextSchema),
      skills: z.array(timedTextSchema),
      lessons: z.array(timedTextSchema),
      goals: z.array(timedTextSchema),
      repeatedWords: z.array(z.object({ word: z.string(), count: z.number().int() })),
      overusedPhrases: z.array(z.object({ phrase: z.string(), count: z.number().int(), times: z.array(z.number()) })),
      hedges: z.array(z.object({ text: z.string(), start: z.number() })),
      evidence: z.array(z.string()),
      tip: z.string(),
    })
    .nullable(),
  /** The most informative whole sentences, in spoken order, with their time. */
  keySentences: z.array(timedTextSchema),
});
export type Content = z.infer<typeof contentSchema>;

/** One strength or thing to work on: tied to a measurement, with its evidence, a moment to play and a tip. */
export const summaryItemSchema = z.object({
  /** Plain words, e.g. "Steady pace". */
  title: z.string(),
  /** Where the figure lives in the report, e.g. "scores.speechRate" or "content.structure". */
  measurement: z.string(),
  /** The measured figure in words, e.g. "142 words per minute (band 100-165)". */
  value: z.string(),
  evidence: z.string(),
  /** Seconds from the start of the video to play, null when no single moment shows it. */
  time: z.number().nullable(),
  tip: z.string(),
});
export type SummaryItem = z.infer<typeof summaryItemSchema>;

/** The report's first screen: 2-3 strengths and 2-3 things to work on (fewer when less was measured). */
export const summarySchema = z.object({
  strengths: z.array(summaryItemSchema).max(3),
  improvements: z.array(summaryItemSchema).max(3),
  /** Why the summary is short or empty (e.g. unreliable transcript), null otherwise. */
  note: z.string().nullable(),
});
export type Summary = z.infer<typeof summarySchema>;

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
    /** Added after every engine (server/analysis/summary); absent in reports made before it existed. */
    summary: summarySchema.optional(),
    content: contentSchema.optional(),
  })
  .passthrough();
export type Report = z.infer<typeof reportSchema>;
