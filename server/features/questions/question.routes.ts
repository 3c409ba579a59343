import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBody } from '../../../contracts/errors.js';
import { questionList, questionSchema, randomQuestionQuery } from '../../../contracts/questions.js';
import type { Container } from '../../container.js';
import type { Practice } from '../practice/practice.js';

export const questionRoutes =
  (c: Container, p: Practice): FastifyPluginAsyncZod =>
  async (app) => {
    if (p.enabled) {
      app.get(
        '/questions/random',
        {
          config: { access: 'practice' },
          schema: {
            tags: ['questions'],
            summary: 'A random question this owner has not seen yet (starts over when the bank is exhausted)',
            querystring: randomQuestionQuery,
            response: { 200: questionSchema, 401: errorBody },
          },
        },
        // Draws are keyed by the practice owner key (a hash or a user id), never by a raw cookie value. A browser
        // without an identity yet gets one, but its first draw is not recorded (cookie-less clients store nothing).
        async (request, reply) => {
          const existing = await p.identity.resolve(request, reply, { create: false });
          if (!existing) await p.identity.resolve(request, reply, { create: true });
          return c.questions.drawRandom(existing ? existing.key : null, request.query.after);
        },
      );
    }

    app.get(
      '/questions',
      { config: { access: 'public' }, schema: { tags: ['questions'], summary: 'The question bank', response: { 200: questionList } } },
      async () => ({ items: await c.questions.list() }),
    );
  };
