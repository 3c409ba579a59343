/** /api/account: practice accounts (sign up, sign in, sign out, password, delete, download all my data). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountDelete, accountDeleted, accountState, passwordChange, signedIn, signInBody, signUpBody } from '../../../contracts/account.js';
import { errorBody } from '../../../contracts/errors.js';
import { HttpError } from '../../http/errors.js';
import { checkCsrf, clearSessionCookies, SESSION_COOKIE, setSessionCookies } from '../auth/guard.js';
import type { UserRow } from '../auth/user.repository.js';
import type { Hiring } from '../hiring/services.js';
import { type OpenedSession, toAccountUser } from './account.service.js';
import { buildExport } from './export.js';
import { userOwnerKey } from './owner.js';
import type { Practice } from './practice.js';

export const accountRoutes =
  (p: Practice, h: Hiring): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('onSend', async (_request, reply, payload) => {
      void reply.header('cache-control', 'no-store');
      return payload;
    });

    /** The signed-in practice user (role `user`); a state-changing request must carry the CSRF token. */
    const practiceUser = async (request: FastifyRequest): Promise<UserRow> => {
      const user = await p.identity.sessionUser(request);
      if (!user) throw new HttpError(401, 'NOT_SIGNED_IN', 'Sign in first.');
      if (user.role !== 'user') throw new HttpError(403, 'STAFF_ACCOUNT', 'This is a hiring-team account: manage it in the admin panel.');
      if (request.method !== 'GET') checkCsrf(request);
      return user;
    };

    const opened = (request: FastifyRequest, reply: FastifyReply, s: OpenedSession) => {
      const csrfToken = setSessionCookies(request, reply, s.sessionId, s.expiresAt, h.settings.secureCookies);
      p.identity.clearAnonymous(reply);
      return { user: toAccountUser(s.user), csrfToken, claimed: s.claimed.answers, claimedWork: s.claimed };
    };

    app.get(
      '/account',
      { config: { access: 'public' }, schema: { tags: ['account'], summary: 'Who practises in this browser, and the practice mode', response: { 200: accountState } } },
      async (request) => {
        const user = await p.identity.sessionUser(request);
        return { mode: p.identity.mode, user: user && user.role === 'user' ? toAccountUser(user) : null, staff: !!user && user.role !== 'user' };
      },
    );

    app.post(
      '/account/signup',
      {
        config: { access: 'public', rateLimit: { max: h.settings.LOGIN_RATE_PER_MIN, timeWindow: '1 minute' } },
        schema: {
          tags: ['account'],
          summary: "Create a practice account, sign in, and claim this browser's anonymous answers, own questions, question sets and mock interviews",
          body: signUpBody,
          response: { 201: signedIn, 400: errorBody, 409: errorBody, 429: errorBody },
        },
      },
      async (request, reply) => {
        const s = await p.accounts.signUp(request.body, p.identity.anonymousKey(request));
        return reply.status(201).send(opened(request, reply, s));
      },
    );

    app.post(
      '/account/login',
      {
        config: { access: 'public', rateLimit: { max: h.settings.LOGIN_RATE_PER_MIN, timeWindow: '1 minute' } },
        schema: {
          tags: ['account'],
          summary: "Sign in to a practice account and claim this browser's anonymous answers, own questions, question sets and mock interviews",
          body: signInBody,
          response: { 200: signedIn, 401: errorBody, 403: errorBody, 429: errorBody },
        },
      },
      async (request, reply) => opened(request, reply, await p.accounts.signIn(request.body.email, request.body.password, p.identity.anonymousKey(request), request.ip)),
    );

    app.post(
      '/account/logout',
      { config: { access: 'account' }, schema: { tags: ['account'], summary: 'Sign out (this browser)', response: { 204: z.null(), 403: errorBody } } },
      async (request, reply) => {
        const sid = request.cookies[SESSION_COOKIE];
        if (sid) {
          checkCsrf(request);
          await h.auth.logout(sid);
        }
        clearSessionCookies(reply);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/account/password',
      {
        config: { access: 'account', rateLimit: { max: h.settings.LOGIN_RATE_PER_MIN, timeWindow: '1 minute' } },
        schema: { tags: ['account'], summary: 'Change the password (signs out every other browser)', body: passwordChange, response: { 200: signedIn, 400: errorBody, 401: errorBody, 403: errorBody } },
      },
      async (request, reply) => {
        const user = await practiceUser(request);
        return opened(request, reply, await p.accounts.changePassword(user, request.body.currentPassword, request.body.newPassword));
      },
    );

    app.delete(
      '/account',
      {
        config: { access: 'account', rateLimit: { max: h.settings.LOGIN_RATE_PER_MIN, timeWindow: '1 minute' } },
        schema: { tags: ['account'], summary: 'Delete the account and all its recordings, reports and links', body: accountDelete, response: { 200: accountDeleted, 401: errorBody, 403: errorBody, 409: errorBody } },
      },
      async (request, reply) => {
        const user = await practiceUser(request);
        const deletedAnswers = await p.accounts.deleteAccount(user, request.body.password);
        clearSessionCookies(reply);
        return { deletedAnswers };
      },
    );

    app.get(
      '/account/export',
      { config: { access: 'account' }, schema: { tags: ['account'], summary: 'Download all my data: a zip with JSON (account, answers with reports, links, own questions, question sets, mock interviews) and the videos', produces: ['application/zip'] } },
      async (request, reply) => {
        const user = await practiceUser(request);
        const owner = userOwnerKey(user.id);
        const zip = await buildExport(toAccountUser(user), await p.repo.ownedAnswers(owner), await p.repo.sharesOfOwner(owner), p.storage, await p.ownWork(owner));
        const day = new Date().toISOString().slice(0, 10);
        return reply.header('content-type', 'application/zip').header('content-disposition', `attachment; filename="interview-analyzer-${day}.zip"`).send(zip);
      },
    );
  };
