import { describe, expect, it } from 'vitest';
import { FORBIDDEN_SCHEMA_KEYS, findKeys, pegasusJsonSchema, pegasusReplySchema } from './schema.js';
import { buildPrompt } from './prompt.js';

describe('Pegasus json_schema', () => {
  it('contains none of the keywords the Twelve Labs API refuses with 422', () => {
    expect(findKeys(pegasusJsonSchema, FORBIDDEN_SCHEMA_KEYS)).toEqual([]);
    // minItems is accepted only as 0 or 1
    const minItems: unknown[] = [];
    JSON.stringify(pegasusJsonSchema, (k, v: unknown) => (k === 'minItems' && minItems.push(v), v));
    expect(minItems.every((v) => v === 0 || v === 1)).toBe(true);
  });
  it('findKeys finds nested keys with their path', () => {
    expect(findKeys({ a: [{ b: { minLength: 1 } }], maxItems: 2 }, FORBIDDEN_SCHEMA_KEYS)).toEqual(['$.a[0].b.minLength', '$.maxItems']);
  });
  it('asks for observable behaviour only, never emotions or personality', () => {
    const text = JSON.stringify(pegasusJsonSchema).toLowerCase();
    for (const word of ['emotion', 'feel', 'mood', 'personality', 'nervous', 'anxious', 'happy']) expect(text).not.toContain(word);
    expect(buildPrompt('Why us?')).toMatch(/Describe only observable behaviour/);
    expect(buildPrompt('Why us?')).toMatch(/Do not infer emotions, feelings, mood, personality/);
  });
  it('zod accepts a conforming reply and a null rating, rejects out-of-range ratings', () => {
    const reading = { observation: 'Looks at the lens most of the time.', rating: 70 };
    const reply = {
      summary: 's', key_points: ['k'], addresses_question: true, relevance: 'r',
      readings: { confidence: reading, clarity: reading, speech_rate: reading, voice_tone: reading, eye_contact: { observation: 'no face', rating: null }, body_language: reading },
      notable_moments: [{ start_time: 1, end_time: 2, description: 'd' }], tips: ['t'],
    };
    expect(pegasusReplySchema.safeParse(reply).success).toBe(true);
    expect(pegasusReplySchema.safeParse({ ...reply, readings: { ...reply.readings, clarity: { observation: 'x', rating: 140 } } }).success).toBe(false);
  });
});
