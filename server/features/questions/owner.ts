/**
 * Who the practice user is, for their own questions, question sets and mock interviews: the sha256 of the
 * browser's practice cookie (the raw value is never stored). When practice accounts land, this is the one
 * place to switch to the account/owner id.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

const SESSION_COOKIE = 'ia_session';
const VALID = /^[A-Za-z0-9_-]{16,64}$/;

/** The browser's practice session (which questions it has seen): an opaque random id in a cookie. */
export function practiceSession(request: FastifyRequest, reply: FastifyReply, secureCookies = false): string {
  const existing = request.cookies[SESSION_COOKIE];
  if (existing && VALID.test(existing)) return existing;
  const id = randomBytes(16).toString('base64url');
  // Secure when PUBLIC_URL is https (or this request came over https).
  void reply.setCookie(SESSION_COOKIE, id, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies || request.protocol === 'https', maxAge: 30 * 24 * 3600 });
  // Later reads in the same request see the new id.
  request.cookies[SESSION_COOKIE] = id;
  return id;
}

/** True when the request carries a practice session cookie (call it before practiceSession: then it means "not just given"). */
export function hasPracticeSession(request: FastifyRequest): boolean {
  const existing = request.cookies[SESSION_COOKIE];
  return Boolean(existing && VALID.test(existing));
}

const ownerOf = (session: string) => createHash('sha256').update(`practice-owner:${session}`).digest('hex');

/** The practice owner of this request (a practice cookie is given to a browser without one). */
export async function practiceOwner(request: FastifyRequest, reply: FastifyReply, secureCookies = false): Promise<string> {
  return ownerOf(practiceSession(request, reply, secureCookies));
}

/** The practice owner when the browser already has one; null otherwise (read-only public routes set no cookie). */
export function existingPracticeOwner(request: FastifyRequest): string | null {
  return hasPracticeSession(request) ? ownerOf(request.cookies[SESSION_COOKIE]!) : null;
}
