/** Sign-in: checks the password, opens and closes sessions, resolves the user of a session cookie. */
import { HttpError, rateLimited } from '../../http/errors.js';
import type { AuditLog } from '../audit/audit.repository.js';
import type { LoginLimiter } from './login-limiter.js';
import { DUMMY_HASH, verifyPassword } from './password.js';
import type { SessionRepository } from './session.repository.js';
import { newSecret, sha256 } from './tokens.js';
import { normalizeEmail, type UserRepository, type UserRow } from './user.repository.js';

export interface AuthDeps {
  users: UserRepository;
  sessions: SessionRepository;
  limiter: LoginLimiter;
  audit: AuditLog;
  sessionHours: number;
}

export class AuthService {
  constructor(private readonly d: AuthDeps) {}

  /**
   * Returns the new session id (to put in the cookie, never stored) and the user. `client` is the caller's
   * address: failed sign-ins slow down that address for that email only (see LoginLimiter).
   */
  async login(email: string, password: string, now = new Date(), client = 'unknown'): Promise<{ sessionId: string; user: UserRow; expiresAt: Date }> {
    const key = normalizeEmail(email);
    const wait = this.d.limiter.retryAfterMs(client, key, now.getTime());
    if (wait > 0) {
      throw rateLimited(`Too many failed sign-ins for this email from your network. Try again in ${wait >= 60_000 ? `${Math.ceil(wait / 60_000)} minute(s)` : `${Math.ceil(wait / 1000)} s`}.`, wait);
    }
    const user = await this.d.users.byEmail(key);
    // Same work whether or not the email exists, so response time does not reveal accounts.
    const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
    if (!user || !ok || user.active !== 1) {
      this.d.limiter.fail(client, key, now.getTime());
      await this.d.audit.record(null, 'login.failed', 'user', user?.id ?? null, { email: key.slice(0, 200) });
      throw new HttpError(401, 'BAD_CREDENTIALS', 'The email or password is wrong, or the account is deactivated.');
    }
    this.d.limiter.succeed(client, key);
    const sessionId = newSecret(32);
    const expiresAt = new Date(now.getTime() + this.d.sessionHours * 3600_000);
    await this.d.sessions.create(sha256(sessionId), user.id, expiresAt);
    await this.d.sessions.deleteExpired(now);
    await this.d.audit.record({ id: user.id, email: user.email }, 'login', 'user', user.id);
    return { sessionId, user, expiresAt };
  }

  async logout(sessionId: string): Promise<void> {
    await this.d.sessions.delete(sha256(sessionId));
  }

  sessionUser(sessionId: string, now = new Date()): Promise<UserRow | undefined> {
    return this.d.sessions.user(sha256(sessionId), now);
  }
}
