import type { Kysely, Selectable } from 'kysely';
import type { AnswerScope, AnswersTable, AnswerStatus, DB } from '../../db/schema.js';

export type AnswerRow = Selectable<AnswersTable>;

export interface NewAnswer {
  id: string;
  questionId: string | null;
  questionText: string;
  mediaKey: string;
  mime: string;
  sizeBytes: number;
  durationSec: number;
  hasAudio: boolean;
  hasVideo: boolean;
  engine: string;
  scope: AnswerScope;
  /** The practice owner key; null (or absent) for candidate answers. */
  owner?: string | null | undefined;
}

export class AnswerRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(a: NewAnswer): Promise<void> {
    const now = new Date().toISOString();
    await this.db
      .insertInto('answers')
      .values({
        id: a.id,
        question_id: a.questionId,
        question_text: a.questionText,
        status: 'queued',
        stage: 'queued',
        progress: 0,
        error: null,
        report_json: null,
        media_key: a.mediaKey,
        mime: a.mime,
        size_bytes: a.sizeBytes,
        duration_sec: a.durationSec,
        has_audio: a.hasAudio ? 1 : 0,
        has_video: a.hasVideo ? 1 : 0,
        engine: a.engine,
        scope: a.scope,
        owner: a.owner ?? null,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }

  get(id: string): Promise<AnswerRow | undefined> {
    return this.db.selectFrom('answers').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** With `owner`, only that owner's answers. */
  list(scope: AnswerScope, limit: number, offset = 0, owner?: string): Promise<AnswerRow[]> {
    let q = this.db.selectFrom('answers').selectAll().where('scope', '=', scope);
    if (owner !== undefined) q = q.where('owner', '=', owner);
    return q.orderBy('created_at', 'desc').orderBy('id').limit(limit).offset(offset).execute();
  }

  /** Answers that are not finished: after a restart each must have a job. */
  unfinished(): Promise<Array<Pick<AnswerRow, 'id' | 'status'>>> {
    return this.db.selectFrom('answers').select(['id', 'status']).where('status', 'in', ['queued', 'processing']).execute();
  }

  async setState(id: string, s: { status: AnswerStatus; stage: string | null; progress: number; error?: string | null; reportJson?: string | null }): Promise<void> {
    await this.db
      .updateTable('answers')
      .set({
        status: s.status,
        stage: s.stage,
        progress: s.progress,
        ...(s.error !== undefined ? { error: s.error } : {}),
        ...(s.reportJson !== undefined ? { report_json: s.reportJson } : {}),
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .execute();
  }

  /** Deletes the row (and its jobs by cascade); returns whether it existed. */
  async delete(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom('answers').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
