import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Hiring } from '../hiring/services.js';
import { errors, id, userRole } from '../hiring/schemas.js';
import { currentUser, requireAdmin } from './guard.js';
import { meSchema } from './auth.routes.js';

const userSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), role: userRole, active: z.boolean(), createdAt: z.string() });

/** The signed-in user, and user management (admins only). */
export const userRoutes =
  (h: Hiring): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/me', { schema: { tags: ['admin'], summary: 'The signed-in user', response: { 200: meSchema, ...errors } } }, async (request) => {
      const u = currentUser(request);
      return { id: u.id, email: u.email, name: u.name, role: u.role };
    });

    app.get('/users', { schema: { tags: ['admin'], summary: 'All users (admins only)', response: { 200: z.object({ items: z.array(userSchema) }), ...errors } } }, async (request) => {
      requireAdmin(request);
      return { items: await h.users.list() };
    });

    app.post(
      '/users',
      {
        schema: {
          tags: ['admin'],
          summary: 'Create an admin or reviewer (admins only)',
          body: z.object({ email: z.string().email().max(320), name: z.string().max(200).default(''), role: userRole, password: z.string().max(256) }),
          response: { 201: userSchema, ...errors },
        },
      },
      async (request, reply) => reply.status(201).send(await h.users.create(requireAdmin(request), request.body)),
    );

    app.patch(
      '/users/:userId',
      {
        schema: {
          tags: ['admin'],
          summary: 'Change role, name or password, or deactivate a user (admins only)',
          params: z.object({ userId: id }),
          body: z.object({ role: userRole.optional(), active: z.boolean().optional(), name: z.string().min(1).max(200).optional(), password: z.string().max(256).optional() }),
          response: { 200: userSchema, ...errors },
        },
      },
      async (request) => h.users.update(requireAdmin(request), request.params.userId, request.body),
    );
  };
