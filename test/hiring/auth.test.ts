import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../server/features/auth/first-admin.js';
import { sha256 } from '../../server/features/auth/tokens.js';
import { ADMIN, adminLogin, type Client, createHiringApp, type HiringApp, login, reviewerLogin } from './helpers.js';

let t: HiringApp;
let admin: Client;
beforeAll(async () => {
  t = await createHiringApp({ LOGIN_FAILURES_PER_EMAIL: '3' });
  admin = await adminLogin(t);
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD once, with an scrypt hash', async () => {
    expect(await ensureFirstAdmin(t.c)).toBe('exists');
    const u = await t.c.database.db.selectFrom('users').selectAll().execute();
    expect(u).toHaveLength(1);
    expect(u[0]).toMatchObject({ email: ADMIN.email, role: 'admin', active: 1 });
    expect(u[0]!.password_hash).toMatch(/^scrypt\$32768\$8\$3\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/);
    expect(u[0]!.password_hash).not.toContain(ADMIN.password);
  });

  it('sets an HttpOnly SameSite=Lax session cookie and a readable CSRF cookie; stores only the hash of the session id', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/login', payload: { email: 'ADMIN@example.com ', password: ADMIN.password } });
    expect(res.statusCode).toBe(200);
    const session = res.cookies.find((c) => c.name === 'ia_session')!;
    const csrf = res.cookies.find((c) => c.name === 'ia_csrf')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(csrf.httpOnly).toBeFalsy();
    expect(csrf.sameSite).toBe('Strict');
    expect(Buffer.from(session.value, 'base64url').length).toBe(32); // 256 bits
    expect(res.json().csrfToken).toBe(csrf.value);
    const rows = await t.c.database.db.selectFrom('sessions').select('id_hash').execute();
    expect(rows.map((r) => r.id_hash)).toContain(sha256(session.value));
    expect(rows.map((r) => r.id_hash)).not.toContain(session.value);
  });

  it('refuses a wrong password and an unknown email with the same 401', async () => {
    for (const payload of [{ email: ADMIN.email, password: 'wrong password!' }, { email: 'nobody@example.com', password: 'whatever12345' }]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/admin/login', payload });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('BAD_CREDENTIALS');
    }
  });

  it('locks an email after too many failures, even for the right password', async () => {
    const email = 'locked@example.com';
    await admin.req('POST', '/api/admin/users', { email, role: 'reviewer', password: 'locked password 1' });
    for (let i = 0; i < 3; i++) expect((await t.app.inject({ method: 'POST', url: '/api/admin/login', payload: { email, password: 'bad password!!' } })).statusCode).toBe(401);
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/login', payload: { email, password: 'locked password 1' } });
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('answers 401 without a session, with a made-up session and after logout', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/me' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/interviews', headers: { cookie: 'ia_session=made-up' } })).statusCode).toBe(401);
    const c = await adminLogin(t);
    expect((await c.req('GET', '/api/admin/me')).json()).toMatchObject({ email: ADMIN.email, role: 'admin' });
    expect((await t.app.inject({ method: 'POST', url: '/api/admin/logout', headers: { cookie: c.cookie } })).statusCode).toBe(403);
    expect((await c.req('GET', '/api/admin/me')).statusCode).toBe(200);
    expect((await c.req('POST', '/api/admin/logout')).statusCode).toBe(204);
    const after = await c.req('GET', '/api/admin/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('NOT_SIGNED_IN');
  });

  it('ends an expired session', async () => {
    const c = await adminLogin(t);
    await t.c.database.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id_hash', '=', sha256(/ia_session=([^;]+)/.exec(c.cookie)![1]!)).execute();
    expect((await c.req('GET', '/api/admin/me')).statusCode).toBe(401);
  });

  it('refuses state-changing requests without the CSRF token (403) or with a wrong one', async () => {
    const body = { email: 'csrf@example.com', role: 'reviewer', password: 'csrf password 1' };
    const missing = await t.app.inject({ method: 'POST', url: '/api/admin/users', headers: { cookie: admin.cookie }, payload: body });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await admin.req('POST', '/api/admin/users', body, { 'x-csrf-token': 'x'.repeat(43) });
    expect(wrong.statusCode).toBe(403);
    const noCookie = await t.app.inject({ method: 'POST', url: '/api/admin/users', headers: { cookie: admin.cookie.replace(/; ia_csrf=.*/, ''), 'x-csrf-token': admin.csrf }, payload: body });
    expect(noCookie.statusCode).toBe(403);
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/admin/users/${admin.user.id}`, headers: { cookie: admin.cookie }, payload: { name: 'x' } });
    expect(patch.statusCode).toBe(403); // DELETE and PUT: see candidates.test.ts and reviews.test.ts
    expect((await admin.req('POST', '/api/admin/users', body)).statusCode).toBe(201);
  });
});

describe('users', () => {
  let reviewer: Client;
  beforeAll(async () => {
    reviewer = await reviewerLogin(t, admin);
  });

  it('lets an admin list users, never with password hashes', async () => {
    const res = await admin.req('GET', '/api/admin/users');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((u: { email: string }) => u.email)).toContain('reviewer@example.com');
    expect(res.body).not.toContain('scrypt');
  });

  it('does not let a reviewer manage users, see the audit log or create interviews', async () => {
    expect((await reviewer.req('GET', '/api/admin/users')).statusCode).toBe(403);
    const create = await reviewer.req('POST', '/api/admin/users', { email: 'x@example.com', role: 'admin', password: 'sneaky password' });
    expect(create.statusCode).toBe(403);
    expect(create.json().code).toBe('ADMIN_ONLY');
    expect((await reviewer.req('PATCH', `/api/admin/users/${reviewer.user.id}`, { role: 'admin' })).statusCode).toBe(403);
    expect((await reviewer.req('GET', '/api/admin/audit')).statusCode).toBe(403);
    expect((await reviewer.req('POST', '/api/admin/interviews', { title: 'x', questions: [{ questionId: 'q-gen-01' }] })).statusCode).toBe(403);
    expect((await reviewer.req('GET', '/api/admin/interviews')).statusCode).toBe(200);
  });

  it('refuses weak passwords and duplicate emails', async () => {
    expect((await admin.req('POST', '/api/admin/users', { email: 'weak@example.com', role: 'reviewer', password: 'short' })).json().code).toBe('WEAK_PASSWORD');
    expect((await admin.req('POST', '/api/admin/users', { email: 'Reviewer@example.com', role: 'reviewer', password: 'long enough pw' })).statusCode).toBe(409);
  });

  it('deactivating a user ends their sessions and blocks sign-in', async () => {
    const r2 = await reviewerLogin(t, admin, 'temp@example.com');
    expect((await r2.req('GET', '/api/admin/me')).statusCode).toBe(200);
    const res = await admin.req('PATCH', `/api/admin/users/${r2.user.id}`, { active: false });
    expect(res.json()).toMatchObject({ active: false });
    expect((await r2.req('GET', '/api/admin/me')).statusCode).toBe(401);
    await expect(login(t, 'temp@example.com', 'reviewer password 1')).rejects.toThrow(/401/);
  });

  it('keeps at least one active admin', async () => {
    const res = await admin.req('PATCH', `/api/admin/users/${admin.user.id}`, { active: false });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('LAST_ADMIN');
  });

  it('records admin actions in the audit log', async () => {
    const res = await admin.req('GET', '/api/admin/audit?limit=100');
    const actions = res.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.bootstrap.env', 'login', 'login.failed', 'user.create', 'user.deactivate']));
    const create = res.json().items.find((e: { action: string; detail: string }) => e.action === 'user.create' && e.detail.includes('reviewer@example.com'));
    expect(create).toMatchObject({ userEmail: ADMIN.email, targetType: 'user' });
  });
});

describe('login rate limit per IP', () => {
  it('answers 429 after LOGIN_RATE_PER_MIN attempts from one address', async () => {
    const t2 = await createHiringApp({ LOGIN_RATE_PER_MIN: '3' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await t2.app.inject({ method: 'POST', url: '/api/admin/login', payload: { email: `u${i}@example.com`, password: 'nope nope nope' } })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await t2.close();
    }
  });
});
