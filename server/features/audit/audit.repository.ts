/** The audit log of admin actions: who did what to which target, when. Rows are only ever added. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditEntry } from '../../../contracts/audit.js';
import type { DB } from '../../db/schema.js';

export type { AuditEntry };

export interface Actor {
  id: string;
  email: string;
}

export class AuditLog {
  constructor(private readonly db: Kysely<DB>) {}

  async record(actor: Actor | null, action: string, targetType: string, targetId: string | null, detail?: Record<string, unknown> | string): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        id: randomUUID(),
        user_id: actor?.id ?? null,
        user_email: actor?.email ?? null,
        action,
        target_type: targetType,
        target_id: targetId,
        detail: detail === undefined ? null : typeof detail === 'string' ? detail : JSON.stringify(detail),
        created_at: new Date().toISOString(),
      })
      .execute();
  }

  async list(opts: { limit: number; before?: string | undefined; action?: string | undefined }): Promise<AuditEntry[]> {
    let q = this.db.selectFrom('audit_log').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit);
    if (opts.before) q = q.where('created_at', '<', opts.before);
    if (opts.action) q = q.where('action', '=', opts.action);
    const rows = await q.execute();
    return rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      userEmail: r.user_email,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      detail: r.detail,
      createdAt: r.created_at,
    }));
  }
}
