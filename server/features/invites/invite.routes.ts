import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { candidateParams } from '../../../contracts/candidates.js';
import { adminErrors as errors } from '../../../contracts/errors.js';
import { inviteCreate, inviteCreated, inviteList, inviteParams, inviteSchema } from '../../../contracts/invites.js';
import { currentUser } from '../auth/guard.js';
import type { Hiring } from '../hiring/services.js';

/** Admins create (and revoke) invite links; the token is shown once, in the creation response. */
export const inviteRoutes =
  (h: Hiring): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/interviews/:id/candidates/:candidateId/invites',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['admin'],
          summary: 'Create an invite link (revokes the previous open one); the URL is shown only now',
          params: candidateParams,
          body: inviteCreate,
          response: { 201: inviteCreated, ...errors },
        },
      },
      async (request, reply) => {
        const { invite, token } = await h.invites.create(currentUser(request), request.params.id, request.params.candidateId, request.body.expiresInDays);
        // PUBLIC_URL (required outside development, server/config.ts); in development the address this
        // loopback server is reached at on the socket, never the request's Host header.
        const local = (request.socket.localAddress ?? h.settings.HOST).replace(/^::ffff:/, '');
        const host = local.includes(':') ? `[${local}]` : local;
        const base = h.settings.PUBLIC_URL?.replace(/\/+$/, '') ?? `http://${host}:${request.socket.localPort ?? h.settings.PORT}`;
        return reply.status(201).send({ invite, token, url: `${base}/invite/${token}` });
      },
    );

    app.get(
      '/interviews/:id/candidates/:candidateId/invites',
      { config: { access: 'admin' }, schema: { tags: ['admin'], summary: "A candidate's invite links (never their tokens)", params: candidateParams, response: { 200: inviteList, ...errors } } },
      async (request) => {
        return { items: await h.invites.list(request.params.id, request.params.candidateId) };
      },
    );

    app.post(
      '/interviews/:id/invites/:inviteId/revoke',
      { config: { access: 'admin' }, schema: { tags: ['admin'], summary: 'Revoke an invite link', params: inviteParams, response: { 200: inviteSchema, ...errors } } },
      async (request) => h.invites.revoke(currentUser(request), request.params.id, request.params.inviteId),
    );
  };
