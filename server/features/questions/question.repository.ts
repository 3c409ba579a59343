import type { Kysely } from 'kysely';
import type { DB, QuestionsTable } from '../../db/schema.js';
import { seedQuestions } from './seed.js';

export type Question = Pick<QuestionsTable, 'id' | 'text' | 'category'>;

export class QuestionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Inserts the built-in bank; existing rows are left as they are. */
  async seed(now = new Date().toISOString()): Promise<void> {
    await this.db
      .insertInto('questions')
      .values(seedQuestions.map((q) => ({ ...q, source: 'bank', created_at: now })))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  /** The public practice bank: never an interview's own (hiring) questions. */
  list(): Promise<Question[]> {
    return this.db.selectFrom('questions').select(['id', 'text', 'category']).where('source', '=', 'bank').orderBy('category').orderBy('id').execute();
  }

  /** Any question, interview questions included (the hiring side and candidate answers). */
  async get(id: string): Promise<Question | undefined> {
    return this.db.selectFrom('questions').select(['id', 'text', 'category']).where('id', '=', id).executeTakeFirst();
  }

  /** A question of the public bank. */
  async getPublic(id: string): Promise<Question | undefined> {
    return this.db.selectFrom('questions').select(['id', 'text', 'category']).where('id', '=', id).where('source', '=', 'bank').executeTakeFirst();
  }

  /** Bank questions this session has not drawn yet. */
  undrawn(sessionId: string): Promise<Question[]> {
    return this.db
      .selectFrom('questions')
      .select(['id', 'text', 'category'])
      .where('source', '=', 'bank')
      .where('id', 'not in', (qb) => qb.selectFrom('question_draws').select('question_id').where('session_id', '=', sessionId))
      .execute();
  }

  /** Forgets draws older than `before` (a browser's record of what it has seen is not kept forever). */
  async purgeDraws(before: Date): Promise<number> {
    const res = await this.db.deleteFrom('question_draws').where('drawn_at', '<', before.toISOString()).executeTakeFirst();
    return Number(res.numDeletedRows);
  }

  async recordDraw(sessionId: string, questionId: string): Promise<void> {
    await this.db
      .insertInto('question_draws')
      .values({ session_id: sessionId, question_id: questionId, drawn_at: new Date().toISOString() })
      .onConflict((oc) => oc.columns(['session_id', 'question_id']).doNothing())
      .execute();
  }

  async resetDraws(sessionId: string): Promise<void> {
    await this.db.deleteFrom('question_draws').where('session_id', '=', sessionId).execute();
  }
}
