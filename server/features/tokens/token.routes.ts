/**
 * API tokens (admin, by session) and the read API they open (/api/v1, access 'token'): interviews, candidates and
 * the leaderboard, for an ATS or a report. Read-only: nothing under /api/v1 changes data.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { candidateList, candidateQuery } from '../../../contracts/candidates.js';
import { adminErrors as errors } from '../../../contracts/errors.js';
import { interviewList, interviewParams } from '../../../contracts/interviews.js';
import { leaderboardQuery, leaderboardSchema } from '../../../contracts/leaderboard.js';
import { apiTokenCreated, apiTokenList, apiTokenSchema, tokenCreate, tokenParams } from '../../../contracts/webhooks.js';
import { currentUser as requireAdmin } from '../auth/guard.js';
import type { Hiring } from '../hiring/services.js';

/** Under /api/admin (session): an admin's own tokens. */
export const tokenAdminRoutes =
  (h: Hiring): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/tokens',
      { config: { access: 'admin' }, schema: { tags: ['admin', 'tokens'], summary: 'Create an API token for the read API (/api/v1); shown only now, stored hashed', body: tokenCreate, response: { 201: apiTokenCreated, ...errors } } },
      async (request, reply) => reply.status(201).send(await h.tokens.create(requireAdmin(request), request.body.name)),
    );
    app.get('/tokens', { config: { access: 'admin' }, schema: { tags: ['admin', 'tokens'], summary: 'Your API tokens (never the tokens themselves)', response: { 200: apiTokenList, ...errors } } }, async (request) => ({
      items: await h.tokens.list(requireAdmin(request)),
    }));
    app.post(
      '/tokens/:tokenId/revoke',
      { config: { access: 'admin' }, schema: { tags: ['admin', 'tokens'], summary: 'Revoke one of your API tokens', params: tokenParams, response: { 200: apiTokenSchema, ...errors } } },
      async (request) => h.tokens.revoke(requireAdmin(request), request.params.tokenId),
    );
  };

/** /api/v1: the read API, by `Authorization: Bearer ia_...` (an active admin's token). */
export const readApiRoutes =
  (h: Hiring): FastifyPluginAsyncZod =>
  async (app) => {
    // who may call: the access hook's 'token' rule (server/http/access.ts -> TokenService.tokenUser)
    app.addHook('onSend', async (_request, reply, payload) => {
      void reply.header('cache-control', 'no-store');
      return payload;
    });
    const security = [{ bearerAuth: [] }];

    app.get('/interviews', { config: { access: 'token' }, schema: { tags: ['read API'], security, summary: 'All interviews', response: { 200: interviewList, ...errors } } }, async () => ({ items: await h.interviews.list() }));

    app.get(
      '/interviews/:id/candidates',
      { config: { access: 'token' }, schema: { tags: ['read API'], security, summary: "An interview's candidates (filter by status or tag)", params: interviewParams, querystring: candidateQuery, response: { 200: candidateList, ...errors } } },
      async (request) => {
        await h.interviews.row(request.params.id);
        return { items: await h.candidates.list(request.params.id, request.query) };
      },
    );

    app.get(
      '/interviews/:id/leaderboard',
      {
        config: { access: 'token' },
        schema: { tags: ['read API'], security, summary: 'The leaderboard: ranked by reviewer scores, automated scores beside (see `formula`)', params: interviewParams, querystring: leaderboardQuery, response: { 200: leaderboardSchema, ...errors } },
      },
      async (request) => h.leaderboard.rows(request.params.id, request.query),
    );
  };
