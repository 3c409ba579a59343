import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { questionList, questionSchema, randomQuestionQuery } from '../../../contracts/questions.js';
import type { Container } from '../../container.js';

const SESSION_COOKIE = 'ia_session';

/** The browser's practice session (which questions it has seen): an opaque random id in a cookie. */
export function practiceSession(request: FastifyRequest, reply: FastifyReply, secureCookies = false): string {
  const existing = request.cookies[SESSION_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{16,64}$/.test(existing)) return existing;
  const id = randomBytes(16).toString('base64url');
  // Secure when PUBLIC_URL is https (or this request came over https).
  void reply.setCookie(SESSION_COOKIE, id, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies || request.protocol === 'https', maxAge: 30 * 24 * 3600 });
  return id;
}

/** True when the request carries a practice session cookie it did not just get. */
export function hasPracticeSession(request: FastifyRequest): boolean {
  const existing = request.cookies[SESSION_COOKIE];
  return Boolean(existing && /^[A-Za-z0-9_-]{16,64}$/.test(existing));
}

export const questionRoutes =
  (c: Container): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/questions/random',
      {
        config: { access: 'practice' },
        schema: {
          tags: ['questions'],
          summary: 'A random question this browser has not seen yet (starts over when the bank is exhausted)',
          querystring: randomQuestionQuery,
          response: { 200: questionSchema },
        },
      },
      async (request, reply) => {
        // A browser without the cookie yet gets one, but its first draw is not recorded (cookie-less clients store nothing).
        const known = hasPracticeSession(request);
        const session = practiceSession(request, reply, c.config.secureCookies);
        return c.questions.drawRandom(known ? session : null, request.query.after);
      },
    );

    app.get(
      '/questions',
      { config: { access: 'public' }, schema: { tags: ['questions'], summary: 'The question bank', response: { 200: questionList } } },
      async () => ({ items: await c.questions.list() }),
    );
  };
