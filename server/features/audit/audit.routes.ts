import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditList, auditQuery } from '../../../contracts/audit.js';
import { adminErrors } from '../../../contracts/errors.js';
import type { Hiring } from '../hiring/services.js';

export const auditRoutes =
  (h: Hiring): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/audit',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['admin'],
          summary: 'The audit log of admin actions, newest first (admins)',
          querystring: auditQuery,
          response: { 200: auditList, ...adminErrors },
        },
      },
      async (request) => {
        return { items: await h.audit.list(request.query) };
      },
    );
  };
