import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { InterviewQuestionsTable, InterviewsTable } from '../../db/schema-hiring.js';
import type { DB } from '../../db/schema.js';
import { DEFAULT_RUBRIC, type RubricCriterion } from '../../../contracts/rubric.js';

/** A question's rubric: its own, else the default. */
export const rubricOf = (q: { rubric_json: string | null }): RubricCriterion[] => (q.rubric_json ? (JSON.parse(q.rubric_json) as RubricCriterion[]) : DEFAULT_RUBRIC);

export type InterviewRow = Selectable<InterviewsTable>;
export type InterviewQuestionRow = Selectable<InterviewQuestionsTable> & { text: string; category: string };

export interface QuestionItem {
  /** An existing question (bank or custom) ... */
  questionId?: string | undefined;
  /** ... or a new one, stored with source 'custom'. */
  text?: string | undefined;
  thinkTimeSec: number;
  answerTimeSec: number;
  retakes: number;
  rubric?: RubricCriterion[] | undefined;
}

export class InterviewRepository {
  constructor(readonly db: Kysely<DB>) {}

  get(id: string): Promise<InterviewRow | undefined> {
    return this.db.selectFrom('interviews').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async list(): Promise<Array<InterviewRow & { candidates: number }>> {
    const rows = await this.db
      .selectFrom('interviews')
      .selectAll('interviews')
      .select((eb) => eb.selectFrom('candidates').select(eb.fn.countAll<number>().as('n')).whereRef('candidates.interview_id', '=', 'interviews.id').as('candidates'))
      .orderBy('created_at', 'desc')
      .execute();
    // Postgres returns count(*) as a string
    return rows.map((r) => ({ ...r, candidates: Number(r.candidates) }));
  }

  questions(interviewId: string): Promise<InterviewQuestionRow[]> {
    return this.db
      .selectFrom('interview_questions as iq')
      .innerJoin('questions as q', 'q.id', 'iq.question_id')
      .selectAll('iq')
      .select(['q.text', 'q.category'])
      .where('iq.interview_id', '=', interviewId)
      .orderBy('iq.position')
      .execute();
  }

  async insert(row: InterviewRow): Promise<void> {
    await this.db.insertInto('interviews').values(row).execute();
  }

  async update(id: string, patch: Partial<Omit<InterviewRow, 'id' | 'created_at' | 'created_by'>>): Promise<void> {
    await this.db.updateTable('interviews').set({ ...patch, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('interviews').where('id', '=', id).execute();
  }

  /** Replaces the question set; new texts become custom questions. */
  async setQuestions(trx: Transaction<DB>, interviewId: string, items: QuestionItem[]): Promise<void> {
    await trx.deleteFrom('interview_questions').where('interview_id', '=', interviewId).execute();
    const now = new Date().toISOString();
    let position = 0;
    for (const item of items) {
      let questionId = item.questionId;
      if (!questionId) {
        questionId = `custom-${randomUUID()}`;
        await trx.insertInto('questions').values({ id: questionId, text: item.text ?? '', category: 'custom', source: 'custom', created_at: now }).execute();
      }
      await trx
        .insertInto('interview_questions')
        .values({
          id: randomUUID(),
          interview_id: interviewId,
          question_id: questionId,
          position: position++,
          think_time_sec: item.thinkTimeSec,
          answer_time_sec: item.answerTimeSec,
          retakes: item.retakes,
          rubric_json: item.rubric ? JSON.stringify(item.rubric) : null,
        })
        .execute();
    }
  }

  async hasAnswers(interviewId: string): Promise<boolean> {
    return (await this.db.selectFrom('candidate_answers').select('answer_id').where('interview_id', '=', interviewId).limit(1).executeTakeFirst()) !== undefined;
  }

  async missingQuestionIds(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const found = await this.db.selectFrom('questions').select('id').where('id', 'in', ids).execute();
    const have = new Set(found.map((r) => r.id));
    return ids.filter((i) => !have.has(i));
  }
}
