/** The fake enforces the API's json_schema rule (422), like the real service; checked through the real SDK. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { TwelvelabsApiClient, TwelvelabsApiError } from 'twelvelabs-js';
import { fixture } from '../helpers/fixtures.js';
import { createReadStream } from 'node:fs';
import { startFakeTwelveLabs, type FakeTwelveLabs } from '../fakes/twelvelabs.js';
import { pegasusJsonSchema } from '../../server/engines/twelvelabs/schema.js';

let fake: FakeTwelveLabs;
beforeEach(async () => { fake = await startFakeTwelveLabs(); });
afterEach(async () => { await fake.close(); });

async function readyAsset(client: TwelvelabsApiClient): Promise<string> {
  const a = await client.assets.create({ method: 'direct', file: createReadStream(fixture('short.webm')) }, { maxRetries: 0 });
  await client.assets.retrieve(a.id!);
  return a.id!;
}

it.each([
  ['minLength', { type: 'object', properties: { a: { type: 'string', minLength: 1 } } }],
  ['maxLength', { type: 'object', properties: { a: { type: 'string', maxLength: 9 } } }],
  ['additionalProperties', { type: 'object', properties: {}, additionalProperties: false }],
  ['uniqueItems', { type: 'object', properties: { a: { type: 'array', items: { type: 'string' }, uniqueItems: true } } }],
  ['maxItems', { type: 'object', properties: { a: { type: 'array', items: { type: 'string' }, maxItems: 3 } } }],
])('answers 422 for a json_schema using %s', async (kw, schema) => {
  const client = new TwelvelabsApiClient({ apiKey: fake.apiKey, environment: fake.url });
  const assetId = await readyAsset(client);
  const err = await client
    .analyze({ video: { type: 'asset_id', assetId }, prompt: 'x', responseFormat: { type: 'json_schema', jsonSchema: schema } }, { maxRetries: 0 })
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(TwelvelabsApiError);
  expect((err as TwelvelabsApiError).statusCode).toBe(422);
  expect(JSON.stringify((err as TwelvelabsApiError).body)).toContain(kw);
});

it('accepts the engine schema and answers JSON that conforms to it', async () => {
  const client = new TwelvelabsApiClient({ apiKey: fake.apiKey, environment: fake.url });
  const assetId = await readyAsset(client);
  const res = await client.analyze({ video: { type: 'asset_id', assetId }, prompt: 'x', responseFormat: { type: 'json_schema', jsonSchema: pegasusJsonSchema } }, { maxRetries: 0 });
  expect(res.finishReason).toBe('stop');
  expect(Object.keys(JSON.parse(res.data!) as object)).toContain('readings');
});
