import type { Container } from '../../container.js';
import { createAnalysisHandler } from './analysis.job.js';

/** Starts taking analysis jobs in this process, and re-queues answers that lost their job in a crash. */
export async function startWorker(c: Container): Promise<void> {
  const engine = await c.engine();
  const handler = createAnalysisHandler({ answers: c.answerRepo, storage: c.storage, engine, events: c.events, log: c.log });
  c.queue.start(handler, { concurrency: c.config.JOB_CONCURRENCY });
  const requeued = await c.answers.reconcile();
  if (requeued > 0) c.log.warn({ requeued }, 'queued unfinished answers again');
  c.log.info({ engine: engine.name, concurrency: c.config.JOB_CONCURRENCY }, 'analysis worker started');
}
