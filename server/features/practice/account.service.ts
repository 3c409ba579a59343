/**
 * Practice accounts (issue 11) on the hiring side's auth stack: scrypt hashes, hashed session ids, the login
 * limiter, the audit log. Role `user`: no access to hiring data (the admin guard refuses it). Signing up or
 * in claims this browser's anonymous answers, own questions, question sets and mock interviews.
 */
import { HttpError, badRequest, conflict } from '../../http/errors.js';
import type { Storage } from '../../infra/storage/storage.js';
import type { AuditLog } from '../audit/audit.repository.js';
import type { AuthService } from '../auth/auth.service.js';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password.js';
import type { SessionRepository } from '../auth/session.repository.js';
import { newSecret, sha256 } from '../auth/tokens.js';
import type { UserRepository, UserRow } from '../auth/user.repository.js';
import type { AccountUser } from '../../../contracts/account.js';
import type { MovedWork, PracticeRepository } from './practice.repository.js';
import { userOwnerKey } from './owner.js';

export interface AccountDeps {
  auth: AuthService;
  users: UserRepository;
  sessions: SessionRepository;
  audit: AuditLog;
  repo: PracticeRepository;
  storage: Storage;
  sessionHours: number;
}

export const toAccountUser = (u: UserRow): AccountUser => ({ id: u.id, email: u.email, name: u.name, createdAt: u.created_at });

export interface OpenedSession {
  sessionId: string;
  expiresAt: Date;
  user: UserRow;
  claimed: MovedWork;
}

const NOTHING: MovedWork = { answers: 0, questions: 0, questionSets: 0, mockSessions: 0 };

export class AccountService {
  constructor(private readonly d: AccountDeps) {}

  async signUp(input: { email: string; password: string; name: string }, anonKey: string | null): Promise<OpenedSession> {
    const problem = passwordProblem(input.password, [input.email, input.name]);
    if (problem) throw badRequest('WEAK_PASSWORD', problem);
    if (await this.d.users.byEmail(input.email)) throw conflict('EMAIL_TAKEN', 'An account with this email already exists: sign in instead.');
    const user = await this.d.users.create({ email: input.email, name: input.name || input.email.split('@')[0] || input.email, role: 'user', passwordHash: await hashPassword(input.password) });
    await this.d.audit.record({ id: user.id, email: user.email }, 'account.signup', 'user', user.id);
    return this.open(user, anonKey);
  }

  /** Signs a practice user in (through AuthService: same limiter and audit as the hiring side). Staff sign in on /admin. */
  async signIn(email: string, password: string, anonKey: string | null, client = 'unknown'): Promise<OpenedSession> {
    const { sessionId, user, expiresAt } = await this.d.auth.login(email, password, new Date(), client);
    if (user.role !== 'user') {
      await this.d.auth.logout(sessionId);
      throw new HttpError(403, 'STAFF_ACCOUNT', 'This is a hiring-team account: sign in on the admin panel (/admin). Practice answers you record while signed in there are kept under it.');
    }
    return { sessionId, user, expiresAt, claimed: await this.claim(user, anonKey) };
  }

  /** The browser's anonymous answers, own questions, question sets and mock interviews become the account's (one transaction). */
  private async claim(user: UserRow, anonKey: string | null): Promise<MovedWork> {
    if (!anonKey) return NOTHING;
    const moved = await this.d.repo.moveOwner(anonKey, userOwnerKey(user.id));
    if (Object.values(moved).some((n) => n > 0)) await this.d.audit.record({ id: user.id, email: user.email }, 'account.claim', 'user', user.id, { ...moved });
    return moved;
  }

  private async open(user: UserRow, anonKey: string | null): Promise<OpenedSession> {
    const sessionId = newSecret(32);
    const expiresAt = new Date(Date.now() + this.d.sessionHours * 3600_000);
    await this.d.sessions.create(sha256(sessionId), user.id, expiresAt);
    return { sessionId, expiresAt, user, claimed: await this.claim(user, anonKey) };
  }

  /** New password: every session of the user ends; a new one is opened for this browser. */
  async changePassword(user: UserRow, current: string, next: string): Promise<OpenedSession> {
    if (!(await verifyPassword(current, user.password_hash))) throw new HttpError(403, 'WRONG_PASSWORD', 'The current password is wrong.');
    const problem = passwordProblem(next, [user.email, user.name]);
    if (problem) throw badRequest('WEAK_PASSWORD', problem);
    if (next === current) throw badRequest('SAME_PASSWORD', 'The new password is the same as the current one.');
    await this.d.users.update(user.id, { password_hash: await hashPassword(next) });
    await this.d.sessions.deleteForUser(user.id);
    await this.d.audit.record({ id: user.id, email: user.email }, 'account.password', 'user', user.id);
    return this.open(user, null);
  }

  /** Deletes the account, its sessions, every answer, report, video and share link. Returns how many answers went. */
  async deleteAccount(user: UserRow, password: string): Promise<number> {
    if (!(await verifyPassword(password, user.password_hash))) throw new HttpError(403, 'WRONG_PASSWORD', 'The password is wrong: the account was not deleted.');
    const owner = userOwnerKey(user.id);
    const rows = await this.d.repo.ownedAnswers(owner);
    if (rows.some((r) => r.status === 'processing')) throw conflict('ANSWER_BUSY', 'An answer is being analysed right now; delete the account when it has finished (a minute or two).');
    await this.d.repo.deleteOwned(owner, user.id);
    for (const r of rows) await this.d.storage.deletePrefix(`answers/${r.id}`);
    await this.d.audit.record(null, 'account.delete', 'user', user.id, { answers: rows.length });
    return rows.length;
  }
}
