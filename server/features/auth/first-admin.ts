/** The first admin: from ADMIN_EMAIL/ADMIN_PASSWORD on first start, or from the command line. */
import type { Kysely } from 'kysely';
import { type Container, StartupError } from '../../container.js';
import { HttpError } from '../../http/errors.js';
import type { DB } from '../../db/schema.js';
import { AuditLog } from '../audit/audit.repository.js';
import { SessionRepository } from './session.repository.js';
import { UserRepository } from './user.repository.js';
import { UserService } from './user.service.js';

export type FirstAdminResult = 'created' | 'exists' | 'not-configured';

/** Creates the admin named by ADMIN_EMAIL/ADMIN_PASSWORD when there is no user yet. Safe to call at every start. */
export async function ensureFirstAdmin(c: Container): Promise<FirstAdminResult> {
  const s = c.config;
  const db = c.database.db;
  const users = new UserRepository(db);
  if ((await users.count()) > 0) return 'exists';
  if (!s.ADMIN_EMAIL || !s.ADMIN_PASSWORD) {
    c.log.warn('no admin user yet: set ADMIN_EMAIL and ADMIN_PASSWORD, or run `npx tsx server/cli/admin.ts create-admin --email you@example.com --password-stdin`');
    return 'not-configured';
  }
  try {
    await createAdmin(db, s.ADMIN_EMAIL, s.ADMIN_PASSWORD, 'env');
  } catch (e) {
    // A weak ADMIN_PASSWORD is a bad setting: stop with the reason (exit 2), not a stack trace.
    if (e instanceof HttpError && e.statusCode === 400) throw new StartupError(`ADMIN_PASSWORD: ${e.message}`);
    throw e;
  }
  c.log.info({ email: s.ADMIN_EMAIL }, 'created the first admin from ADMIN_EMAIL');
  return 'created';
}

export async function createAdmin(db: Kysely<DB>, email: string, password: string, via: 'env' | 'cli'): Promise<string> {
  const audit = new AuditLog(db);
  const service = new UserService(new UserRepository(db), new SessionRepository(db), audit);
  const user = await service.create(null, { email, name: email.split('@')[0] ?? email, role: 'admin', password });
  await audit.record(null, `user.bootstrap.${via}`, 'user', user.id, { email: user.email });
  return user.id;
}
