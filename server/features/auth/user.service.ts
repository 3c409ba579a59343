/** User management (admins only): create admins and reviewers, change roles, deactivate. */
import { badRequest, conflict, notFound } from '../../http/errors.js';
import type { UserRole } from '../../db/schema-hiring.js';
import type { Actor, AuditLog } from '../audit/audit.repository.js';
import { hashPassword, passwordProblem } from './password.js';
import type { SessionRepository } from './session.repository.js';
import { type PublicUser, toPublicUser, type UserRepository } from './user.repository.js';

export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditLog,
  ) {}

  async list(): Promise<PublicUser[]> {
    return (await this.users.list()).map(toPublicUser);
  }

  async create(actor: Actor | null, input: { email: string; name: string; role: UserRole; password: string }): Promise<PublicUser> {
    const problem = passwordProblem(input.password, [input.email, input.name]);
    if (problem) throw badRequest('WEAK_PASSWORD', problem);
    if (await this.users.byEmail(input.email)) throw conflict('EMAIL_TAKEN', `A user with the email ${input.email} already exists.`);
    const row = await this.users.create({ email: input.email, name: input.name.trim() || input.email, role: input.role, passwordHash: await hashPassword(input.password) });
    await this.audit.record(actor, 'user.create', 'user', row.id, { email: row.email, role: row.role });
    return toPublicUser(row);
  }

  async update(actor: Actor, id: string, patch: { role?: UserRole | undefined; active?: boolean | undefined; name?: string | undefined; password?: string | undefined }): Promise<PublicUser> {
    const user = await this.users.byId(id);
    if (!user) throw notFound('USER_NOT_FOUND', `No user with id "${id.slice(0, 80)}".`);
    const losesAdmin = user.role === 'admin' && user.active === 1 && (patch.active === false || (patch.role !== undefined && patch.role !== 'admin'));
    if (losesAdmin && (await this.users.countActiveAdmins()) <= 1) throw conflict('LAST_ADMIN', 'This is the last active admin: create another admin first.');
    if (patch.password !== undefined) {
      const problem = passwordProblem(patch.password, [user.email, patch.name ?? user.name]);
      if (problem) throw badRequest('WEAK_PASSWORD', problem);
    }
    await this.users.update(id, {
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.password !== undefined ? { password_hash: await hashPassword(patch.password) } : {}),
    });
    // A deactivated user, a changed role or a new password ends every open session of that user.
    if (patch.active === false || patch.role !== undefined || patch.password !== undefined) await this.sessions.deleteForUser(id);
    const { password: _pw, ...logged } = patch;
    await this.audit.record(actor, patch.active === false ? 'user.deactivate' : 'user.update', 'user', id, { ...logged, ...(patch.password ? { passwordChanged: true } : {}) });
    return toPublicUser((await this.users.byId(id))!);
  }
}
