/**
 * The original Twelve Labs demo's API, as its own front end reads it: GET /get_question -> {question},
 * POST /upload (multipart field `video`) -> six scores on 1-10 + `imp_points`, and `{error}` on failure.
 * We add `id` and the full Report v1 under `report` (see docs/legacy-demo.md).
 */
import { z } from 'zod';
import { reportSchema } from '../server/analysis/report.js';
import { errorBody } from './errors.js';

/** The demo's score names, and the Report v1 score each one comes from. */
export const legacyScoreSources = {
  confidence: 'confidence',
  clarity: 'clarity',
  speech_rate: 'speechRate',
  eye_contact: 'eyeContact',
  body_language: 'bodyLanguage',
  voice_tone: 'voiceTone',
} as const;
export type LegacyScoreName = keyof typeof legacyScoreSources;
export const legacyScoreNames = Object.keys(legacyScoreSources) as LegacyScoreName[];

/** What the demo shows as "n/a/10": the score could not be measured (the reason is in `report.scores.*.evidence`). */
export const NOT_MEASURED = 'n/a' as const;

export const legacyScore = z
  .union([z.number().int().min(1).max(10), z.literal(NOT_MEASURED)])
  .describe('1-10: a tenth of the 0-100 score in `report`, rounded half up, at least 1; "n/a" when it could not be measured (never 0, never guessed)');
export type LegacyScore = z.infer<typeof legacyScore>;

export const legacyUploadReply = z.object({
  confidence: legacyScore,
  clarity: legacyScore,
  speech_rate: legacyScore,
  eye_contact: legacyScore,
  body_language: legacyScore,
  voice_tone: legacyScore,
  imp_points: z.array(z.string()).describe('The key points of the answer (report.keyPoints)'),
  id: z.string().describe('The answer id: GET /api/answers/{id}, or /answers/{id} in the web app'),
  report: reportSchema.describe('The full Report v1, with the evidence, tip and reason behind each score'),
});
export type LegacyUploadReply = z.infer<typeof legacyUploadReply>;

export const legacyQuestionReply = z.object({ question: z.string() });
export type LegacyQuestionReply = z.infer<typeof legacyQuestionReply>;

/**
 * Every error of the demo's routes: our usual error body, but `error` carries the same human-readable text as
 * `message` (the demo's page shows `data.error`). After the waiting limit, `id` and `statusUrl` say where the
 * analysis, which goes on, can be read.
 */
export const legacyErrorBody = errorBody.extend({
  error: z.string().describe('The message for the user (same as `message`)'),
  id: z.string().optional().describe('The answer id, when the answer was stored (ANALYSIS_TIMEOUT)'),
  statusUrl: z.string().optional().describe('Where the analysis can be followed (ANALYSIS_TIMEOUT)'),
});
export type LegacyErrorBody = z.infer<typeof legacyErrorBody>;
