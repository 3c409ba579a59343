/**
 * Hybrid engine (ANALYSIS_ENGINE=hybrid): the local engine and the cloud engine (Twelve Labs) run in parallel.
 * Measurements come from the local engine; Pegasus adds its reading (see merge.ts). If the cloud fails, the local
 * report is delivered with a warning naming the failure; if the local engine fails, the analysis fails.
 */
import type { Report } from '../../analysis/report.js';
import type { AnalysisEngine } from '../engine.js';
import { mergeReports } from './merge.js';
import { combineProgress } from './progress.js';

export interface HybridLogger {
  warn(o: object, m?: string): void;
}

export interface HybridOptions {
  local: AnalysisEngine;
  cloud: AnalysisEngine;
  logger?: HybridLogger;
}

type Settled = { ok: true; report: Report } | { ok: false; error: unknown };

export function createHybridEngine({ local, cloud, logger }: HybridOptions): AnalysisEngine {
  return {
    name: 'hybrid',
    async analyze(input, onProgress, signal) {
      const progress = combineProgress(onProgress);
      const cloudAbort = new AbortController();
      const stopCloud = () => cloudAbort.abort(signal?.reason);
      signal?.addEventListener('abort', stopCloud, { once: true });
      const cloudRun: Promise<Settled> = cloud
        .analyze(input, progress.cloud, cloudAbort.signal)
        .then((report): Settled => ({ ok: true, report }), (error: unknown): Settled => ({ ok: false, error }))
        .finally(() => progress.done('cloud'));
      try {
        let localReport: Report;
        try {
          localReport = await local.analyze(input, progress.local, signal);
        } catch (err) {
          cloudAbort.abort(new Error('local engine failed'));
          await cloudRun;
          throw err;
        }
        progress.done('local');
        const c = await cloudRun;
        if (signal?.aborted) throw signal.reason;
        if (!c.ok) {
          const message = c.error instanceof Error ? c.error.message : String(c.error);
          logger?.warn({ err: message, engine: cloud.name }, 'hybrid: cloud reading failed, delivering the local report');
          return mergeReports(localReport, null, message, cloud.name);
        }
        return mergeReports(localReport, c.report, null, cloud.name);
      } finally {
        signal?.removeEventListener('abort', stopCloud);
      }
    },
    async close() {
      await Promise.all([local.close?.(), cloud.close?.()]);
    },
  };
}
