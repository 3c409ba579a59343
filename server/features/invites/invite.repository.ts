import type { Kysely, Selectable } from 'kysely';
import type { Invite } from '../../../contracts/invites.js';
import type { InvitesTable } from '../../db/schema-hiring.js';
import type { DB } from '../../db/schema.js';

export type InviteRow = Selectable<InvitesTable>;
export type InviteDto = Invite;

export function inviteState(r: InviteRow, now = new Date()): InviteDto['state'] {
  if (r.revoked_at) return 'revoked';
  if (r.completed_at) return 'completed';
  return r.expires_at <= now.toISOString() ? 'expired' : 'active';
}

export const toInviteDto = (r: InviteRow): InviteDto => ({
  id: r.id,
  candidateId: r.candidate_id,
  state: inviteState(r),
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  consentAt: r.consent_at,
  completedAt: r.completed_at,
  createdAt: r.created_at,
});

export class InviteRepository {
  constructor(readonly db: Kysely<DB>) {}

  async insert(row: InviteRow): Promise<void> {
    await this.db.insertInto('invites').values(row).execute();
  }

  byTokenHash(hash: string): Promise<InviteRow | undefined> {
    return this.db.selectFrom('invites').selectAll().where('token_hash', '=', hash).executeTakeFirst();
  }

  get(interviewId: string, id: string): Promise<InviteRow | undefined> {
    return this.db.selectFrom('invites').selectAll().where('id', '=', id).where('interview_id', '=', interviewId).executeTakeFirst();
  }

  forCandidate(candidateId: string): Promise<InviteRow[]> {
    return this.db.selectFrom('invites').selectAll().where('candidate_id', '=', candidateId).orderBy('created_at', 'desc').execute();
  }

  async revokeOpen(candidateId: string, now: string): Promise<void> {
    await this.db.updateTable('invites').set({ revoked_at: now }).where('candidate_id', '=', candidateId).where('revoked_at', 'is', null).where('completed_at', 'is', null).execute();
  }

  async set(id: string, patch: Partial<Pick<InviteRow, 'revoked_at' | 'consent_at' | 'consent_text' | 'completed_at'>>): Promise<void> {
    await this.db.updateTable('invites').set(patch).where('id', '=', id).execute();
  }

  /** The questions this candidate has answered (ids of `questions`). */
  async answered(candidateId: string): Promise<Set<string>> {
    const rows = await this.db.selectFrom('candidate_answers').select('question_id').where('candidate_id', '=', candidateId).execute();
    return new Set(rows.map((r) => r.question_id));
  }

  /** Links the answer to the candidate's question; false when that question already has an answer (kept as it is). */
  async linkAnswer(row: { answer_id: string; invite_id: string; candidate_id: string; interview_id: string; question_id: string }): Promise<boolean> {
    const r = await this.db
      .insertInto('candidate_answers')
      .values({ ...row, created_at: new Date().toISOString() })
      .onConflict((oc) => oc.columns(['candidate_id', 'question_id']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
  }
}
