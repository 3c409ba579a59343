import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser, requireAdmin } from '../auth/guard.js';
import type { Hiring } from '../hiring/services.js';
import { errors, interviewParams } from '../hiring/schemas.js';
import { METRICS, weightsSchema } from '../leaderboard/weights.js';

const questionItem = z.object({
  questionId: z.string().min(1).max(100).optional(),
  text: z.string().min(1).max(1000).optional(),
  thinkTimeSec: z.number().int().min(0).max(600).default(30),
  answerTimeSec: z.number().int().min(10).max(1800).default(120),
  retakes: z.number().int().min(0).max(10).default(1),
});

const patchBody = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().max(10_000),
  consentText: z.string().max(10_000).optional(),
  retentionDays: z.number().int().min(1).max(36_500).nullable().optional(),
  weights: weightsSchema.nullable().optional(),
  questions: z.array(questionItem).min(1).max(50),
}).partial();
const body = patchBody.required({ title: true, questions: true }).extend({ description: z.string().max(10_000).default('') });

const weights = z.object(Object.fromEntries(METRICS.map((m) => [m, z.number()])) as Record<(typeof METRICS)[number], z.ZodNumber>);
const summary = z.object({ id: z.string(), title: z.string(), description: z.string(), consentText: z.string(), retentionDays: z.number().nullable(), weights, createdAt: z.string(), updatedAt: z.string() });
export const interviewSchema = summary.extend({
  questions: z.array(z.object({ questionId: z.string(), text: z.string(), category: z.string(), position: z.number(), thinkTimeSec: z.number(), answerTimeSec: z.number(), retakes: z.number() })),
});

export const interviewRoutes =
  (h: Hiring): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/interviews', { schema: { tags: ['admin'], summary: 'All interviews', response: { 200: z.object({ items: z.array(summary.extend({ candidates: z.number() })) }), ...errors } } }, async (request) => {
      currentUser(request);
      return { items: await h.interviews.list() };
    });

    app.post('/interviews', { schema: { tags: ['admin'], summary: 'Create an interview (admins)', body, response: { 201: interviewSchema, ...errors } } }, async (request, reply) =>
      reply.status(201).send(await h.interviews.create(requireAdmin(request), request.body)),
    );

    app.get('/interviews/:id', { schema: { tags: ['admin'], summary: 'One interview with its questions', params: interviewParams, response: { 200: interviewSchema, ...errors } } }, async (request) => {
      currentUser(request);
      return h.interviews.get(request.params.id);
    });

    app.patch(
      '/interviews/:id',
      { schema: { tags: ['admin'], summary: 'Change an interview (admins); questions only before anyone answered', params: interviewParams, body: patchBody, response: { 200: interviewSchema, ...errors } } },
      async (request) => h.interviews.update(requireAdmin(request), request.params.id, request.body),
    );
  };
