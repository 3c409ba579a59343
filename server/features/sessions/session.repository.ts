import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB, MockSessionItemsTable, MockSessionsTable } from '../../db/schema.js';

export type SessionRow = Selectable<MockSessionsTable>;
export type SessionItemRow = Selectable<MockSessionItemsTable>;

export class MockSessionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(s: Insertable<MockSessionsTable>, items: Array<Insertable<MockSessionItemsTable>>): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('mock_sessions').values(s).execute();
      await trx.insertInto('mock_session_items').values(items).execute();
    });
  }

  /** The session if it belongs to `owner`. */
  get(owner: string, id: string): Promise<SessionRow | undefined> {
    return this.db.selectFrom('mock_sessions').selectAll().where('id', '=', id).where('owner', '=', owner).executeTakeFirst();
  }

  items(sessionId: string): Promise<SessionItemRow[]> {
    return this.db.selectFrom('mock_session_items').selectAll().where('session_id', '=', sessionId).orderBy('position').execute();
  }

  list(owner: string, limit: number): Promise<Array<SessionRow & { total: number; answered: number }>> {
    return this.db
      .selectFrom('mock_sessions')
      .selectAll('mock_sessions')
      .select((eb) => [
        eb.selectFrom('mock_session_items').select(eb.fn.countAll<number>().as('n')).whereRef('mock_session_items.session_id', '=', 'mock_sessions.id').as('total'),
        eb
          .selectFrom('mock_session_items')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('mock_session_items.session_id', '=', 'mock_sessions.id')
          .where('mock_session_items.answer_id', 'is not', null)
          .as('answered'),
      ])
      .where('owner', '=', owner)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute() as Promise<Array<SessionRow & { total: number; answered: number }>>;
  }

  /** The questions of `owner`'s latest `sessions` mock interviews. */
  async recentQuestionIds(owner: string, sessions: number): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('mock_session_items')
      .select('question_id')
      .where('session_id', 'in', (qb) => qb.selectFrom('mock_sessions').select('id').where('owner', '=', owner).orderBy('created_at', 'desc').limit(sessions))
      .execute();
    return new Set(rows.map((r) => r.question_id).filter((id): id is string => id !== null));
  }

  /** Records the answer given to one question; false when the item does not exist. */
  async attachAnswer(sessionId: string, position: number, answerId: string): Promise<boolean> {
    const now = new Date().toISOString();
    const r = await this.db.updateTable('mock_session_items').set({ answer_id: answerId, answered_at: now }).where('session_id', '=', sessionId).where('position', '=', position).executeTakeFirst();
    await this.db.updateTable('mock_sessions').set({ updated_at: now }).where('id', '=', sessionId).execute();
    return Number(r.numUpdatedRows) > 0;
  }

  /** What the analysis of an answer given in a session should know: the session's job description and the question's type. */
  analysisContext(answerId: string): Promise<{ job_description: string | null; question_type: string } | undefined> {
    return this.db
      .selectFrom('mock_session_items')
      .innerJoin('mock_sessions', 'mock_sessions.id', 'mock_session_items.session_id')
      .select(['mock_sessions.job_description', 'mock_session_items.question_type'])
      .where('mock_session_items.answer_id', '=', answerId)
      .executeTakeFirst();
  }

  async delete(owner: string, id: string): Promise<boolean> {
    const r = await this.db.deleteFrom('mock_sessions').where('id', '=', id).where('owner', '=', owner).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
