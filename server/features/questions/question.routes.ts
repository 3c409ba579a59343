import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../../contracts/errors.js';
import {
  ownQuestionBody,
  ownQuestionPatch,
  questionFacets,
  questionList,
  questionListQuery,
  questionParams,
  questionSchema,
  questionSetBody,
  questionSetList,
  questionSetPatch,
  questionSetSchema,
  randomQuestionQuery,
} from '../../../contracts/questions.js';
import type { Container } from '../../container.js';
import type { Practice } from '../practice/practice.js';
import { existingPracticeOwner, practiceOwner as ownerOf } from './owner.js';

const practice = { access: 'practice' as const };

export const questionRoutes =
  (c: Container, p: Practice): FastifyPluginAsyncZod =>
  async (app) => {
    const practiceOwner = (request: FastifyRequest, reply: FastifyReply) => ownerOf(p, request, reply);
    // PRACTICE_MODE=off: only the public bank list is served; draws and own questions are practice routes (404).
    if (p.enabled)
      app.get(
      '/questions/random',
      {
        config: practice,
        schema: {
          tags: ['questions'],
          summary: 'A random question this browser has not seen yet, from the bank and its own questions (starts over when all were drawn)',
          querystring: randomQuestionQuery,
          response: { 200: questionSchema },
        },
      },
      async (request, reply) => {
        // Draws are keyed by the practice owner key (a hash or a user id), never by a raw cookie value. A browser
        // without an identity yet gets one, but its first draw is not recorded (cookie-less clients store nothing).
        const existing = await p.identity.resolve(request, reply, { create: false });
        const owner = existing ?? (await p.identity.resolve(request, reply, { create: true }));
        return c.questions.drawRandom(existing ? existing.key : null, request.query.after, owner?.key ?? null);
      },
    );

    app.get(
      '/questions',
      {
        config: { access: 'public' },
        schema: {
          tags: ['questions'],
          summary: 'The question bank and this practice user\'s own questions, filtered by category, type, role or origin',
          querystring: questionListQuery,
          response: { 200: questionList, 400: errorBody },
        },
      },
      async (request, reply) => ({ items: await c.questions.list(await existingPracticeOwner(p, request, reply), request.query) }),
    );

    app.get(
      '/questions/facets',
      { config: { access: 'public' }, schema: { tags: ['questions'], summary: 'Categories, types and roles with how many questions each has', response: { 200: questionFacets } } },
      async (request, reply) => c.questions.facets(await existingPracticeOwner(p, request, reply)),
    );

    if (!p.enabled) return;

    app.post(
      '/questions',
      {
        config: practice,
        schema: { tags: ['questions'], summary: 'Add a question of your own (only you see it; it joins your draws and mock interviews)', body: ownQuestionBody, response: { 201: questionSchema, 400: errorBody } },
      },
      async (request, reply) => reply.status(201).send(await c.questions.createOwn(await practiceOwner(request, reply), request.body)),
    );

    app.patch(
      '/questions/:id',
      {
        config: practice,
        schema: { tags: ['questions'], summary: 'Edit a question of your own', params: questionParams, body: ownQuestionPatch, response: { 200: questionSchema, 400: errorBody, 404: errorBody } },
      },
      async (request, reply) => c.questions.updateOwn(await practiceOwner(request, reply), request.params.id, request.body),
    );

    app.delete(
      '/questions/:id',
      { config: practice, schema: { tags: ['questions'], summary: 'Delete a question of your own (answers to it keep its text)', params: questionParams, response: { 204: z.null(), 404: errorBody } } },
      async (request, reply) => {
        await c.questions.deleteOwn(await practiceOwner(request, reply), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/question-sets',
      { config: practice, schema: { tags: ['questions'], summary: 'Your question sets', response: { 200: questionSetList } } },
      async (request, reply) => ({ items: await c.questions.listSets(await practiceOwner(request, reply)) }),
    );

    app.post(
      '/question-sets',
      { config: practice, schema: { tags: ['questions'], summary: 'Create a question set (bank questions and your own, in order)', body: questionSetBody, response: { 201: questionSetSchema, 400: errorBody } } },
      async (request, reply) => reply.status(201).send(await c.questions.createSet(await practiceOwner(request, reply), request.body)),
    );

    app.get(
      '/question-sets/:id',
      { config: practice, schema: { tags: ['questions'], summary: 'One of your question sets', params: questionParams, response: { 200: questionSetSchema, 404: errorBody } } },
      async (request, reply) => c.questions.getSet(await practiceOwner(request, reply), request.params.id),
    );

    app.patch(
      '/question-sets/:id',
      {
        config: practice,
        schema: { tags: ['questions'], summary: 'Rename a question set or replace its questions', params: questionParams, body: questionSetPatch, response: { 200: questionSetSchema, 400: errorBody, 404: errorBody } },
      },
      async (request, reply) => c.questions.updateSet(await practiceOwner(request, reply), request.params.id, request.body),
    );

    app.delete(
      '/question-sets/:id',
      { config: practice, schema: { tags: ['questions'], summary: 'Delete a question set (its questions stay)', params: questionParams, response: { 204: z.null(), 404: errorBody } } },
      async (request, reply) => {
        await c.questions.deleteSet(await practiceOwner(request, reply), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
