/**
 * Declared access (issue 13): every route of the app declares who may call it, the declaration matches the
 * table below (a new route must be added here on purpose), the app refuses to start without one, and the
 * hook enforces staff/admin rules without any check inside the handler.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_RULES, type Access, declaredRoutes, installAccess, MissingAccessError } from '../../server/http/access.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { ADMIN, adminLogin, createHiringApp, type HiringApp, reviewerLogin } from '../hiring/helpers.js';

/** Every route of the API: "METHOD url" -> its rule. HEAD routes follow their GET. */
const EXPECTED: Record<string, Access> = {
  'GET /api/health': 'public',
  'GET /api/config': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/questions': 'public',
  'GET /api/questions/random': 'practice',
  'GET /api/questions/facets': 'public',
  'POST /api/questions': 'practice',
  'PATCH /api/questions/:id': 'practice',
  'DELETE /api/questions/:id': 'practice',
  'GET /api/question-sets': 'practice',
  'POST /api/question-sets': 'practice',
  'GET /api/question-sets/:id': 'practice',
  'PATCH /api/question-sets/:id': 'practice',
  'DELETE /api/question-sets/:id': 'practice',
  'POST /api/sessions': 'practice',
  'GET /api/sessions': 'practice',
  'GET /api/sessions/:id': 'practice',
  'DELETE /api/sessions/:id': 'practice',
  'POST /api/sessions/:id/questions/:position/answer': 'practice',
  'POST /api/answers': 'practice',
  'GET /api/answers': 'practice',
  'GET /api/answers/:id': 'practice',
  'GET /api/answers/:id/events': 'practice',
  'GET /api/answers/:id/video': 'practice',
  'POST /api/answers/:id/retry': 'practice',
  'DELETE /api/answers/:id': 'practice',
  // resumable uploads while recording (tus) and the streaming analysis' progress (docs/streaming.md)
  ...Object.fromEntries(['POST', 'HEAD', 'PATCH', 'DELETE', 'OPTIONS'].flatMap((m) => [[`${m} /api/uploads`, 'practice'], [`${m} /api/uploads/:uploadId`, 'practice']])),
  'POST /api/uploads/:uploadId/submit': 'practice',
  'GET /api/uploads/:uploadId/events': 'practice',
  // a candidate's answer uploaded while recorded, through the invite link (bound to the invite that created it)
  'POST /api/invite/:token/uploads': 'invite',
  ...Object.fromEntries(['HEAD', 'PATCH', 'DELETE'].map((m) => [`${m} /api/invite/:token/uploads/:uploadId`, 'invite'])),
  'POST /api/invite/:token/uploads/:uploadId/submit': 'invite',
  // practice for many people (issue 11): share links, history, progress, accounts
  'POST /api/answers/:id/shares': 'practice',
  'GET /api/answers/:id/shares': 'practice',
  'DELETE /api/answers/:id/shares/:shareId': 'practice',
  'GET /api/shared/:token': 'share',
  'GET /api/shared/:token/video': 'share',
  'GET /api/history': 'practice',
  'GET /api/progress': 'practice',
  'GET /api/account': 'public',
  'POST /api/account/signup': 'public',
  'POST /api/account/login': 'public',
  'POST /api/account/logout': 'account',
  'POST /api/account/password': 'account',
  'DELETE /api/account': 'account',
  'GET /api/account/export': 'account',
  'GET /get_question': 'practice',
  'POST /upload': 'practice',
  'POST /api/admin/login': 'public',
  'POST /api/admin/logout': 'public',
  'GET /api/admin/me': 'staff',
  'GET /api/admin/users': 'admin',
  'POST /api/admin/users': 'admin',
  'PATCH /api/admin/users/:userId': 'admin',
  'GET /api/admin/audit': 'admin',
  'GET /api/admin/interviews': 'staff',
  'POST /api/admin/interviews': 'admin',
  'GET /api/admin/interviews/:id': 'staff',
  'PATCH /api/admin/interviews/:id': 'admin',
  'GET /api/admin/interviews/:id/candidates': 'staff',
  'POST /api/admin/interviews/:id/candidates': 'admin',
  'POST /api/admin/interviews/:id/candidates/import': 'admin',
  'GET /api/admin/interviews/:id/candidates/:candidateId': 'staff',
  'PATCH /api/admin/interviews/:id/candidates/:candidateId': 'admin',
  'DELETE /api/admin/interviews/:id/candidates/:candidateId': 'admin',
  'POST /api/admin/interviews/:id/candidates/:candidateId/decision': 'admin',
  'POST /api/admin/interviews/:id/decisions': 'admin',
  'GET /api/admin/interviews/:id/candidates/:candidateId/answers/:answerId/video': 'staff',
  'POST /api/admin/interviews/:id/candidates/:candidateId/invites': 'admin',
  'GET /api/admin/interviews/:id/candidates/:candidateId/invites': 'admin',
  'POST /api/admin/interviews/:id/invites/:inviteId/revoke': 'admin',
  'PUT /api/admin/interviews/:id/candidates/:candidateId/answers/:answerId/review': 'staff',
  'POST /api/admin/interviews/:id/candidates/:candidateId/answers/:answerId/overrides': 'staff',
  'GET /api/admin/interviews/:id/leaderboard': 'staff',
  'GET /api/admin/interviews/:id/leaderboard.csv': 'staff',
  'GET /api/admin/interviews/:id/fairness': 'admin',
  'GET /api/admin/queue': 'admin',
  'POST /api/admin/queue/jobs/:id/retry': 'admin',
  'GET /api/invite/:token': 'invite',
  'POST /api/invite/:token/consent': 'invite',
  'POST /api/invite/:token/answers': 'invite',
  // hiring (issue 15)
  'POST /api/invite/:token/decline': 'invite',
  'POST /api/admin/interviews/:id/invites/bulk': 'admin',
  'POST /api/admin/interviews/:id/invites/:inviteId/extend': 'admin',
  'POST /api/admin/interviews/:id/candidates/:candidateId/answers/:answerId/comments': 'staff',
  'GET /api/admin/interviews/:id/fairness.csv': 'admin',
  'GET /api/admin/interviews/:id/mail-templates': 'admin',
  'PUT /api/admin/interviews/:id/mail-templates': 'admin',
  'GET /api/admin/interviews/:id/mail': 'admin',
  'POST /api/admin/interviews/:id/mail/:mailId/retry': 'admin',
  'POST /api/admin/webhooks': 'admin',
  'GET /api/admin/webhooks': 'admin',
  'DELETE /api/admin/webhooks/:webhookId': 'admin',
  'GET /api/admin/webhooks/:webhookId/deliveries': 'admin',
  'POST /api/admin/webhooks/:webhookId/deliveries/:deliveryId/retry': 'admin',
  'POST /api/admin/tokens': 'admin',
  'GET /api/admin/tokens': 'admin',
  'POST /api/admin/tokens/:tokenId/revoke': 'admin',
  'GET /api/v1/interviews': 'token',
  'GET /api/v1/interviews/:id/candidates': 'token',
  'GET /api/v1/interviews/:id/leaderboard': 'token',
};

/** Routes outside the API document on purpose: the demo's wrong-method answers and the web app's files. */
const isUndocumentedPublic = (url: string) => url.startsWith('/get_question') || url.startsWith('/upload') || !url.startsWith('/api/');

let t: TestApp;
let webDir: string;
beforeAll(async () => {
  // A tiny built web app, so the static-file routes are registered too.
  webDir = join(process.env.TMPDIR ?? '/tmp', `ia-web-${process.pid}`);
  await mkdir(join(webDir, 'assets'), { recursive: true });
  await writeFile(join(webDir, 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(join(webDir, 'assets', 'app.js'), 'console.log(1)');
  t = await createTestApp({ WEB_DIR: webDir }, { worker: false });
});
afterAll(async () => {
  await t?.close();
});

describe('every route declares its access', () => {
  it('each operation of the OpenAPI document has the rule the table gives it', async () => {
    const table = declaredRoutes.get(t.app as never)!;
    const byKey = new Map(table.map((r) => [`${r.method} ${r.url}`, r.access]));
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const documented: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const method of Object.keys(ops)) {
        const key = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
        documented.push(key);
        expect(byKey.get(key), `${key} declared access`).toBeDefined();
        expect(byKey.get(key), `${key} matches the table`).toBe(EXPECTED[key]);
      }
    }
    // The table lists no route the app lacks (a removed route is removed here too).
    expect(Object.keys(EXPECTED).filter((k) => !byKey.has(k))).toEqual([]);
    // all but openapi.json, the demo's hidden routes and the 14 tus protocol routes (hidden: tus is its own protocol)
    expect(documented.length).toBeGreaterThanOrEqual(Object.keys(EXPECTED).length - 3 - 14);
  });

  it('every registered route, documented or not, has a known rule; undocumented ones are public or in the table', () => {
    const table = declaredRoutes.get(t.app as never)!;
    expect(table.length).toBeGreaterThan(Object.keys(EXPECTED).length);
    for (const r of table) {
      expect(ACCESS_RULES, `${r.method} ${r.url}`).toContain(r.access);
      const key = `${r.method} ${r.url}`;
      const getKey = `GET ${r.url}`;
      const expected = EXPECTED[key] ?? (r.method === 'HEAD' ? EXPECTED[getKey] : undefined);
      if (expected) expect(r.access, key).toBe(expected);
      else {
        expect(isUndocumentedPublic(r.url), `${key} is neither in the table nor an undocumented public route`).toBe(true);
        expect(r.access, key).toBe('public');
      }
    }
    // The web app's files were registered, are public and are served, as is the app shell for client routes.
    expect(table.some((r) => r.url === '/assets/app.js' && r.access === 'public')).toBe(true);
  });

  it('serves the web app: its files and the shell for client-side routes', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/assets/app.js' })).body).toBe('console.log(1)');
    for (const url of ['/', '/admin', '/answers/x']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('<title>t</title>');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/nope' })).json().code).toBe('ROUTE_NOT_FOUND');
  });

  it('refuses to start when a route has no declaration, naming it', async () => {
    const app = Fastify();
    installAccess(app, { sessionUser: async () => undefined, checkCsrf: () => {}, setUser: () => {} });
    app.get('/declared', { config: { access: 'public' } }, async () => 'ok');
    app.get('/forgotten', async () => 'oops');
    const err = await app.ready().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(MissingAccessError);
    expect(String((err as Error).message)).toContain('GET /forgotten');
    expect(String((err as Error).message)).not.toContain('/declared');
  });

  it('refuses an unknown rule name', async () => {
    const app = Fastify();
    installAccess(app, { sessionUser: async () => undefined, checkCsrf: () => {}, setUser: () => {} });
    app.get('/x', { config: { access: 'everyone' as Access } }, async () => 'ok');
    await expect(app.ready()).rejects.toThrow(/unknown rule "everyone"/);
  });

  it('a token route answers 401 while no token rule is plugged in', async () => {
    const app = Fastify();
    installAccess(app, { sessionUser: async () => undefined, checkCsrf: () => {}, setUser: () => {} });
    app.get('/api/read', { config: { access: 'token' } }, async () => 'secret');
    const res = await app.inject({ method: 'GET', url: '/api/read', headers: { authorization: 'Bearer abc' } });
    expect(res.statusCode).toBe(401);
    expect(res.body).not.toContain('secret');
  });
});

describe('the hook enforces the rule (no check in the handler)', () => {
  let h: HiringApp;
  beforeAll(async () => {
    h = await createHiringApp();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('staff and admin routes: 401 without a session, 403 for a reviewer on admin routes, 200 for the admin', async () => {
    const anon = await h.app.inject({ method: 'GET', url: '/api/admin/queue' });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().code).toBe('NOT_SIGNED_IN');
    const admin = await adminLogin(h);
    const reviewer = await reviewerLogin(h, admin);
    for (const url of ['/api/admin/queue', '/api/admin/audit', '/api/admin/users']) {
      const r = await reviewer.req('GET', url);
      expect(r.statusCode, url).toBe(403);
      expect(r.json().code).toBe('ADMIN_ONLY');
      expect((await admin.req('GET', url)).statusCode, url).toBe(200);
    }
    expect((await reviewer.req('GET', '/api/admin/interviews')).statusCode).toBe(200);
    expect((await reviewer.req('GET', '/api/admin/me')).json().email).toBe('reviewer@example.com');
    expect((await admin.req('GET', '/api/admin/me')).json().email).toBe(ADMIN.email);
  });

  it('a state-changing staff request without the CSRF header is refused before the handler', async () => {
    const admin = await adminLogin(h);
    const res = await h.app.inject({ method: 'POST', url: '/api/admin/interviews', headers: { cookie: admin.cookie }, payload: { title: 'x', questions: [{ questionId: 'q-gen-01' }] } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_TOKEN_INVALID');
    expect((await admin.req('GET', '/api/admin/interviews')).json().items).toHaveLength(0);
  });
});
