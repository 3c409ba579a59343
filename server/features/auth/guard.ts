/**
 * The session cookie (HttpOnly, SameSite=Lax) names the user; state-changing requests must also echo the
 * `ia_csrf` cookie in the `x-csrf-token` header; that token is derived from the session id, so it is bound to
 * the session. Who may call a route is declared on
 * the route and enforced by server/http/access.ts, which calls `setCurrentUser`.
 */
import { createHmac } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../http/errors.js';
import type { UserRole } from '../../db/schema-hiring.js';
import type { Actor } from '../audit/audit.repository.js';
import type { AuthService } from './auth.service.js';
import { safeEqual } from './tokens.js';

export const SESSION_COOKIE = 'ia_session';
export const CSRF_COOKIE = 'ia_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface SessionUser extends Actor {
  name: string;
  role: UserRole;
}

const users = new WeakMap<FastifyRequest, SessionUser>();

/** The signed-in user of this request (set by the access hook for account, staff, admin and token routes). */
export function currentUser(request: FastifyRequest): SessionUser {
  const u = users.get(request);
  if (!u) throw new HttpError(401, 'NOT_SIGNED_IN', 'Sign in first.');
  return u;
}

/** Records the signed-in user of this request (called by the access hook, server/http/access.ts). */
export function setCurrentUser(request: FastifyRequest, user: SessionUser): void {
  users.set(request, user);
}

/** The user of the request's session cookie, or undefined. */
export async function sessionUserOf(auth: AuthService, request: FastifyRequest): Promise<SessionUser | undefined> {
  const sid = request.cookies[SESSION_COOKIE];
  const user = sid ? await auth.sessionUser(sid) : undefined;
  return user ? { id: user.id, email: user.email, name: user.name, role: user.role } : undefined;
}

/**
 * The CSRF token of a session: an HMAC of the session id, so it is bound to that session (a token planted or
 * read elsewhere is worthless for another session) and needs no storage. The session id is never exposed.
 */
export function csrfTokenFor(sessionId: string): string {
  return createHmac('sha256', sessionId).update('ia-csrf-v1').digest('base64url');
}

/** State-changing requests of a signed-in session must send its CSRF token in the x-csrf-token header. */
export function checkCsrf(request: FastifyRequest): void {
  const sid = request.cookies[SESSION_COOKIE];
  const cookie = request.cookies[CSRF_COOKIE];
  const header = request.headers[CSRF_HEADER];
  // Double submit (the header equals the ia_csrf cookie) and bound to the session (it is the session's token).
  if (!sid || !cookie || typeof header !== 'string' || !safeEqual(cookie, header) || !safeEqual(csrfTokenFor(sid), header)) {
    throw new HttpError(403, 'CSRF_TOKEN_INVALID', 'The request is missing the CSRF token of this session (send the ia_csrf cookie\'s value in the x-csrf-token header). Reload the page and try again.');
  }
}

/** Cookies are Secure when the public address is https (or this request came over https). */
export function cookieSecure(request: FastifyRequest, secureCookies: boolean): boolean {
  return secureCookies || request.protocol === 'https';
}

export function setSessionCookies(request: FastifyRequest, reply: FastifyReply, sessionId: string, expiresAt: Date, secureCookies = false): string {
  const secure = cookieSecure(request, secureCookies);
  const csrf = csrfTokenFor(sessionId);
  void reply.setCookie(SESSION_COOKIE, sessionId, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt });
  void reply.setCookie(CSRF_COOKIE, csrf, { httpOnly: false, sameSite: 'strict', secure, path: '/', expires: expiresAt });
  return csrf;
}

export function clearSessionCookies(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
  void reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
