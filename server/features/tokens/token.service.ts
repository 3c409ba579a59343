/** API tokens: one or more per admin for the read API (/api/v1); only a SHA-256 is stored, the token is shown once. */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ApiToken } from '../../../contracts/webhooks.js';
import type { ApiTokensTable } from '../../db/schema-hiring.js';
import type { DB } from '../../db/schema.js';
import { HttpError, notFound } from '../../http/errors.js';
import type { Actor, AuditLog } from '../audit/audit.repository.js';
import { newSecret, sha256 } from '../auth/tokens.js';

type Row = Selectable<ApiTokensTable>;
const toDto = (r: Row): ApiToken => ({ id: r.id, name: r.name, prefix: r.prefix, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at });

export class TokenService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit: AuditLog,
  ) {}

  async create(actor: Actor, name: string): Promise<ApiToken & { token: string }> {
    const token = `ia_${newSecret(32)}`;
    const row: Row = { id: randomUUID(), user_id: actor.id, name, token_hash: sha256(token), prefix: token.slice(0, 10), created_at: new Date().toISOString(), last_used_at: null, revoked_at: null };
    await this.db.insertInto('api_tokens').values(row).execute();
    await this.audit.record(actor, 'token.create', 'api_token', row.id, { name });
    return { ...toDto(row), token };
  }

  /** The admin's own tokens. */
  async list(actor: Actor): Promise<ApiToken[]> {
    return (await this.db.selectFrom('api_tokens').selectAll().where('user_id', '=', actor.id).orderBy('created_at', 'desc').execute()).map(toDto);
  }

  async revoke(actor: Actor, id: string): Promise<ApiToken> {
    const row = await this.db.selectFrom('api_tokens').selectAll().where('id', '=', id).where('user_id', '=', actor.id).executeTakeFirst();
    if (!row) throw notFound('TOKEN_NOT_FOUND', 'No such token of yours.');
    if (!row.revoked_at) await this.db.updateTable('api_tokens').set({ revoked_at: new Date().toISOString() }).where('id', '=', id).execute();
    await this.audit.record(actor, 'token.revoke', 'api_token', id);
    return toDto((await this.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow())!);
  }

  /** The access hook's 'token' rule (server/http/access.ts): the admin behind the token, as a session user. */
  async tokenUser(header: string | undefined): Promise<{ id: string; email: string; name: string; role: 'admin' }> {
    const actor = await this.authenticate(header);
    const u = await this.db.selectFrom('users').select('name').where('id', '=', actor.id).executeTakeFirst();
    return { ...actor, name: u?.name ?? actor.email, role: 'admin' };
  }

  /** The admin behind a bearer token: 401 when missing, unknown or revoked, or when the admin is no longer an active admin. */
  async authenticate(header: string | undefined): Promise<Actor> {
    const m = header ? /^Bearer\s+(ia_[A-Za-z0-9_-]{20,100})$/.exec(header.trim()) : null;
    if (!m) throw new HttpError(401, 'TOKEN_REQUIRED', 'Send an API token as "Authorization: Bearer ia_..." (create one under Admin > API tokens).');
    const row = await this.db
      .selectFrom('api_tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select(['t.id', 't.revoked_at', 'u.id as userId', 'u.email', 'u.role', 'u.active'])
      .where('t.token_hash', '=', sha256(m[1]!))
      .executeTakeFirst();
    if (!row || row.revoked_at) throw new HttpError(401, 'TOKEN_INVALID', 'This API token is unknown or was revoked.');
    if (row.active !== 1 || row.role !== 'admin') throw new HttpError(401, 'TOKEN_INVALID', 'The admin who owns this token is no longer an active admin.');
    await this.db.updateTable('api_tokens').set({ last_used_at: new Date().toISOString() }).where('id', '=', row.id).execute();
    return { id: row.userId, email: row.email };
  }
}
