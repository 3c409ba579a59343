import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { adminErrors as errors } from '../../../contracts/errors.js';
import { interviewCreate, interviewList, interviewParams, interviewPatch, interviewSchema } from '../../../contracts/interviews.js';
import { currentUser } from '../auth/guard.js';
import type { Hiring } from '../hiring/services.js';

export const interviewRoutes =
  (h: Hiring): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/interviews', { config: { access: 'staff' }, schema: { tags: ['admin'], summary: 'All interviews', response: { 200: interviewList, ...errors } } }, async (_request) => {
      return { items: await h.interviews.list() };
    });

    app.post('/interviews', { config: { access: 'admin' }, schema: { tags: ['admin'], summary: 'Create an interview (admins)', body: interviewCreate, response: { 201: interviewSchema, ...errors } } }, async (request, reply) =>
      reply.status(201).send(await h.interviews.create(currentUser(request), request.body)),
    );

    app.get('/interviews/:id', { config: { access: 'staff' }, schema: { tags: ['admin'], summary: 'One interview with its questions', params: interviewParams, response: { 200: interviewSchema, ...errors } } }, async (request) => {
      return h.interviews.get(request.params.id);
    });

    app.patch(
      '/interviews/:id',
      { config: { access: 'admin' }, schema: { tags: ['admin'], summary: 'Change an interview (admins); questions only before anyone answered', params: interviewParams, body: interviewPatch, response: { 200: interviewSchema, ...errors } } },
      async (request) => h.interviews.update(currentUser(request), request.params.id, request.body),
    );
  };
