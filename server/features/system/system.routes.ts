import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { appConfigSchema, healthSchema } from '../../../contracts/system.js';
import type { Container } from '../../container.js';

export const systemRoutes =
  (c: Container): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/health',
      { schema: { tags: ['system'], summary: 'Liveness and readiness', response: { 200: healthSchema } } },
      async () => ({ status: 'ok' as const, engine: c.config.ANALYSIS_ENGINE, role: c.config.ROLE, version: c.version }),
    );

    app.get(
      '/config',
      {
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

    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  };
