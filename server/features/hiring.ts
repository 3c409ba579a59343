/** The hiring side (issue 6): admin API under /api/admin, candidate invite flow under /api/invite, the read API under /api/v1. Services come from the container. */
import type { FastifyInstance } from 'fastify';
import type { Container } from '../container.js';
import { auditRoutes } from './audit/audit.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { userRoutes } from './auth/users.routes.js';
import { candidateRoutes } from './candidates/candidate.routes.js';
import type { Hiring } from './hiring/services.js';
import { interviewRoutes } from './interviews/interview.routes.js';
import { candidateFlowRoutes } from './invites/candidate-flow.routes.js';
import { inviteRoutes } from './invites/invite.routes.js';
import { leaderboardRoutes } from './leaderboard/leaderboard.routes.js';
import { mailRoutes } from './mail/mail.routes.js';
import { queueAdminRoutes } from './queue-admin/queue-admin.routes.js';
import { reviewRoutes } from './reviews/review.routes.js';
import { readApiRoutes, tokenAdminRoutes } from './tokens/token.routes.js';
import { webhookRoutes } from './webhooks/webhook.routes.js';

const registered = new WeakMap<FastifyInstance, Hiring>();

/** The hiring services an app was built with (tests stop its pollers to drive the outbox and webhooks by hand). */
export const hiringOf = (app: FastifyInstance): Hiring | undefined => registered.get(app);

/**
 * Registers every hiring route. Call before `app.ready()`, after cookie, rate-limit, multipart and the
 * access hook (server/http/access.ts) are registered: each route declares its access rule.
 */
export async function registerHiring(app: FastifyInstance, c: Container): Promise<void> {
  const h = c.hiring;
  registered.set(app, h);
  await app.register(
    async (admin) => {
      admin.addHook('onSend', async (_request, reply, payload) => {
        void reply.header('cache-control', 'no-store');
        return payload;
      });
      await admin.register(authRoutes(h));
      await admin.register(userRoutes(h));
      await admin.register(auditRoutes(h));
      await admin.register(interviewRoutes(h));
      await admin.register(candidateRoutes(c, h));
      await admin.register(inviteRoutes(h));
      await admin.register(reviewRoutes(h));
      await admin.register(leaderboardRoutes(h));
      await admin.register(mailRoutes(h));
      await admin.register(webhookRoutes(h));
      await admin.register(tokenAdminRoutes(h));
      await admin.register(queueAdminRoutes(c));
    },
    { prefix: '/api/admin' },
  );
  await app.register(candidateFlowRoutes(c, h), { prefix: '/api/invite' });
  await app.register(readApiRoutes(h), { prefix: '/api/v1' });
  // Mail goes out from every API process: claiming a row is atomic, so each mail is sent once (docs/hiring.md).
  if (h.mail.outbox) {
    h.mail.outbox.start();
    app.addHook('onClose', async () => h.mail.outbox?.stop());
  }
  h.webhooks.start();
  app.addHook('onClose', async () => h.webhooks.stop());
}
