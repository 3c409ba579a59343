/** Admins register webhooks (the secret is shown once) and read each webhook's delivery log. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adminErrors as errors } from '../../../contracts/errors.js';
import { deliveryList, deliveryParams, deliverySchema, webhookCreate, webhookCreated, webhookList, webhookParams } from '../../../contracts/webhooks.js';
import { currentUser as requireAdmin } from '../auth/guard.js';
import type { Hiring } from '../hiring/services.js';

export const webhookRoutes =
  (h: Hiring): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/webhooks',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['admin', 'webhooks'],
          summary:
            'Register a webhook for candidate.finished and/or candidate.decided. Each POST carries X-Webhook-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>, X-Webhook-Event and X-Webhook-Id; non-2xx or no answer within WEBHOOK_TIMEOUT_SEC is retried with backoff up to WEBHOOK_MAX_ATTEMPTS. The secret is shown only now.',
          body: webhookCreate,
          response: { 201: webhookCreated, ...errors },
        },
      },
      async (request, reply) => reply.status(201).send(await h.webhooks.create(requireAdmin(request), request.body)),
    );

    app.get('/webhooks', { config: { access: 'admin' }, schema: { tags: ['admin', 'webhooks'], summary: 'The webhooks (never their secrets)', response: { 200: webhookList, ...errors } } }, async (request) => {
      requireAdmin(request);
      return { items: await h.webhooks.list() };
    });

    app.delete('/webhooks/:webhookId', { config: { access: 'admin' }, schema: { tags: ['admin', 'webhooks'], summary: 'Remove a webhook and its delivery log', params: webhookParams, response: { 204: z.null(), ...errors } } }, async (request, reply) => {
      await h.webhooks.remove(requireAdmin(request), request.params.webhookId);
      return reply.status(204).send(null);
    });

    app.get(
      '/webhooks/:webhookId/deliveries',
      { config: { access: 'admin' }, schema: { tags: ['admin', 'webhooks'], summary: 'The delivery log: each event, its status, attempts, the last HTTP status and error', params: webhookParams, response: { 200: deliveryList, ...errors } } },
      async (request) => {
        requireAdmin(request);
        return { items: await h.webhooks.deliveries(request.params.webhookId) };
      },
    );

    app.post(
      '/webhooks/:webhookId/deliveries/:deliveryId/retry',
      { config: { access: 'admin' }, schema: { tags: ['admin', 'webhooks'], summary: 'Deliver a failed event again', params: deliveryParams, response: { 200: deliverySchema, ...errors } } },
      async (request) => {
        requireAdmin(request);
        return h.webhooks.retry(request.params.webhookId, request.params.deliveryId);
      },
    );
  };
