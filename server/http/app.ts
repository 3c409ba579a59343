/** Builds the Fastify server: security headers, limits, schemas, OpenAPI, the API routes and the web app. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Container } from '../container.js';
import { answerRoutes } from '../features/answers/answer.routes.js';
import { registerHiring } from '../features/hiring.js';
import { createHiring } from '../features/hiring/services.js';
import { legacyRoutes } from '../features/legacy/legacy.routes.js';
import { accountRoutes } from '../features/practice/account.routes.js';
import { createPractice } from '../features/practice/practice.js';
import { shareRoutes } from '../features/practice/share.routes.js';
import { progressRoutes } from '../features/progress/progress.routes.js';
import { questionRoutes } from '../features/questions/question.routes.js';
import { systemRoutes } from '../features/system/system.routes.js';
import { installErrorHandler } from './error-handler.js';

export async function buildApp(c: Container) {
  const { config } = c;
  const app = Fastify({
    loggerInstance: c.log as FastifyBaseLogger,
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 256 * 1024, // JSON bodies; uploads have their own limit
    requestTimeout: config.REQUEST_TIMEOUT_SEC * 1000, // a slow upload of a large file may take minutes, but not forever
    connectionTimeout: 0,
    keepAliveTimeout: 10_000,
  }).withTypeProvider<ZodTypeProvider>();
  app.server.headersTimeout = config.HEADERS_TIMEOUT_SEC * 1000; // slow-loris: all headers within this time

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: config.MAX_UPLOAD_MB * 1024 * 1024, files: 1 } });
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'Interview Analyzer API', version: c.version, description: 'Record an interview answer, get a measured analysis.' } },
    transform: jsonSchemaTransform,
  });

  await app.register(systemRoutes(c), { prefix: '/api' });
  const hiring = createHiring(c);
  const practice = createPractice(c, hiring);
  await app.register(questionRoutes(c, practice), { prefix: '/api' });
  // PRACTICE_MODE=off: the practice routes are not served at all (404), only the hiring side.
  if (practice.enabled) {
    await app.register(answerRoutes(c, practice), { prefix: '/api' });
    await app.register(shareRoutes(c, practice), { prefix: '/api' });
    await app.register(progressRoutes(practice), { prefix: '/api' });
    await app.register(accountRoutes(practice, hiring), { prefix: '/api' });
    await app.register(legacyRoutes(c, practice));
  }
  await registerHiring(app, c, hiring);

  const webDir = resolve(config.WEB_DIR ?? join(c.rootDir, 'dist/web'));
  if (existsSync(join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: ['index.html'] });
    // Client-side routes (/interview, /answers/:id, /history, ...) get the app shell.
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/')) return reply.callNotFound();
      return reply.type('text/html').sendFile('index.html');
    });
  } else {
    app.get('/', { schema: { hide: true } }, async (_req, reply) =>
      reply.type('text/plain').send('The web app is not built yet: run `npm run build:web` (npm start does it for you).'),
    );
  }
  return app;
}
