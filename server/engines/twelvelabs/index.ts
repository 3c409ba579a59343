/**
 * Twelve Labs engine (ANALYSIS_ENGINE=twelvelabs). Flow with twelvelabs-js 1.3.4 (see docs/engines.md):
 * find/create the Marengo index -> upload the video as an asset -> poll the asset until ready -> index it
 * (indexed asset, for search) and poll -> Pegasus analyze on the asset id with a json_schema response format
 * -> validate with zod -> Report v1.
 */
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { extname } from 'node:path';
import { TwelvelabsApiClient } from 'twelvelabs-js';
import type { Report } from '../../analysis/report.js';
import { AnalysisError, type AnalysisEngine, type AnalysisInput, type ProgressFn } from '../engine.js';
import * as api from './api.js';
import type { TwelveLabsConfig } from './config.js';
import { toReport } from './map.js';
import { buildPrompt } from './prompt.js';
import { parseReply } from './reply.js';

export type { TwelveLabsConfig } from './config.js';
export { parseTwelveLabsConfig } from './config.js';
export type { CloudSection, CloudReading } from './map.js';

/** pino-compatible logger subset. */
export interface EngineLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface TwelveLabsDeps {
  client?: TwelvelabsApiClient;
  /** Own retry budget for 429/5xx/network errors (defaults: 5 attempts, 1 s doubling, max 30 s per wait). */
  retry?: Partial<api.ApiContext['retry']>;
  logger?: EngineLogger;
}

export function createTwelveLabsEngine(config: TwelveLabsConfig, deps: TwelveLabsDeps = {}): AnalysisEngine {
  const client = deps.client ?? new TwelvelabsApiClient({ apiKey: config.apiKey, environment: config.baseUrl });
  const retry = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 30_000, ...deps.retry };
  const log = deps.logger;
  let indexIdPromise: Promise<string> | undefined;

  function context(deadline: number, signal?: AbortSignal): api.ApiContext {
    return {
      client, config, deadline, signal, retry,
      onRetry: (what, attempt, delayMs) => log?.warn({ what, attempt, delayMs }, 'twelvelabs: retrying'),
    };
  }

  /** The index id, created on first use if missing, then reused (memoised; a failure clears the memo). */
  function ensureIndex(ctx: api.ApiContext): Promise<string> {
    indexIdPromise ??= (async () => {
      const found = await api.findIndex(ctx, config.indexName);
      if (found) return found;
      log?.info({ index: config.indexName }, 'twelvelabs: creating index');
      return api.createIndex(ctx, config.indexName);
    })();
    indexIdPromise.catch(() => (indexIdPromise = undefined));
    return indexIdPromise;
  }

  async function run(input: AnalysisInput, onProgress: ProgressFn, ctx: api.ApiContext): Promise<Report> {
    const t0 = Date.now();
    const timings: Record<string, number> = {};
    const warnings: string[] = [];
    const answerId = input.answerId ?? randomUUID();

    onProgress({ stage: 'uploading', progress: 0.02, message: 'Preparing the Twelve Labs index' });
    const indexId = await ensureIndex(ctx);
    onProgress({ stage: 'uploading', progress: 0.05, message: 'Uploading the video to Twelve Labs' });
    const filename = `answer-${answerId}${extname(input.videoPath) || '.webm'}`;
    const assetId = await api.uploadAsset(ctx, input.videoPath, filename, answerId);
    await api.waitForAsset(ctx, assetId, (status, n) =>
      onProgress({ stage: 'uploading', progress: Math.min(0.3, 0.15 + 0.02 * n), message: `Twelve Labs is processing the upload (${status})` }),
    );
    timings.upload = Date.now() - t0;

    const t1 = Date.now();
    onProgress({ stage: 'indexing', progress: 0.3, message: 'Indexing the answer for search (Marengo)' });
    let indexedAssetId: string | null = null;
    try {
      indexedAssetId = await api.indexAsset(ctx, indexId, assetId, answerId);
      await api.waitForIndexing(ctx, indexId, indexedAssetId, (status, n) =>
        onProgress({ stage: 'indexing', progress: Math.min(0.6, 0.32 + 0.03 * n), message: `Twelve Labs indexing: ${status}` }),
      );
    } catch (err) {
      if (!(err instanceof api.IndexingFailed)) throw err;
      warnings.push('Twelve Labs could not index this answer, so it will not appear in answer search; the analysis itself is unaffected.');
      log?.warn({ answerId, assetId }, 'twelvelabs: indexing failed');
    }
    timings.indexing = Date.now() - t1;

    const t2 = Date.now();
    onProgress({ stage: 'analyzing', progress: 0.65, message: 'Pegasus is watching the answer' });
    const raw = await api.analyzeAsset(ctx, assetId, buildPrompt(input.question));
    const reply = parseReply(raw);
    timings.analysis = Date.now() - t2;
    timings.total = Date.now() - t0;
    onProgress({ stage: 'analyzing', progress: 1, message: 'Pegasus reading received' });

    const report = toReport(input, reply, config.pegasusModel, timings, warnings);
    report.cloud.ids = { assetId, indexId, indexedAssetId };
    return report;
  }

  return {
    name: 'twelvelabs',
    async analyze(input, onProgress, signal) {
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(new Error('timeout')), config.timeoutMs);
      const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
      // the SDK adds one abort listener per request and keeps it until the signal is dropped: one per poll
      setMaxListeners(1000, combined);
      try {
        return await run(input, onProgress, context(Date.now() + config.timeoutMs, combined));
      } catch (err) {
        if (signal?.aborted) throw signal.reason ?? err;
        if (timeout.signal.aborted && !(err instanceof AnalysisError && /time limit/.test(err.message))) {
          throw new AnalysisError(`Twelve Labs did not finish within the time limit (${Math.round(config.timeoutMs / 1000)} s, TWELVE_LABS_TIMEOUT_MS).`, false);
        }
        throw err;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
