/**
 * Really removes a candidate: every answer video from storage, every answer, report, review, comment and decision
 * row, their mail (outbox, by FK) and the webhook deliveries that carry their name and email.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Storage } from '../../infra/storage/storage.js';

export async function eraseCandidate(db: Kysely<DB>, storage: Storage, candidateId: string): Promise<{ answers: number }> {
  const answerIds = (await db.selectFrom('candidate_answers').select('answer_id').where('candidate_id', '=', candidateId).execute()).map((r) => r.answer_id);
  await db.transaction().execute(async (trx) => {
    // answers cascade to jobs, reviews, score overrides and candidate_answers; the candidate to invites and decisions.
    if (answerIds.length > 0) await trx.deleteFrom('answers').where('id', 'in', answerIds).execute();
    await trx.deleteFrom('webhook_deliveries').where('candidate_id', '=', candidateId).execute();
    await trx.deleteFrom('candidates').where('id', '=', candidateId).execute();
  });
  for (const id of answerIds) await storage.deletePrefix(`answers/${id}`);
  return { answers: answerIds.length };
}
