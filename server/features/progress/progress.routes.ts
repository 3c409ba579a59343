/** /api/history and /api/progress: the owner's own answers, filtered, searched and followed over time. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBody } from '../../../contracts/errors.js';
import { historyList, historyQuery } from '../../../contracts/history.js';
import { progressSchema } from '../../../contracts/progress.js';
import { computeProgress } from './progress.js';
import type { Practice } from '../practice/practice.js';

export const progressRoutes =
  (p: Practice): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/history',
      {
        config: { access: 'practice' },
        schema: {
          tags: ['progress'],
          summary: 'Your answers, newest first, filtered by question, category and date range, and searched in the transcripts',
          querystring: historyQuery,
          response: { 200: historyList, 400: errorBody, 401: errorBody },
        },
      },
      async (request, reply) => {
        const owner = await p.identity.resolve(request, reply, { create: false });
        return owner ? p.progress.history(owner.key, request.query) : { items: [], total: 0 };
      },
    );

    app.get(
      '/progress',
      {
        config: { access: 'practice' },
        schema: { tags: ['progress'], summary: 'Per measure, the series over your analysed answers with first/last/best, per question and category, and what improved / what to work on next', response: { 200: progressSchema, 401: errorBody } },
      },
      async (request, reply) => {
        const owner = await p.identity.resolve(request, reply, { create: false });
        return owner ? p.progress.progress(owner.key) : computeProgress([]);
      },
    );
  };
