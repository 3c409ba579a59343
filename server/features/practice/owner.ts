/**
 * Who owns a practice answer. A signed-in user (the `ia_session` cookie of the shared auth stack) owns by
 * account: owner key `u:<user id>`. Anyone else owns anonymously: a random 256-bit secret in its own cookie
 * (`ia_practice`, HttpOnly, SameSite=Lax, Secure on https), of which only the SHA-256 is ever stored:
 * owner key `a:<sha256 hex>`. The admin session cookie is never read as an anonymous identity, and no raw
 * cookie value reaches the database.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PracticeMode } from '../../../contracts/account.js';
import { HttpError } from '../../http/errors.js';
import type { AuthService } from '../auth/auth.service.js';
import { checkCsrf, SESSION_COOKIE } from '../auth/guard.js';
import { newSecret, sha256 } from '../auth/tokens.js';
import type { UserRow } from '../auth/user.repository.js';

export const PRACTICE_COOKIE = 'ia_practice';
const SECRET_FORMAT = /^[A-Za-z0-9_-]{43}$/; // 32 bytes, base64url
const ANON_MAX_AGE_SEC = 365 * 24 * 3600;

export interface PracticeOwner {
  /** `u:<user id>` or `a:<sha256 of the anonymous secret>`: what answers.owner and question_draws.session_id hold. */
  key: string;
  /** The signed-in user, null for an anonymous owner. */
  user: UserRow | null;
}

export const userOwnerKey = (userId: string) => `u:${userId}`;
export const anonOwnerKey = (secret: string) => `a:${sha256(secret)}`;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export class PracticeIdentity {
  constructor(
    private readonly auth: AuthService,
    readonly mode: PracticeMode,
    /** PUBLIC_URL is https: the cookie is Secure even when a proxy speaks http to us. */
    private readonly httpsPublicUrl: boolean,
  ) {}

  secure(request: FastifyRequest): boolean {
    return this.httpsPublicUrl || request.protocol === 'https';
  }

  /** The signed-in user of the request, if any (any role: a hiring-team member may practise too). */
  async sessionUser(request: FastifyRequest): Promise<UserRow | null> {
    const sid = request.cookies[SESSION_COOKIE];
    return (sid && (await this.auth.sessionUser(sid))) || null;
  }

  /** The anonymous owner key of this browser's `ia_practice` cookie, if it carries one. */
  anonymousKey(request: FastifyRequest): string | null {
    const secret = request.cookies[PRACTICE_COOKIE];
    return secret && SECRET_FORMAT.test(secret) ? anonOwnerKey(secret) : null;
  }

  /**
   * The owner of this request. With `create`, a browser without one gets a new anonymous identity (cookie set
   * on `reply`); without it, null. In `accounts` mode only a signed-in user owns anything (401 otherwise).
   * A signed-in owner's state-changing request must carry the CSRF token (`csrf: false` for the demo route).
   */
  async resolve(request: FastifyRequest, reply: FastifyReply, opts: { create: boolean; csrf?: boolean }): Promise<PracticeOwner | null> {
    const user = await this.sessionUser(request);
    if (user) {
      if (opts.csrf !== false && UNSAFE.has(request.method)) checkCsrf(request);
      return { key: userOwnerKey(user.id), user };
    }
    if (this.mode === 'accounts') throw new HttpError(401, 'SIGN_IN_REQUIRED', 'Practice on this server needs an account: sign in or sign up first.');
    const key = this.anonymousKey(request);
    if (key) return { key, user: null };
    if (!opts.create) return null;
    const secret = newSecret(32);
    void reply.setCookie(PRACTICE_COOKIE, secret, { path: '/', httpOnly: true, sameSite: 'lax', secure: this.secure(request), maxAge: ANON_MAX_AGE_SEC });
    return { key: anonOwnerKey(secret), user: null };
  }

  /** Forgets the anonymous identity of this browser (after its answers were claimed by an account). */
  clearAnonymous(reply: FastifyReply): void {
    void reply.clearCookie(PRACTICE_COOKIE, { path: '/' });
  }
}
