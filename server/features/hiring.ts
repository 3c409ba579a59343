/** The hiring side (issue 6): admin API under /api/admin, candidate invite flow under /api/invite. */
import type { FastifyInstance } from 'fastify';
import type { Container } from '../container.js';
import { auditRoutes } from './audit/audit.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { requireSession } from './auth/guard.js';
import { userRoutes } from './auth/users.routes.js';
import { candidateRoutes } from './candidates/candidate.routes.js';
import { createHiring, type Hiring } from './hiring/services.js';
import { interviewRoutes } from './interviews/interview.routes.js';
import { candidateFlowRoutes } from './invites/candidate-flow.routes.js';
import { inviteRoutes } from './invites/invite.routes.js';
import { leaderboardRoutes } from './leaderboard/leaderboard.routes.js';
import { queueAdminRoutes } from './queue-admin/queue-admin.routes.js';
import { reviewRoutes } from './reviews/review.routes.js';

/** Registers every hiring route. Call before `app.ready()`, after cookie, rate-limit and multipart are registered. */
export async function registerHiring(app: FastifyInstance, c: Container, h: Hiring = createHiring(c)): Promise<Hiring> {
  await app.register(
    async (admin) => {
      admin.addHook('onSend', async (_request, reply, payload) => {
        void reply.header('cache-control', 'no-store');
        return payload;
      });
      await admin.register(authRoutes(h));
      await admin.register(async (signedIn) => {
        signedIn.addHook('onRequest', requireSession(h.auth));
        await signedIn.register(userRoutes(h));
        await signedIn.register(auditRoutes(h));
        await signedIn.register(interviewRoutes(h));
        await signedIn.register(candidateRoutes(c, h));
        await signedIn.register(inviteRoutes(h));
        await signedIn.register(reviewRoutes(h));
        await signedIn.register(leaderboardRoutes(h));
        await signedIn.register(queueAdminRoutes(c));
      });
    },
    { prefix: '/api/admin' },
  );
  await app.register(candidateFlowRoutes(c, h), { prefix: '/api/invite' });
  return h;
}
