import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { adminErrors as errors } from '../../../contracts/errors.js';
import { fairnessQuery, fairnessSchema } from '../../../contracts/fairness.js';
import { interviewParams } from '../../../contracts/interviews.js';
import { leaderboardQuery, leaderboardSchema } from '../../../contracts/leaderboard.js';
import { currentUser } from '../auth/guard.js';
import { seesFairnessGroup } from '../candidates/visibility.js';
import type { Hiring } from '../hiring/services.js';

export const leaderboardRoutes =
  (h: Hiring): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/interviews/:id/leaderboard',
      {
        config: { access: 'staff' },
        schema: {
          tags: ['admin'],
          summary: 'Candidates ranked by the weighted total, each total with its terms (value x weight)',
          params: interviewParams,
          querystring: leaderboardQuery,
          response: { 200: leaderboardSchema, ...errors },
        },
      },
      async (request) => h.leaderboard.rows(request.params.id, request.query, seesFairnessGroup(currentUser(request))),
    );

    app.get(
      '/interviews/:id/leaderboard.csv',
      { config: { access: 'staff' }, schema: { tags: ['admin'], summary: 'The leaderboard as CSV (formula-leading cells escaped)', params: interviewParams, querystring: leaderboardQuery, produces: ['text/csv'] } },
      async (request, reply) => {
        const actor = currentUser(request);
        const csv = await h.leaderboard.csv(request.params.id, request.query, seesFairnessGroup(actor));
        await h.audit.record(actor, 'leaderboard.export', 'interview', request.params.id);
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="leaderboard-${request.params.id}.csv"`).send(csv);
      },
    );

    app.get(
      '/interviews/:id/fairness',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['admin'],
          summary: 'Selection rates and impact ratios by the candidates\' group field (four-fifths rule; admins)',
          params: interviewParams,
          querystring: fairnessQuery,
          response: { 200: fairnessSchema, ...errors },
        },
      },
      async (request) => {
        const actor = currentUser(request);
        const report = await h.leaderboard.fairness(request.params.id, request.query.selected, request.query.minGroupSize);
        await h.audit.record(actor, 'fairness.export', 'interview', request.params.id);
        return report;
      },
    );
  };
