import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAdmin } from '../auth/guard.js';
import type { Hiring } from '../hiring/services.js';
import { errors } from '../hiring/schemas.js';

const entry = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  userEmail: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  detail: z.string().nullable(),
  createdAt: z.string(),
});

export const auditRoutes =
  (h: Hiring): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/audit',
      {
        schema: {
          tags: ['admin'],
          summary: 'The audit log of admin actions, newest first (admins)',
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200), before: z.string().max(40).optional(), action: z.string().max(60).optional() }),
          response: { 200: z.object({ items: z.array(entry) }), ...errors },
        },
      },
      async (request) => {
        requireAdmin(request);
        return { items: await h.audit.list(request.query) };
      },
    );
  };
