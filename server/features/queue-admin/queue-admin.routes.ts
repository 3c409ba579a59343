/**
 * Admin view of the analysis queue: counts per state, the latest failed jobs with their reason, and
 * a retry. Admins only: register it inside the hiring side's signed-in scope (the `requireSession`
 * hook under /api/admin, giving /api/admin/queue); registered anywhere else every call answers 401.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBody } from '../../../contracts/errors.js';
import { jobInfoSchema, jobParams, queueQuery, queueStatsSchema } from '../../../contracts/queue.js';
import type { Container } from '../../container.js';
import { conflict, notFound } from '../../http/errors.js';

export const queueAdminRoutes =
  (c: Container): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/queue',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['queue'],
          summary: 'Jobs per state and the latest failed jobs with their reason (admin)',
          querystring: queueQuery,
          response: { 200: queueStatsSchema, 401: errorBody, 403: errorBody },
        },
      },
      async (request) => {
        return c.queue.stats({ failedLimit: request.query.failedLimit });
      },
    );

    app.post(
      '/queue/jobs/:id/retry',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['queue'],
          summary: 'Run a failed job again with a fresh attempt budget (admin)',
          params: jobParams,
          response: { 202: jobInfoSchema, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        const job = await c.queue.getJob(id);
        if (!job) throw notFound('JOB_NOT_FOUND', `No job with id "${id.slice(0, 80)}".`);
        if (job.state !== 'failed') throw conflict('JOB_NOT_FAILED', `Only a failed job can be retried; this one is ${job.state}.`);
        if (!(await c.answers.retryJob(id, job.answerId))) throw conflict('JOB_NOT_FAILED', 'The job changed state meanwhile; reload the queue.');
        return reply.status(202).send((await c.queue.getJob(id)) ?? { ...job, state: 'queued' as const });
      },
    );
  };
