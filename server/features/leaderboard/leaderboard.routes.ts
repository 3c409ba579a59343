import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser, requireAdmin } from '../auth/guard.js';
import type { Hiring } from '../hiring/services.js';
import { candidateStatus, errors, interviewParams } from '../hiring/schemas.js';
import { METRICS } from './weights.js';

const metric = z.enum(METRICS);
const query = z.object({
  status: candidateStatus.optional(),
  tag: z.string().max(50).optional(),
  sort: z.enum(['rank', 'name', 'status', ...METRICS]).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
});
const values = z.record(z.string(), z.number().nullable());

const row = z.object({
  rank: z.number().nullable(),
  candidate: z.object({ id: z.string(), name: z.string(), email: z.string(), status: candidateStatus, tags: z.array(z.string()), group: z.string().nullable() }),
  answered: z.number(),
  analysed: z.number(),
  metrics: values,
  total: z.number().nullable(),
  terms: z.array(z.object({ metric, value: z.number(), weight: z.number(), product: z.number() })),
  weightSum: z.number(),
  missing: z.array(metric),
  band: z.enum(['high', 'middle', 'low', 'none']),
});

const fairness = z.object({
  groups: z.array(z.object({ group: z.string(), assessed: z.number(), selected: z.number(), selectionRate: z.number(), impactRatio: z.number().nullable(), belowFourFifths: z.boolean(), smallGroup: z.boolean() })),
  unknown: z.object({ assessed: z.number(), selected: z.number() }),
  referenceGroup: z.string().nullable(),
  warnings: z.array(z.string()),
  selectedStatuses: z.array(candidateStatus),
  assessedStatuses: z.array(candidateStatus),
});

export const leaderboardRoutes =
  (h: Hiring): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/interviews/:id/leaderboard',
      {
        schema: {
          tags: ['admin'],
          summary: 'Candidates ranked by the weighted total, each total with its terms (value x weight)',
          params: interviewParams,
          querystring: query,
          response: { 200: z.object({ weights: values, questions: z.number(), rows: z.array(row) }), ...errors },
        },
      },
      async (request) => {
        currentUser(request);
        return h.leaderboard.rows(request.params.id, request.query);
      },
    );

    app.get(
      '/interviews/:id/leaderboard.csv',
      { schema: { tags: ['admin'], summary: 'The leaderboard as CSV (formula-leading cells escaped)', params: interviewParams, querystring: query, produces: ['text/csv'] } },
      async (request, reply) => {
        const actor = currentUser(request);
        const csv = await h.leaderboard.csv(request.params.id, request.query);
        await h.audit.record(actor, 'leaderboard.export', 'interview', request.params.id);
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="leaderboard-${request.params.id}.csv"`).send(csv);
      },
    );

    app.get(
      '/interviews/:id/fairness',
      {
        schema: {
          tags: ['admin'],
          summary: 'Selection rates and impact ratios by the candidates\' group field (four-fifths rule; admins)',
          params: interviewParams,
          querystring: z.object({
            selected: z
              .string()
              .max(200)
              .optional()
              .transform((s, ctx) => {
                const list = s ? s.split(',').map((x) => x.trim()) : ['shortlisted', 'hired'];
                const parsed = z.array(candidateStatus).min(1).safeParse(list);
                if (!parsed.success) ctx.addIssue({ code: 'custom', message: 'selected: a comma-separated list of candidate statuses' });
                return parsed.data ?? [];
              }),
            minGroupSize: z.coerce.number().int().min(1).max(1000).default(5),
          }),
          response: { 200: fairness, ...errors },
        },
      },
      async (request) => {
        const actor = requireAdmin(request);
        const report = await h.leaderboard.fairness(request.params.id, request.query.selected, request.query.minGroupSize);
        await h.audit.record(actor, 'fairness.export', 'interview', request.params.id);
        return report;
      },
    );
  };
