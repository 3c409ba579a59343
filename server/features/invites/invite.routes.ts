import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { candidateParams } from '../../../contracts/candidates.js';
import { adminErrors as errors } from '../../../contracts/errors.js';
import { interviewParams } from '../../../contracts/interviews.js';
import { bulkInvite, bulkInviteResult, inviteCreate, inviteCreated, inviteExtend, inviteExtended, inviteList, inviteParams, inviteSchema } from '../../../contracts/invites.js';
import { currentUser as requireAdmin } from '../auth/guard.js';
import type { Hiring } from '../hiring/services.js';
import { publicBase } from './public-base.js';

/** Admins create (one or many), extend and revoke invite links; the token is shown once, in the creation response. */
export const inviteRoutes =
  (h: Hiring): FastifyPluginAsyncZod =>
  async (app) => {
    const baseUrl = (request: FastifyRequest) => publicBase(request, h.settings);

    app.post(
      '/interviews/:id/candidates/:candidateId/invites',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['admin'],
          summary: 'Create an invite link with a deadline (revokes the previous open one); mailed with reminders when SMTP_URL is set; the URL is shown only now',
          params: candidateParams,
          body: inviteCreate,
          response: { 201: inviteCreated, ...errors },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const created = await h.invites.create(requireAdmin(request), request.params.id, request.params.candidateId, { days: b.expiresInDays, deadline: b.deadline, sendEmail: b.sendEmail, baseUrl: baseUrl(request) });
        return reply.status(201).send(created);
      },
    );

    app.post(
      '/interviews/:id/invites/bulk',
      {
        config: { access: 'admin' },
        schema: { tags: ['admin'], summary: 'Invite several candidates at once (each their own link, mail and reminders)', params: interviewParams, body: bulkInvite, response: { 201: bulkInviteResult, ...errors } },
      },
      async (request, reply) => {
        const b = request.body;
        const result = await h.invites.bulk(requireAdmin(request), request.params.id, b.candidateIds, { days: b.expiresInDays, deadline: b.deadline, sendEmail: b.sendEmail, baseUrl: baseUrl(request) });
        return reply.status(201).send(result);
      },
    );

    app.get(
      '/interviews/:id/candidates/:candidateId/invites',
      { config: { access: 'admin' }, schema: { tags: ['admin'], summary: "A candidate's invite links with their tracking (never their tokens)", params: candidateParams, response: { 200: inviteList, ...errors } } },
      async (request) => {
        requireAdmin(request);
        return { items: await h.invites.list(request.params.id, request.params.candidateId) };
      },
    );

    app.post(
      '/interviews/:id/invites/:inviteId/extend',
      {
        config: { access: 'admin' },
        schema: { tags: ['admin'], summary: 'Move the deadline (reopens an expired link); queued reminders follow', params: inviteParams, body: inviteExtend, response: { 200: inviteExtended, ...errors } },
      },
      async (request) => h.invites.extend(requireAdmin(request), request.params.id, request.params.inviteId, request.body.deadline),
    );

    app.post(
      '/interviews/:id/invites/:inviteId/revoke',
      { config: { access: 'admin' }, schema: { tags: ['admin'], summary: 'Revoke an invite link (its queued mail is cancelled)', params: inviteParams, response: { 200: inviteSchema, ...errors } } },
      async (request) => h.invites.revoke(requireAdmin(request), request.params.id, request.params.inviteId),
    );
  };
