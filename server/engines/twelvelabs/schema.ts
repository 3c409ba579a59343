/**
 * The JSON schema Pegasus must answer with, and the zod schema its reply is validated against.
 * The Twelve Labs API refuses (422) a json_schema containing additionalProperties, minLength, maxLength,
 * uniqueItems or maxItems, and accepts minItems only as 0 or 1 (twelvelabs-js 1.3.4, SyncResponseFormat docs).
 * Only observable behaviour is asked for: no emotion, no personality, no "how confident the person feels".
 */
import { z } from 'zod';
import type { ScoreName } from '../../analysis/report.js';

export const FORBIDDEN_SCHEMA_KEYS = ['additionalProperties', 'minLength', 'maxLength', 'uniqueItems', 'maxItems'] as const;

/** Report score name -> property name in the model's reply. */
export const READING_KEYS: Record<ScoreName, string> = {
  confidence: 'confidence',
  clarity: 'clarity',
  speechRate: 'speech_rate',
  voiceTone: 'voice_tone',
  eyeContact: 'eye_contact',
  bodyLanguage: 'body_language',
};

const str = (description: string) => ({ type: 'string', description });

const reading = (what: string) => ({
  type: 'object',
  description: what,
  properties: {
    observation: str('What you observed, in one or two sentences, citing moments (m:ss) where possible.'),
    rating: {
      description: '0-100 rating of this observable aspect, or null if it cannot be observed in this video.',
      anyOf: [{ type: 'integer', minimum: 0, maximum: 100 }, { type: 'null' }],
    },
  },
  required: ['observation', 'rating'],
});

export const pegasusJsonSchema: Record<string, unknown> = {
  type: 'object',
  properties: {
    summary: str('Two-sentence factual summary of what the candidate said.'),
    key_points: { type: 'array', minItems: 1, items: str('One key point of the answer, in your words.') },
    addresses_question: { type: 'boolean', description: 'Whether the answer addresses the question asked.' },
    relevance: str('Why the answer does or does not address the question.'),
    readings: {
      type: 'object',
      properties: {
        confidence: reading('Observable delivery cues only: steady voice, few hesitations, upright posture, looking at the camera.'),
        clarity: reading('How clearly the content is structured and worded.'),
        speech_rate: reading('Whether the speaking pace sounds too slow, comfortable or too fast.'),
        voice_tone: reading('Audible variation in pitch and volume (monotone or varied).'),
        eye_contact: reading('How much the person looks toward the camera.'),
        body_language: reading('Visible posture, gestures, fidgeting.'),
      },
      required: Object.values(READING_KEYS),
    },
    notable_moments: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          start_time: { type: 'number' },
          end_time: { type: 'number' },
          description: str('What is observable at this moment.'),
        },
        required: ['start_time', 'end_time', 'description'],
      },
    },
    tips: { type: 'array', minItems: 1, items: str('One concrete, actionable tip.') },
  },
  required: ['summary', 'key_points', 'addresses_question', 'relevance', 'readings', 'notable_moments', 'tips'],
};

const nonEmpty = z.string().trim().min(1);
const readingSchema = z.object({
  observation: nonEmpty,
  rating: z.number().int().min(0).max(100).nullable(),
});

export const pegasusReplySchema = z.object({
  summary: nonEmpty,
  key_points: z.array(nonEmpty).min(1),
  addresses_question: z.boolean(),
  relevance: nonEmpty,
  readings: z.object({
    confidence: readingSchema,
    clarity: readingSchema,
    speech_rate: readingSchema,
    voice_tone: readingSchema,
    eye_contact: readingSchema,
    body_language: readingSchema,
  }),
  notable_moments: z.array(z.object({ start_time: z.number().min(0), end_time: z.number().min(0), description: nonEmpty })),
  tips: z.array(nonEmpty).min(1),
});
export type PegasusReply = z.infer<typeof pegasusReplySchema>;
export type PegasusReading = z.infer<typeof readingSchema>;

/** Paths of every key in a JSON value whose name is in `keys` (used by tests and by the fake's 422 rule). */
export function findKeys(value: unknown, keys: readonly string[], path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => findKeys(v, keys, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [
    ...(keys.includes(k) ? [`${path}.${k}`] : []),
    ...findKeys(v, keys, `${path}.${k}`),
  ]);
}
