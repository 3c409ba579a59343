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
import { existingPracticeOwner, hasPracticeSession, practiceOwner as ownerOf, practiceSession } from './owner.js';

export { hasPracticeSession, practiceSession };

const practice = { access: 'practice' as const };

export const questionRoutes =
  (c: Container): FastifyPluginAsyncZod =>
  async (app) => {
    const practiceOwner = (request: Parameters<typeof ownerOf>[0], reply: Parameters<typeof ownerOf>[1]) => ownerOf(request, reply, c.config.secureCookies);
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
        // A browser without the cookie yet gets one, but its first draw is not recorded (cookie-less clients store nothing).
        const known = hasPracticeSession(request);
        const session = practiceSession(request, reply, c.config.secureCookies);
        return c.questions.drawRandom(known ? session : null, request.query.after, await practiceOwner(request, reply));
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
      async (request) => ({ items: await c.questions.list(existingPracticeOwner(request), request.query) }),
    );

    app.get(
      '/questions/facets',
      { config: { access: 'public' }, schema: { tags: ['questions'], summary: 'Categories, types and roles with how many questions each has', response: { 200: questionFacets } } },
      async (request) => c.questions.facets(existingPracticeOwner(request)),
    );

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
