import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { appConfigSchema, type Health, healthSchema } from '../../../contracts/system.js';
import type { Container } from '../../container.js';

/** The database answers a query within 2 s. */
async function databaseCheck(c: Container): Promise<{ ok: boolean; error?: string }> {
  try {
    await Promise.race([sql`select 1`.execute(c.database.db), new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 2 s')), 2000).unref())]);
    return { ok: true };
  } catch (e) {
    return { ok: false, error: e instanceof Error && /no answer/.test(e.message) ? e.message : 'the database does not answer' };
  }
}

/** Health of this process: "ok" only when the database answers and the data directory has DISK_MIN_FREE_MB free. */
export async function healthOf(c: Container): Promise<Health> {
  const [database, disk] = await Promise.all([databaseCheck(c), c.disk.status()]);
  const ok = database.ok && disk.ok;
  return { status: ok ? 'ok' : 'degraded', engine: c.config.ANALYSIS_ENGINE, role: c.config.ROLE, version: c.version, checks: { database, disk } };
}

export const systemRoutes =
  (c: Container): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/health',
      { config: { access: 'public' }, schema: { tags: ['system'], summary: 'Liveness and readiness: the database and the free disk space', response: { 200: healthSchema, 503: healthSchema } } },
      async (_request, reply) => {
        const health = await healthOf(c);
        return reply.status(health.status === 'ok' ? 200 : 503).send(health);
      },
    );

    app.get(
      '/config',
      {
        config: { access: 'public' },
        schema: {
          tags: ['system'],
          summary: 'Settings the web app needs',
          response: { 200: appConfigSchema },
        },
      },
      async () => ({
        recordingMaxSec: c.config.RECORDING_MAX_SEC,
        thinkTimeSec: c.config.THINK_TIME_SEC,
        retakes: c.config.RETAKES,
        maxUploadMb: c.config.MAX_UPLOAD_MB,
        engine: c.config.ANALYSIS_ENGINE,
        practiceMode: c.config.PRACTICE_MODE,
      }),
    );

    app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  };
