/** SQL of the practice side: moving answers between owners, an owner's answers, share links. */
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { AnswerSharesTable } from '../../db/schema-practice.js';
import type { AnswerRow } from '../answers/answer.repository.js';

export type ShareRow = Selectable<AnswerSharesTable>;

export interface OwnedAnswerRow extends AnswerRow {
  category: string | null;
}

/** What an account claimed from a browser's anonymous identity. */
export interface MovedWork {
  answers: number;
  questions: number;
  questionSets: number;
  mockSessions: number;
}

export class PracticeRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Gives everything owner `from` made to owner `to`, in one transaction: practice answers and their share links, own
   * questions, question sets and mock interviews. Returns how many of each moved.
   */
  async moveOwner(from: string, to: string): Promise<MovedWork> {
    return this.db.transaction().execute(async (trx) => {
      const answers = await trx.updateTable('answers').set({ owner: to }).where('owner', '=', from).where('scope', '=', 'practice').executeTakeFirst();
      await trx.updateTable('answer_shares').set({ owner: to }).where('owner', '=', from).execute();
      const questions = await trx.updateTable('questions').set({ owner: to }).where('owner', '=', from).where('source', '=', 'practice').executeTakeFirst();
      const questionSets = await trx.updateTable('question_sets').set({ owner: to }).where('owner', '=', from).executeTakeFirst();
      const mockSessions = await trx.updateTable('mock_sessions').set({ owner: to }).where('owner', '=', from).executeTakeFirst();
      await trx.deleteFrom('question_draws').where('session_id', '=', from).execute();
      return { answers: Number(answers.numUpdatedRows), questions: Number(questions.numUpdatedRows), questionSets: Number(questionSets.numUpdatedRows), mockSessions: Number(mockSessions.numUpdatedRows) };
    });
  }

  /** Every practice answer of an owner, newest first, with the category of its question. */
  ownedAnswers(owner: string): Promise<OwnedAnswerRow[]> {
    return this.db
      .selectFrom('answers')
      .leftJoin('questions', 'questions.id', 'answers.question_id')
      .selectAll('answers')
      .select('questions.category as category')
      .where('answers.owner', '=', owner)
      .where('answers.scope', '=', 'practice')
      .orderBy('answers.created_at', 'desc')
      .orderBy('answers.id')
      .execute();
  }

  /** Removes an account with everything it owns (answers with their jobs and links, own questions, question sets, mock interviews, draws, sessions, the user row). */
  async deleteOwned(owner: string, userId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('answer_shares').where('owner', '=', owner).execute();
      await trx.deleteFrom('answers').where('owner', '=', owner).where('scope', '=', 'practice').execute();
      await trx.deleteFrom('mock_sessions').where('owner', '=', owner).execute(); // their items cascade
      await trx.deleteFrom('question_sets').where('owner', '=', owner).execute(); // their items cascade
      await trx.deleteFrom('questions').where('owner', '=', owner).where('source', '=', 'practice').execute();
      await trx.deleteFrom('question_draws').where('session_id', '=', owner).execute();
      await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
      await trx.deleteFrom('users').where('id', '=', userId).where('role', '=', 'user').execute();
    });
  }

  async deleteDraws(owner: string): Promise<void> {
    await this.db.deleteFrom('question_draws').where('session_id', '=', owner).execute();
  }

  async createShare(row: ShareRow): Promise<void> {
    await this.db.insertInto('answer_shares').values(row).execute();
  }

  shares(answerId: string, owner: string): Promise<ShareRow[]> {
    return this.db.selectFrom('answer_shares').selectAll().where('answer_id', '=', answerId).where('owner', '=', owner).orderBy('created_at', 'desc').execute();
  }

  sharesOfOwner(owner: string): Promise<ShareRow[]> {
    return this.db.selectFrom('answer_shares').selectAll().where('owner', '=', owner).orderBy('created_at').execute();
  }

  /** Marks a link revoked; false when the owner has no such link. */
  async revokeShare(id: string, answerId: string, owner: string, now: string): Promise<boolean> {
    const r = await this.db
      .updateTable('answer_shares')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .where('answer_id', '=', answerId)
      .where('owner', '=', owner)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  shareById(id: string): Promise<ShareRow | undefined> {
    return this.db.selectFrom('answer_shares').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** An unrevoked link by token hash, with its answer (which must still belong to the owner who shared it). */
  async activeShare(tokenHash: string): Promise<{ share: ShareRow; answer: AnswerRow } | undefined> {
    const share = await this.db.selectFrom('answer_shares').selectAll().where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst();
    if (!share) return undefined;
    const answer = await this.db.selectFrom('answers').selectAll().where('id', '=', share.answer_id).where('owner', '=', share.owner).where('scope', '=', 'practice').executeTakeFirst();
    return answer ? { share, answer } : undefined;
  }
}
