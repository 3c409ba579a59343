/**
 * The Twelve Labs calls the engine makes, through twelvelabs-js 1.3.4 (assets + indexes/indexed-assets + analyze
 * with asset_id + search). Every call: maxRetries 0 for the SDK, our own retry (fresh upload stream each attempt),
 * and errors mapped to user-facing messages that never contain the API key.
 */
import { createReadStream } from 'node:fs';
import type { TwelvelabsApi, TwelvelabsApiClient } from 'twelvelabs-js';
import { AnalysisError } from '../engine.js';
import type { TwelveLabsConfig } from './config.js';
import { redact, toEngineError } from './errors.js';
import { pegasusJsonSchema } from './schema.js';
import { sleep, withRetry, type RetryOptions } from './retry.js';

export interface ApiContext {
  client: TwelvelabsApiClient;
  config: TwelveLabsConfig;
  /** Absolute time (ms) after which the whole analysis gives up. */
  deadline: number;
  signal?: AbortSignal;
  retry: Pick<RetryOptions, 'maxAttempts' | 'baseDelayMs' | 'maxDelayMs'>;
  onRetry?: (what: string, attempt: number, delayMs: number) => void;
}

function requestOptions(ctx: ApiContext) {
  const remainingS = Math.max(1, Math.ceil((ctx.deadline - Date.now()) / 1000));
  return { maxRetries: 0, abortSignal: ctx.signal, timeoutInSeconds: Math.min(600, remainingS) };
}

/** Run one API call with our retry loop and error mapping. `fn` is called again for each attempt. */
export async function call<T>(ctx: ApiContext, what: string, fn: (opts: ReturnType<typeof requestOptions>) => Promise<T>): Promise<T> {
  try {
    return await withRetry(() => fn(requestOptions(ctx)), {
      ...ctx.retry,
      deadline: ctx.deadline,
      signal: ctx.signal,
      onRetry: ({ attempt, delayMs }) => ctx.onRetry?.(what, attempt, delayMs),
    });
  } catch (err) {
    if (ctx.signal?.aborted) throw err;
    throw toEngineError(err, what, ctx.config.apiKey);
  }
}

/** Look the index up by exact name, paging until an empty page. */
export async function findIndex(ctx: ApiContext, name: string): Promise<string | undefined> {
  for (let page = 1; page <= 200; page++) {
    const res = await call(ctx, 'listing indexes', (o) => ctx.client.indexes.list({ indexName: name, page, pageLimit: 50 }, o));
    if (res.data.length === 0) return undefined;
    const hit = res.data.find((i) => i.indexName === name && i.id);
    if (hit?.id) return hit.id;
  }
  return undefined;
}

export async function createIndex(ctx: ApiContext, name: string): Promise<string> {
  const res = await call(ctx, 'creating the index', (o) =>
    ctx.client.indexes.create({ indexName: name, models: [{ modelName: ctx.config.marengoModel, modelOptions: ['visual', 'audio'] }] }, o),
  );
  if (!res.id) throw new AnalysisError('Twelve Labs created the index but returned no id.', false);
  return res.id;
}

/** Upload the file as an asset. The answer id travels in user_metadata and in the filename (answer-<id>.<ext>). */
export async function uploadAsset(ctx: ApiContext, path: string, filename: string, answerId: string): Promise<string> {
  const res = await call(ctx, 'uploading the video', async (o) => {
    const file = createReadStream(path); // a fresh stream for every attempt
    try {
      return await ctx.client.assets.create(
        { method: 'direct', file, filename, userMetadata: JSON.stringify({ answer_id: answerId }) },
        o,
      );
    } finally {
      file.destroy();
    }
  });
  if (!res.id) throw new AnalysisError('Twelve Labs accepted the upload but returned no asset id.', false);
  return res.id;
}

/** The indexed asset ended in status "failed": the answer is not searchable, the analysis can still proceed. */
export class IndexingFailed extends AnalysisError {
  constructor() {
    super('Twelve Labs reported that indexing the video failed.');
  }
}

type Poll<T> = () => Promise<{ done: true; value: T } | { done: false; status: string }>;

/** Poll every pollMs until done, the deadline passes (throws) or the signal aborts. */
export async function pollUntil<T>(ctx: ApiContext, what: string, poll: Poll<T>, onPoll: (status: string, n: number) => void): Promise<T> {
  for (let n = 1; ; n++) {
    const r = await poll();
    if (r.done) return r.value;
    onPoll(r.status, n);
    if (Date.now() + ctx.config.pollMs > ctx.deadline) {
      throw new AnalysisError(`Twelve Labs was still ${what} (status "${r.status}") when the time limit ran out.`, false);
    }
    await sleep(ctx.config.pollMs, ctx.signal);
  }
}

export function waitForAsset(ctx: ApiContext, assetId: string, onPoll: (status: string, n: number) => void): Promise<TwelvelabsApi.AssetDetail> {
  return pollUntil(ctx, 'processing the upload', async () => {
    const a = await call(ctx, 'checking the upload', (o) => ctx.client.assets.retrieve(assetId, o));
    if (a.status === 'ready') return { done: true, value: a };
    if (a.status === 'failed') {
      throw new AnalysisError(`Twelve Labs could not process the video: ${redact(a.error?.message ?? 'no reason given', ctx.config.apiKey)}`);
    }
    return { done: false, status: a.status ?? 'unknown' };
  }, onPoll);
}

export async function indexAsset(ctx: ApiContext, indexId: string, assetId: string, answerId: string): Promise<string> {
  const res = await call(ctx, 'starting indexing', (o) =>
    ctx.client.indexes.indexedAssets.create(indexId, { assetId, userMetadata: { answer_id: answerId } }, o),
  );
  if (!res.id) throw new AnalysisError('Twelve Labs started indexing but returned no id.', false);
  return res.id;
}

export function waitForIndexing(ctx: ApiContext, indexId: string, id: string, onPoll: (status: string, n: number) => void): Promise<void> {
  return pollUntil(ctx, 'indexing the video', async () => {
    const a = await call(ctx, 'checking indexing', (o) => ctx.client.indexes.indexedAssets.retrieve(indexId, id, {}, o));
    if (a.status === 'ready') return { done: true, value: undefined };
    if (a.status === 'failed') throw new IndexingFailed();
    return { done: false, status: a.status ?? 'unknown' };
  }, onPoll);
}

/** Ask Pegasus for the structured reading; returns the raw JSON text it generated. */
export async function analyzeAsset(ctx: ApiContext, assetId: string, prompt: string): Promise<string> {
  const res = await call(ctx, 'analysing the video', (o) =>
    ctx.client.analyze(
      {
        modelName: ctx.config.pegasusModel,
        video: { type: 'asset_id', assetId },
        prompt,
        temperature: 0.2,
        maxTokens: 2048,
        responseFormat: { type: 'json_schema', jsonSchema: pegasusJsonSchema },
      },
      o,
    ),
  );
  if (res.finishReason === 'length') {
    throw new AnalysisError('Twelve Labs (Pegasus) cut its reply short (maximum length reached); the reply is incomplete.', false);
  }
  if (!res.data) throw new AnalysisError('Twelve Labs (Pegasus) returned an empty reply.', false);
  return res.data;
}
