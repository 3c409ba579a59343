import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { UserRow } from './user.repository.js';

export class SessionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(idHash: string, userId: string, expiresAt: Date): Promise<void> {
    await this.db.insertInto('sessions').values({ id_hash: idHash, user_id: userId, created_at: new Date().toISOString(), expires_at: expiresAt.toISOString() }).execute();
  }

  /** The active user of an unexpired session. */
  async user(idHash: string, now: Date): Promise<UserRow | undefined> {
    return this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .where('sessions.id_hash', '=', idHash)
      .where('sessions.expires_at', '>', now.toISOString())
      .where('users.active', '=', 1)
      .executeTakeFirst();
  }

  async delete(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  async deleteForUser(userId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  async deleteExpired(now: Date): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
  }
}
