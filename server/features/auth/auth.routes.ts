import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../../contracts/errors.js';
import { loginBody, loginReply } from '../../../contracts/users.js';
import { HttpError } from '../../http/errors.js';
import type { Hiring } from '../hiring/services.js';
import { checkCsrf, clearSessionCookies, setSessionCookies, SESSION_COOKIE } from './guard.js';

/** Sign-in and sign-out; no session needed (login is rate-limited per IP here and per email in AuthService). */
export const authRoutes =
  (h: Hiring): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/login',
      {
        config: { access: 'public', rateLimit: { max: h.settings.LOGIN_RATE_PER_MIN, timeWindow: '1 minute' } },
        schema: {
          tags: ['admin'],
          summary: 'Sign in (sets the ia_session and ia_csrf cookies)',
          body: loginBody,
          response: { 200: loginReply, 401: errorBody, 403: errorBody, 429: errorBody },
        },
      },
      async (request, reply) => {
        const { sessionId, user, expiresAt } = await h.auth.login(request.body.email, request.body.password, new Date(), request.ip);
        if (user.role === 'user') {
          await h.auth.logout(sessionId);
          throw new HttpError(403, 'STAFF_ONLY', 'This is a practice account: sign in on the practice side (Account page); the hiring panel is for the hiring team only.');
        }
        const csrfToken = setSessionCookies(request, reply, sessionId, expiresAt, h.settings.secureCookies);
        return { user: { id: user.id, email: user.email, name: user.name, role: user.role }, csrfToken };
      },
    );

    app.post('/logout', { config: { access: 'public' }, schema: { tags: ['admin'], summary: 'Sign out (ends the session)', response: { 204: z.null(), 403: errorBody } } }, async (request, reply) => {
      const sid = request.cookies[SESSION_COOKIE];
      if (sid) {
        checkCsrf(request); // nobody else may sign you out
        await h.auth.logout(sid);
      }
      clearSessionCookies(reply);
      return reply.status(204).send(null);
    });
  };
