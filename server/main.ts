/**
 * Entry point. ROLE=all (default) serves the API and the web app and runs analyses in one process;
 * ROLE=api serves only; ROLE=worker only analyses (with a health endpoint).
 */
import 'dotenv/config';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { ConfigError, loadConfig } from './config.js';
import { type Container, createContainer, StartupError } from './container.js';
import { startWorker } from './features/analysis/worker.js';
import { ensureFirstAdmin } from './features/auth/first-admin.js';
import { startPurgeTimer } from './features/candidates/purge.js';
import { healthOf } from './features/system/system.routes.js';
import { MissingAccessError } from './http/access.js';
import { buildApp } from './http/app.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const c = await createContainer(config);
  const servesApi = config.ROLE !== 'worker';
  const runsJobs = config.ROLE !== 'api';

  const app = servesApi ? await buildApp(c) : workerHealthServer(c);

  if (servesApi) {
    const admin = await ensureFirstAdmin(c);
    if (admin === 'created') c.log.info('created the first admin from ADMIN_EMAIL / ADMIN_PASSWORD');
  }
  if (runsJobs) await startWorker(c);
  // Retention purge: one process does it (the worker, or the single process of ROLE=all).
  const stopPurge = runsJobs ? startPurgeTimer(c) : () => {};

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    c.log.info({ signal }, 'shutting down: no new uploads, finishing running work');
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    stopPurge();
    await app.close(); // stops accepting connections, lets in-flight requests finish
    await c.close(); // hands running jobs back to the queue, closes the database
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.PORT, host: config.HOST });
}

/** A worker serves nothing but its health. */
function workerHealthServer(c: Container) {
  const app = Fastify({ loggerInstance: c.log as FastifyBaseLogger });
  app.get('/api/health', { config: { access: 'public' } }, async (_request, reply) => {
    const health = await healthOf(c); // the database and the disk, as the API reports them
    return reply.status(health.status === 'ok' ? 200 : 503).send(health);
  });
  return app;
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof StartupError || err instanceof MissingAccessError) {
    console.error(`interview-analyzer: ${err.message}`);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
