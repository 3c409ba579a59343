import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adminErrors as errors } from '../../../contracts/errors.js';
import { candidateAnswerParams as answerParams, overrideBody, RUBRIC, reviewBody } from '../../../contracts/reviews.js';
import { currentUser } from '../auth/guard.js';
import type { Hiring } from '../hiring/services.js';

/** Admins and reviewers rate answers and override automated scores. */
export const reviewRoutes =
  (h: Hiring): FastifyPluginAsyncZod =>
  async (app) => {
    app.put(
      '/interviews/:id/candidates/:candidateId/answers/:answerId/review',
      {
        config: { access: 'staff' },
        schema: {
          tags: ['admin'],
          summary: `Your rubric ratings (1-5: ${RUBRIC.join(', ')}) and comment for one answer`,
          params: answerParams,
          body: reviewBody,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const { id: interviewId, candidateId, answerId } = request.params;
        const ratings = Object.fromEntries(Object.entries(request.body.ratings).filter(([, v]) => v !== undefined)) as Record<string, number>;
        await h.reviews.rate(currentUser(request), interviewId, candidateId, answerId, ratings, request.body.comment);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/interviews/:id/candidates/:candidateId/answers/:answerId/overrides',
      {
        config: { access: 'staff' },
        schema: {
          tags: ['admin'],
          summary: 'Override an automated score of one answer (recorded with who and when; the original stays visible)',
          params: answerParams,
          body: overrideBody,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const { id: interviewId, candidateId, answerId } = request.params;
        await h.reviews.override(currentUser(request), interviewId, candidateId, answerId, request.body.metric, request.body.value, request.body.reason);
        return reply.status(204).send(null);
      },
    );
  };
