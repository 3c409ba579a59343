import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { adminErrors as errors } from '../../../contracts/errors.js';
import { fairnessQuery, fairnessSchema } from '../../../contracts/fairness.js';
import { interviewParams } from '../../../contracts/interviews.js';
import { leaderboardQuery, leaderboardSchema } from '../../../contracts/leaderboard.js';
import { currentUser } from '../auth/guard.js';
import { candidateFor } from '../candidates/visibility.js';
import type { Hiring } from '../hiring/services.js';
import { fairnessCsv } from './leaderboard.service.js';

export const leaderboardRoutes =
  (h: Hiring): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/interviews/:id/leaderboard',
      {
        config: { access: 'staff' },
        schema: {
          tags: ['admin'],
          summary: 'Candidates ranked by their reviewers\' scores (each reviewer once; "not yet reviewed" below, unranked), automated scores beside and never in the rank; `formula` states the rule',
          params: interviewParams,
          querystring: leaderboardQuery,
          response: { 200: leaderboardSchema, ...errors },
        },
      },
      async (request) => {
        const viewer = currentUser(request);
        return h.leaderboard.rows(request.params.id, request.query, async (cs) => (await h.reviews.maskUnrated(viewer, cs)).map((one) => candidateFor(viewer, one)));
      },
    );

    app.get(
      '/interviews/:id/leaderboard.csv',
      { config: { access: 'staff' }, schema: { tags: ['admin'], summary: 'The leaderboard as CSV (formula-leading cells escaped); logged as an export', params: interviewParams, querystring: leaderboardQuery, produces: ['text/csv'] } },
      async (request, reply) => {
        const actor = currentUser(request);
        const csv = await h.leaderboard.csv(request.params.id, request.query, async (cs) => (await h.reviews.maskUnrated(actor, cs)).map((one) => candidateFor(actor, one)), actor.role === 'admin');
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
          summary: 'Selection rates and impact ratios by the candidates\' group field (four-fifths rule; groups under FAIRNESS_MIN_GROUP are "too few to judge"; admins). Viewing is not logged as an export.',
          params: interviewParams,
          querystring: fairnessQuery,
          response: { 200: fairnessSchema, ...errors },
        },
      },
      async (request) => {
        currentUser(request);
        return h.leaderboard.fairness(request.params.id, request.query.selected, request.query.minGroupSize);
      },
    );

    app.get(
      '/interviews/:id/fairness.csv',
      {
        config: { access: 'admin' },
        schema: { tags: ['admin'], summary: 'The fairness report as CSV: counts, selection rates, impact ratios and verdict per group (admins; logged as fairness.export)', params: interviewParams, querystring: fairnessQuery, produces: ['text/csv'] },
      },
      async (request, reply) => {
        const actor = currentUser(request);
        const report = await h.leaderboard.fairness(request.params.id, request.query.selected, request.query.minGroupSize);
        await h.audit.record(actor, 'fairness.export', 'interview', request.params.id, { selected: report.selectedStatuses, minGroupSize: report.minGroupSize });
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="fairness-${request.params.id}.csv"`).send(fairnessCsv(report));
      },
    );
  };
