/**
 * Who the practice user is, for their own questions, question sets and mock interviews: the sha256 of the
 * browser's practice cookie (the raw value is never stored). When practice accounts land, this is the one
 * place to switch to the account/owner id.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

const SESSION_COOKIE = 'ia_session';

/** The browser's practice session (which questions it has seen): an opaque random id in a cookie. */
export function practiceSession(request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies[SESSION_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{16,64}$/.test(existing)) return existing;
  const id = randomBytes(16).toString('base64url');
  void reply.setCookie(SESSION_COOKIE, id, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 30 * 24 * 3600 });
  // Later reads in the same request see the new id.
  request.cookies[SESSION_COOKIE] = id;
  return id;
}

export async function practiceOwner(request: FastifyRequest, reply: FastifyReply): Promise<string> {
  return createHash('sha256').update(`practice-owner:${practiceSession(request, reply)}`).digest('hex');
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The declared access rule of a route (issue 13); the security hook enforces it. */
    access?: 'public' | 'practice' | 'account' | 'share' | 'invite' | 'staff' | 'admin' | 'token';
  }
}
