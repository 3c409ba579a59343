import { createCoach } from '../../coach/index.js';
import type { Container } from '../../container.js';
import { createAnalysisHandler } from './analysis.job.js';
import { contentContextResolver } from './content-context.js';

/** Starts taking analysis jobs in this process, and re-queues answers that lost their job in a crash. */
export async function startWorker(c: Container): Promise<void> {
  const engine = await c.engine();
  const coach = createCoach(c.config.env); // null unless LLM_BASE_URL is set
  const handler = createAnalysisHandler({
    answers: c.answerRepo,
    states: c.answers,
    storage: c.storage,
    engine,
    log: c.log,
    ...(coach ? { enrich: async (report) => void Object.assign(report, { coach: await coach.review(report) }) } : {}),
    contentContext: contentContextResolver(c.database.db),
  });
  c.queue.start(handler, { concurrency: c.config.JOB_CONCURRENCY });
  const requeued = await c.answers.reconcile();
  if (requeued > 0) c.log.warn({ requeued }, 'queued unfinished answers again');
  c.log.info({ engine: engine.name, coach: coach?.model ?? null, concurrency: c.config.JOB_CONCURRENCY }, 'analysis worker started');
}
