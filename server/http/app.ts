/** Builds the Fastify server: security headers, limits, schemas, OpenAPI, the API routes and the web app. */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
import { checkCsrf, sessionUserOf, setCurrentUser } from '../features/auth/guard.js';
import { registerHiring } from '../features/hiring.js';
import { legacyRoutes } from '../features/legacy/legacy.routes.js';
import { accountRoutes } from '../features/practice/account.routes.js';
import { createPractice } from '../features/practice/practice.js';
import { shareRoutes } from '../features/practice/share.routes.js';
import { progressRoutes } from '../features/progress/progress.routes.js';
import { questionRoutes } from '../features/questions/question.routes.js';
import { sessionRoutes } from '../features/sessions/session.routes.js';
import { systemRoutes } from '../features/system/system.routes.js';
import { RATE_LIMITED } from '../../contracts/errors.js';
import { installAccess } from './access.js';
import { installBodyIdleTimeout } from './body-idle.js';
import { installBuckets } from './buckets.js';
import { uploadRoutes } from '../features/uploads/upload.routes.js';
import { installErrorHandler } from './error-handler.js';
import { HttpError } from './errors.js';

export async function buildApp(c: Container) {
  const { config } = c;
  const app = Fastify({
    loggerInstance: c.log as FastifyBaseLogger,
    // Only the configured proxies: a hop count (the address that many hops from the socket) or their addresses.
    trustProxy: typeof config.TRUST_PROXY === 'number' ? trustHops(config.TRUST_PROXY) : config.TRUST_PROXY,
    bodyLimit: 256 * 1024, // JSON bodies; uploads have their own limit
    requestTimeout: config.REQUEST_TIMEOUT_SEC * 1000, // a slow upload of a large file may take minutes, but not forever
    connectionTimeout: 0,
    keepAliveTimeout: 10_000,
  }).withTypeProvider<ZodTypeProvider>();
  app.server.headersTimeout = config.HEADERS_TIMEOUT_SEC * 1000; // slow-loris: all headers within this time

  installBodyIdleTimeout(app, config.BODY_IDLE_TIMEOUT_SEC * 1000);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app, [config.dataDir, c.tmpDir, tmpdir(), c.rootDir]);

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
  await app.register(fastifyRateLimit, {
    global: false,
    // The one error shape, code RATE_LIMITED; the plugin adds Retry-After.
    errorResponseBuilder: (_request, ctx) =>
      new HttpError(429, RATE_LIMITED, `Too many requests: at most ${ctx.max} per ${ctx.after === '1 minute' ? 'minute' : ctx.after}. Try again in ${Math.max(1, Math.ceil(ctx.ttl / 1000))} s.`),
  });
  await app.register(fastifyCookie);
  installBuckets(app, { uploads: { perMinute: config.UPLOAD_RATE_PER_MIN } });
  // Who may call each route is declared on the route; this hook enforces it (and refuses routes without one).
  // Plug-in points: `tokenUser` (admin API tokens, 'token' routes), `practice` (owner identity), `share`, `invite`.
  installAccess(app, {
    sessionUser: (request) => sessionUserOf(c.hiring.auth, request),
    tokenUser: (request) => c.hiring.tokens.tokenUser(request.headers.authorization),
    checkCsrf,
    setUser: setCurrentUser,
  });
  await app.register(fastifyMultipart, { limits: { fileSize: config.MAX_UPLOAD_MB * 1024 * 1024, files: 1 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Interview Analyzer API', version: c.version, description: 'Record an interview answer, get a measured analysis.' },
      // the hiring read API (/api/v1): an admin's API token (docs/hiring.md)
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'An admin API token (ia_...), created under /api/admin/tokens' } } },
    },
    transform: jsonSchemaTransform,
  });

  await app.register(systemRoutes(c), { prefix: '/api' });
  const hiring = c.hiring;
  const practice = createPractice(c, hiring);
  await app.register(questionRoutes(c, practice), { prefix: '/api' });
  // PRACTICE_MODE=off: the practice routes are not served at all (404), only the hiring side.
  if (practice.enabled) {
    await app.register(answerRoutes(c, practice), { prefix: '/api' });
    await app.register(shareRoutes(c, practice), { prefix: '/api' });
    await app.register(progressRoutes(practice), { prefix: '/api' });
    await app.register(accountRoutes(practice, hiring), { prefix: '/api' });
    await app.register(sessionRoutes(c, practice), { prefix: '/api' });
    await app.register(legacyRoutes(c, practice));
  }
  // resumable uploads: practice takes (when practice is served) and candidates' answers through their invite link
  await app.register(uploadRoutes(c, c.streaming, practice), { prefix: '/api' });
  await registerHiring(app, c);

  const webDir = resolve(config.WEB_DIR ?? join(c.rootDir, 'dist/web'));
  if (existsSync(join(webDir, 'index.html'))) {
    await app.register(async (web) => {
      // The web app's files (one route per file, made by @fastify/static) are public.
      web.addHook('onRoute', (route) => {
        route.config = { ...route.config, access: route.config?.access ?? 'public' };
      });
      await web.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: ['index.html'] });
      // Client-side routes (/interview, /answers/:id, /history, ...) get the app shell (sendFile lives in this scope).
      web.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) => {
        if (request.url.startsWith('/api/')) return reply.callNotFound();
        return reply.type('text/html').sendFile('index.html');
      });
    });
  } else {
    app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) =>
      reply.type('text/plain').send('The web app is not built yet: run `npm run build:web` (npm start does it for you).'),
    );
  }
  return app;
}

/** Trusts the `hops` proxies nearest the server (the same rule as Fastify's numeric trustProxy). */
function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}
