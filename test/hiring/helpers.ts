/** An in-process app with the hiring routes, and signed-in clients for `inject`. */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { ensureFirstAdmin } from '../../server/features/auth/first-admin.js';
import type { Hiring } from '../../server/features/hiring/services.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

export const ADMIN = { email: 'admin@example.com', password: 'correct horse battery' };

export interface HiringApp extends TestApp {
  h: Hiring;
}

/** The app (hiring routes included) with a first admin, on a fresh data directory. */
export async function createHiringApp(env: Record<string, string> = {}, opts: { worker?: boolean } = {}): Promise<HiringApp> {
  const t = await createTestApp({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, LOGIN_RATE_PER_MIN: '1000', ...env }, { worker: opts.worker ?? false });
  await ensureFirstAdmin(t.c);
  return { ...t, h: t.c.hiring };
}

export interface Client {
  user: { id: string; email: string; role: string };
  csrf: string;
  cookie: string;
  /** A request with the session cookie and (for state-changing methods) the CSRF header. */
  req(method: InjectOptions['method'], url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export async function login(t: HiringApp, email: string, password: string): Promise<Client> {
  const res = await t.app.inject({ method: 'POST', url: '/api/admin/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
  const jar = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
  const cookie = `ia_session=${jar.ia_session}; ia_csrf=${jar.ia_csrf}`;
  const csrf = jar.ia_csrf!;
  const body = res.json() as { user: Client['user'] };
  return {
    user: body.user,
    csrf,
    cookie,
    req: (method, url, payload, headers = {}) =>
      t.app.inject({ method, url, headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }), ...headers }, ...(payload !== undefined ? { payload: payload as InjectOptions['payload'] } : {}) }),
  };
}

export const adminLogin = (t: HiringApp) => login(t, ADMIN.email, ADMIN.password);

/** Creates a reviewer through the API and signs them in. */
export async function reviewerLogin(t: HiringApp, admin: Client, email = 'reviewer@example.com'): Promise<Client> {
  const password = 'reviewer password 1';
  const res = await admin.req('POST', '/api/admin/users', { email, name: 'Rita Reviewer', role: 'reviewer', password });
  if (res.statusCode !== 201) throw new Error(`create reviewer: ${res.statusCode} ${res.body}`);
  return login(t, email, password);
}

export async function createInterview(admin: Client, body: Record<string, unknown> = {}): Promise<{ id: string; questions: Array<{ questionId: string }> }> {
  const res = await admin.req('POST', '/api/admin/interviews', {
    title: 'Backend engineer',
    description: 'Two questions',
    questions: [{ questionId: 'q-gen-01', thinkTimeSec: 5, answerTimeSec: 60, retakes: 1 }, { text: 'Describe a bug you fixed.' }],
    ...body,
  });
  if (res.statusCode !== 201) throw new Error(`create interview: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function addCandidate(admin: Client, interviewId: string, body: Record<string, unknown> = {}): Promise<{ id: string }> {
  const res = await admin.req('POST', `/api/admin/interviews/${interviewId}/candidates`, { name: 'Ada Lovelace', email: `ada${Math.random().toString(16).slice(2, 8)}@example.com`, ...body });
  if (res.statusCode !== 201) throw new Error(`add candidate: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function invite(admin: Client, interviewId: string, candidateId: string, body: Record<string, unknown> = {}): Promise<{ token: string; url: string; invite: { id: string } }> {
  const res = await admin.req('POST', `/api/admin/interviews/${interviewId}/candidates/${candidateId}/invites`, body);
  if (res.statusCode !== 201) throw new Error(`invite: ${res.statusCode} ${res.body}`);
  return res.json();
}
