import { createCoach } from '../../coach/index.js';
import type { Container } from '../../container.js';
import { createStreamHandler } from '../streaming/stream.job.js';
import { type AnalysisJobDeps, createAnalysisHandler } from './analysis.job.js';
import { contentContextResolver } from './content-context.js';

/** Starts taking analysis jobs in this process, and re-queues answers that lost their job in a crash. */
export async function startWorker(c: Container): Promise<void> {
  const engine = await c.engine();
  const coach = createCoach(c.config.coach); // null unless LLM_BASE_URL is set
  const resolveContent = contentContextResolver(c.database.db);
  const analysisDeps: AnalysisJobDeps = {
    answers: c.answerRepo,
    states: c.answers,
    storage: c.storage,
    engine,
    log: c.log,
    context: (answerId) => c.sessions.analysisContext(answerId),
    streamed: (answerId) => c.streaming.claim(answerId),
    ...(coach ? { enrich: async (report) => void Object.assign(report, { coach: await coach.review(report) }) } : {}),
    contentContext: async (answer) => {
      // A mock interview's job description and question type take precedence (the session stores them).
      const base = await resolveContent(answer);
      const mock = await c.sessions.analysisContext(answer.id);
      return { ...base, ...(mock.jobDescription ? { jobDescription: mock.jobDescription } : {}), ...(mock.questionType ? { questionType: mock.questionType } : {}) };
    },
  };
  const handler = createAnalysisHandler(analysisDeps);
  c.queue.start(handler, { concurrency: c.config.JOB_CONCURRENCY });
  if (c.config.ROLE === 'worker') {
    // Streamed uploads (docs/streaming.md "Scale-out"): analysed from their stored chunks while they arrive.
    c.streamQueue.start(
      createStreamHandler({
        repo: c.streams.repo,
        storage: c.storage,
        answers: c.answerRepo,
        newSession: (source) => c.streaming.newSession(source),
        analyse: (job, signal, streamed) => createAnalysisHandler({ ...analysisDeps, streamed })(job, signal),
        log: c.log,
      }),
      { concurrency: c.config.STREAM_JOB_CONCURRENCY },
    );
  }
  const requeued = await c.answers.reconcile();
  if (requeued > 0) c.log.warn({ requeued }, 'queued unfinished answers again');
  c.log.info({ engine: engine.name, coach: coach?.model ?? null, concurrency: c.config.JOB_CONCURRENCY }, 'analysis worker started');
}
