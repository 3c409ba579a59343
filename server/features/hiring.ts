/** The hiring side (issue 6): admin API under /api/admin, candidate invite flow under /api/invite. Services come from the container. */
import type { FastifyInstance } from 'fastify';
import type { Container } from '../container.js';
import { auditRoutes } from './audit/audit.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { userRoutes } from './auth/users.routes.js';
import { candidateRoutes } from './candidates/candidate.routes.js';
import { interviewRoutes } from './interviews/interview.routes.js';
import { candidateFlowRoutes } from './invites/candidate-flow.routes.js';
import { inviteRoutes } from './invites/invite.routes.js';
import { leaderboardRoutes } from './leaderboard/leaderboard.routes.js';
import { queueAdminRoutes } from './queue-admin/queue-admin.routes.js';
import { reviewRoutes } from './reviews/review.routes.js';

/**
 * Registers every hiring route. Call before `app.ready()`, after cookie, rate-limit, multipart and the
 * access hook (server/http/access.ts) are registered: each route declares its access rule.
 */
export async function registerHiring(app: FastifyInstance, c: Container): Promise<void> {
  const h = c.hiring;
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
      await admin.register(queueAdminRoutes(c));
    },
    { prefix: '/api/admin' },
  );
  await app.register(candidateFlowRoutes(c, h), { prefix: '/api/invite' });
}
