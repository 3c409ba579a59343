import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { UserRole, UsersTable } from '../../db/schema-hiring.js';
import type { User } from '../../../contracts/users.js';
import type { DB } from '../../db/schema.js';

export type UserRow = Selectable<UsersTable>;
export type PublicUser = User;

export const toPublicUser = (u: UserRow): PublicUser => ({ id: u.id, email: u.email, name: u.name, role: u.role, active: u.active === 1, createdAt: u.created_at });

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export class UserRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(u: { email: string; name: string; role: UserRole; passwordHash: string }): Promise<UserRow> {
    const now = new Date().toISOString();
    const row: UserRow = { id: randomUUID(), email: normalizeEmail(u.email), name: u.name, role: u.role, password_hash: u.passwordHash, active: 1, created_at: now, updated_at: now };
    await this.db.insertInto('users').values(row).execute();
    return row;
  }

  byEmail(email: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
  }

  byId(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  list(): Promise<UserRow[]> {
    return this.db.selectFrom('users').selectAll().orderBy('created_at').orderBy('email').execute();
  }

  async count(): Promise<number> {
    const r = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async countActiveAdmins(): Promise<number> {
    const r = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'admin')
      .where('active', '=', 1)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async update(id: string, patch: Partial<Pick<UserRow, 'name' | 'role' | 'active' | 'password_hash'>>): Promise<void> {
    await this.db.updateTable('users').set({ ...patch, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
  }
}
