/** The SQL of the analysis budget: media seconds per client and the client's waiting answers. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export class BudgetRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The client's usage since `since`, oldest first. */
  usageSince(clientKey: string, since: Date): Promise<Array<{ seconds: number; created_at: string }>> {
    return this.db.selectFrom('analysis_usage').select(['seconds', 'created_at']).where('client_key', '=', clientKey).where('created_at', '>=', since.toISOString()).orderBy('created_at').execute();
  }

  /** Seconds of media accepted for `clientKey` since `since`. */
  async secondsSince(clientKey: string, since: Date): Promise<number> {
    const row = await this.db
      .selectFrom('analysis_usage')
      .select((eb) => eb.fn.sum<number | null>('seconds').as('total'))
      .where('client_key', '=', clientKey)
      .where('created_at', '>=', since.toISOString())
      .executeTakeFirst();
    return Number(row?.total ?? 0);
  }

  /** The client's answers waiting for or in analysis. */
  async activeAnswers(clientKey: string): Promise<number> {
    const row = await this.db
      .selectFrom('analysis_usage')
      .innerJoin('answers', 'answers.id', 'analysis_usage.answer_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('analysis_usage.client_key', '=', clientKey)
      .where('answers.status', 'in', ['queued', 'processing'])
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async record(clientKey: string, answerId: string, seconds: number, at: Date): Promise<void> {
    await this.db.insertInto('analysis_usage').values({ answer_id: answerId, client_key: clientKey, seconds, created_at: at.toISOString() }).execute();
  }

  /** Usage older than `before` no longer counts: forget it. */
  async purge(before: Date): Promise<void> {
    await this.db
      .deleteFrom('analysis_usage')
      .where('created_at', '<', before.toISOString())
      .where('answer_id', 'not in', (qb) => qb.selectFrom('answers').select('id').where('status', 'in', ['queued', 'processing']))
      .execute();
  }
}
