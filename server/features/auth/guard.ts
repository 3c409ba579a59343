/**
 * The admin API guard: a session cookie (HttpOnly, SameSite=Lax) names the user; state-changing requests
 * must also echo the `ia_csrf` cookie in the `x-csrf-token` header (double-submit token).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../http/errors.js';
import type { UserRole } from '../../db/schema-hiring.js';
import type { Actor } from '../audit/audit.repository.js';
import type { AuthService } from './auth.service.js';
import { newSecret, safeEqual } from './tokens.js';

export const SESSION_COOKIE = 'ia_session';
export const CSRF_COOKIE = 'ia_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface SessionUser extends Actor {
  name: string;
  role: UserRole;
}

const users = new WeakMap<FastifyRequest, SessionUser>();

/** The signed-in user of this request (set by `requireSession`). */
export function currentUser(request: FastifyRequest): SessionUser {
  const u = users.get(request);
  if (!u) throw new HttpError(401, 'NOT_SIGNED_IN', 'Sign in first.');
  return u;
}

export function requireAdmin(request: FastifyRequest): SessionUser {
  const u = currentUser(request);
  if (u.role !== 'admin') throw new HttpError(403, 'ADMIN_ONLY', 'Only an admin can do this.');
  return u;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** An onRequest hook: 401 without a valid session, 403 when a state-changing request lacks the CSRF token. */
export function requireSession(auth: AuthService) {
  return async (request: FastifyRequest): Promise<void> => {
    const sid = request.cookies[SESSION_COOKIE];
    const user = sid ? await auth.sessionUser(sid) : undefined;
    if (!user) throw new HttpError(401, 'NOT_SIGNED_IN', 'Your session has ended or you are not signed in. Please sign in.');
    // A practice account (role `user`) never reaches hiring data.
    if (user.role === 'user') throw new HttpError(403, 'STAFF_ONLY', 'This is a practice account: the hiring panel is for the hiring team only.');
    if (UNSAFE.has(request.method)) checkCsrf(request);
    users.set(request, { id: user.id, email: user.email, name: user.name, role: user.role });
  };
}

export function checkCsrf(request: FastifyRequest): void {
  const cookie = request.cookies[CSRF_COOKIE];
  const header = request.headers[CSRF_HEADER];
  if (!cookie || typeof header !== 'string' || !safeEqual(cookie, header)) {
    throw new HttpError(403, 'CSRF_TOKEN_INVALID', 'The request is missing its CSRF token (x-csrf-token header must equal the ia_csrf cookie). Reload the page and try again.');
  }
}

export function setSessionCookies(request: FastifyRequest, reply: FastifyReply, sessionId: string, expiresAt: Date): string {
  const secure = request.protocol === 'https';
  const csrf = newSecret(32);
  void reply.setCookie(SESSION_COOKIE, sessionId, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt });
  void reply.setCookie(CSRF_COOKIE, csrf, { httpOnly: false, sameSite: 'strict', secure, path: '/', expires: expiresAt });
  return csrf;
}

export function clearSessionCookies(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
  void reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
