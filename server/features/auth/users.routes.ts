import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { adminErrors as errors } from '../../../contracts/errors.js';
import { meSchema, userCreate, userList, userParams, userPatch, userSchema } from '../../../contracts/users.js';
import type { Hiring } from '../hiring/services.js';
import { currentUser } from './guard.js';

/** The signed-in user, and user management (admins only). */
export const userRoutes =
  (h: Hiring): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/me', { config: { access: 'staff' }, schema: { tags: ['admin'], summary: 'The signed-in user', response: { 200: meSchema, ...errors } } }, async (request) => {
      const u = currentUser(request);
      return { id: u.id, email: u.email, name: u.name, role: u.role };
    });

    app.get('/users', { config: { access: 'admin' }, schema: { tags: ['admin'], summary: 'All users (admins only)', response: { 200: userList, ...errors } } }, async (_request) => {
      return { items: await h.users.list() };
    });

    app.post(
      '/users',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['admin'],
          summary: 'Create an admin or reviewer (admins only)',
          body: userCreate,
          response: { 201: userSchema, ...errors },
        },
      },
      async (request, reply) => reply.status(201).send(await h.users.create(currentUser(request), request.body)),
    );

    app.patch(
      '/users/:userId',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['admin'],
          summary: 'Change role, name or password, or deactivate a user (admins only)',
          params: userParams,
          body: userPatch,
          response: { 200: userSchema, ...errors },
        },
      },
      async (request) => h.users.update(currentUser(request), request.params.userId, request.body),
    );
  };
