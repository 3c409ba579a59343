import { randomUUID } from 'node:crypto';
import type { Decision } from '../../../contracts/statuses.js';
import type { Storage } from '../../infra/storage/storage.js';
import { eraseCandidate } from './erase.js';
import type { Kysely, Selectable } from 'kysely';
import type { Candidate } from '../../../contracts/candidates.js';
import type { CandidatesTable } from '../../db/schema-hiring.js';
import type { DB } from '../../db/schema.js';

export type CandidateRow = Selectable<CandidatesTable>;
export type CandidateDto = Candidate;

export const toCandidateDto = (r: CandidateRow): CandidateDto => ({
  id: r.id,
  interviewId: r.interview_id,
  name: r.name,
  email: r.email,
  status: r.status,
  tags: JSON.parse(r.tags_json) as string[],
  notes: r.notes,
  group: r.group_label,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export class CandidateRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The candidate of an interview with this (normalised) email. */
  byEmail(interviewId: string, email: string) {
    return this.db.selectFrom('candidates').select('id').where('interview_id', '=', interviewId).where('email', '=', email).executeTakeFirst();
  }

  /** Records one decision per candidate and sets their status, in one transaction. */
  async recordDecisions(interviewId: string, candidateIds: string[], decision: Decision, reason: string, userId: string, now: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const id of candidateIds) {
        await trx.insertInto('decisions').values({ id: randomUUID(), candidate_id: id, interview_id: interviewId, decision, reason, user_id: userId, created_at: now }).execute();
        await trx.updateTable('candidates').set({ status: decision, updated_at: now }).where('id', '=', id).execute();
      }
    });
  }

  decisions(candidateId: string) {
    return this.db
      .selectFrom('decisions')
      .leftJoin('users', 'users.id', 'decisions.user_id')
      .select(['decisions.id', 'decisions.decision', 'decisions.reason', 'decisions.created_at as createdAt', 'users.email as by'])
      .where('candidate_id', '=', candidateId)
      .orderBy('decisions.created_at')
      .execute();
  }

  invites(candidateId: string) {
    return this.db.selectFrom('invites').selectAll().where('candidate_id', '=', candidateId).orderBy('created_at', 'desc').execute();
  }

  /** Erases the candidate with every answer, video, report, review and decision. */
  erase(storage: Storage, candidateId: string): Promise<{ answers: number }> {
    return eraseCandidate(this.db, storage, candidateId);
  }

  /** A candidate of this interview only: an id from another interview is not found. */
  get(interviewId: string, id: string): Promise<CandidateRow | undefined> {
    return this.db.selectFrom('candidates').selectAll().where('id', '=', id).where('interview_id', '=', interviewId).executeTakeFirst();
  }

  list(interviewId: string): Promise<CandidateRow[]> {
    return this.db.selectFrom('candidates').selectAll().where('interview_id', '=', interviewId).orderBy('created_at').orderBy('name').execute();
  }

  async emails(interviewId: string): Promise<Set<string>> {
    const rows = await this.db.selectFrom('candidates').select('email').where('interview_id', '=', interviewId).execute();
    return new Set(rows.map((r) => r.email));
  }

  async insertMany(rows: CandidateRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 100) await trx.insertInto('candidates').values(rows.slice(i, i + 100)).execute();
    });
  }

  async update(id: string, patch: Partial<Pick<CandidateRow, 'name' | 'email' | 'status' | 'tags_json' | 'notes' | 'group_label'>>): Promise<void> {
    await this.db.updateTable('candidates').set({ ...patch, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
  }

  async answerIds(candidateId: string): Promise<string[]> {
    return (await this.db.selectFrom('candidate_answers').select('answer_id').where('candidate_id', '=', candidateId).execute()).map((r) => r.answer_id);
  }
}
