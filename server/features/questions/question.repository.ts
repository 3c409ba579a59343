import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { Question, QuestionRole, QuestionType } from '../../../contracts/questions.js';
import type { DB, QuestionsTable } from '../../db/schema.js';
import { seedQuestions } from './seed.js';

export type { Question };

/** A practice user's own question is stored with this source and its owner. */
export const OWN_SOURCE = 'practice';

export interface QuestionFilter {
  category?: string[] | undefined;
  type?: QuestionType[] | undefined;
  /** Questions for this role, and those for any role. */
  role?: QuestionRole | undefined;
  origin?: 'bank' | 'own' | undefined;
}

const COLUMNS = ['id', 'text', 'category', 'type', 'roles', 'source'] as const;
type Row = Pick<Selectable<QuestionsTable>, (typeof COLUMNS)[number]>;

export function toQuestion(r: Row): Question {
  let roles: QuestionRole[] = ['any'];
  try {
    const parsed = JSON.parse(r.roles) as unknown;
    if (Array.isArray(parsed) && parsed.length > 0) roles = parsed as QuestionRole[];
  } catch {
    // an unreadable value counts as 'any'
  }
  return { id: r.id, text: r.text, category: r.category, type: r.type as QuestionType, roles, origin: r.source === OWN_SOURCE ? 'own' : 'bank' };
}

/**
 * What a practice user may see and draw: the bank, and their own questions when `owner` is given. The hiring
 * team's questions ('custom') never appear in practice.
 */
function visible(owner: string | null | undefined, origin?: 'bank' | 'own') {
  return (eb: ExpressionBuilder<DB, 'questions'>) => {
    const bank = eb('source', '=', 'bank');
    const own = owner ? eb.and([eb('source', '=', OWN_SOURCE), eb('owner', '=', owner)]) : null;
    if (origin === 'bank') return bank;
    if (origin === 'own' && own) return own;
    return own ? eb.or([bank, own]) : bank;
  };
}

export class QuestionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Inserts the built-in bank and brings bank rows up to date (text, category, type, roles); other rows are left as they are. */
  async seed(now = new Date().toISOString()): Promise<void> {
    const rows = seedQuestions.map((q) => ({ id: q.id, text: q.text, category: q.category, type: q.type, roles: JSON.stringify(q.roles), source: 'bank', created_at: now }));
    for (let i = 0; i < rows.length; i += 100) {
      await this.db
        .insertInto('questions')
        .values(rows.slice(i, i + 100))
        .onConflict((oc) =>
          oc
            .column('id')
            .doUpdateSet((eb) => ({ text: eb.ref('excluded.text'), category: eb.ref('excluded.category'), type: eb.ref('excluded.type'), roles: eb.ref('excluded.roles') }))
            .where('questions.source', '=', 'bank'),
        )
        .execute();
    }
  }

  /** The bank (and `owner`'s own questions), by category then id. */
  async list(owner?: string | null, filter: QuestionFilter = {}): Promise<Question[]> {
    if (filter.origin === 'own' && !owner) return [];
    let q = this.db.selectFrom('questions').select(COLUMNS).where(visible(owner, filter.origin));
    if (filter.category?.length) q = q.where('category', 'in', filter.category);
    if (filter.type?.length) q = q.where('type', 'in', filter.type);
    if (filter.role) {
      const role = filter.role;
      q = q.where((eb) => eb.or([eb('roles', 'like', `%"${role}"%`), eb('roles', 'like', '%"any"%')]));
    }
    const rows = await q.orderBy('category').orderBy('id').execute();
    return rows.map(toQuestion);
  }

  /** Any question by id (bank, own or the hiring team's): answers may be given to any of them. */
  async get(id: string): Promise<Question | undefined> {
    const r = await this.db.selectFrom('questions').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return r ? toQuestion(r) : undefined;
  }

  /** A question `owner` may use in practice (the bank or their own). */
  async getVisible(id: string, owner: string | null): Promise<Question | undefined> {
    const r = await this.db.selectFrom('questions').select(COLUMNS).where('id', '=', id).where(visible(owner)).executeTakeFirst();
    return r ? toQuestion(r) : undefined;
  }

  /** Practice questions this draw session has not drawn yet (the bank, plus `owner`'s own questions). */
  async undrawn(sessionId: string, owner?: string | null): Promise<Question[]> {
    const rows = await this.db
      .selectFrom('questions')
      .select(COLUMNS)
      .where(visible(owner))
      .where('id', 'not in', (qb) => qb.selectFrom('question_draws').select('question_id').where('session_id', '=', sessionId))
      .execute();
    return rows.map(toQuestion);
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

  // --- a practice user's own questions ---

  async createOwn(owner: string, q: { id: string; text: string; category: string; type: QuestionType; roles: QuestionRole[] }): Promise<void> {
    await this.db
      .insertInto('questions')
      .values({ id: q.id, text: q.text, category: q.category, type: q.type, roles: JSON.stringify(q.roles), source: OWN_SOURCE, owner, created_at: new Date().toISOString() })
      .execute();
  }

  /** Returns whether the question exists and belongs to `owner`. */
  async updateOwn(owner: string, id: string, patch: { text?: string | undefined; category?: string | undefined; type?: QuestionType | undefined; roles?: QuestionRole[] | undefined }): Promise<boolean> {
    const set: Partial<{ text: string; category: string; type: string; roles: string }> = {};
    if (patch.text !== undefined) set.text = patch.text;
    if (patch.category !== undefined) set.category = patch.category;
    if (patch.type !== undefined) set.type = patch.type;
    if (patch.roles !== undefined) set.roles = JSON.stringify(patch.roles);
    if (Object.keys(set).length === 0) return (await this.getVisible(id, owner))?.origin === 'own';
    const r = await this.db.updateTable('questions').set(set).where('id', '=', id).where('source', '=', OWN_SOURCE).where('owner', '=', owner).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async deleteOwn(owner: string, id: string): Promise<boolean> {
    const r = await this.db.deleteFrom('questions').where('id', '=', id).where('source', '=', OWN_SOURCE).where('owner', '=', owner).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  // --- question sets ---

  listSets(owner: string): Promise<Array<Selectable<DB['question_sets']>>> {
    return this.db.selectFrom('question_sets').selectAll().where('owner', '=', owner).orderBy('created_at', 'desc').orderBy('id').execute();
  }

  getSet(owner: string, id: string): Promise<Selectable<DB['question_sets']> | undefined> {
    return this.db.selectFrom('question_sets').selectAll().where('id', '=', id).where('owner', '=', owner).executeTakeFirst();
  }

  /** The questions of a set, in order. */
  async setQuestions(setId: string): Promise<Question[]> {
    const rows = await this.db
      .selectFrom('question_set_items')
      .innerJoin('questions', 'questions.id', 'question_set_items.question_id')
      .select(['questions.id', 'questions.text', 'questions.category', 'questions.type', 'questions.roles', 'questions.source'])
      .where('question_set_items.set_id', '=', setId)
      .orderBy('question_set_items.position')
      .execute();
    return rows.map(toQuestion);
  }

  async saveSet(owner: string, s: { id: string; name?: string | undefined; questionIds?: string[] | undefined }, create: boolean): Promise<void> {
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      if (create) {
        await trx.insertInto('question_sets').values({ id: s.id, owner, name: s.name ?? '', created_at: now, updated_at: now }).execute();
      } else {
        await trx
          .updateTable('question_sets')
          .set({ updated_at: now, ...(s.name !== undefined ? { name: s.name } : {}) })
          .where('id', '=', s.id)
          .where('owner', '=', owner)
          .execute();
      }
      if (s.questionIds) {
        await trx.deleteFrom('question_set_items').where('set_id', '=', s.id).execute();
        if (s.questionIds.length > 0) await trx.insertInto('question_set_items').values(s.questionIds.map((qid, i) => ({ set_id: s.id, position: i, question_id: qid }))).execute();
      }
    });
  }

  async deleteSet(owner: string, id: string): Promise<boolean> {
    const r = await this.db.deleteFrom('question_sets').where('id', '=', id).where('owner', '=', owner).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
