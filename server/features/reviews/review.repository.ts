import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Review, ScoreOverride } from '../../../contracts/reviews.js';
import type { DB } from '../../db/schema.js';

export type ReviewDto = Review;
export type OverrideDto = ScoreOverride;

export class ReviewRepository {
  constructor(readonly db: Kysely<DB>) {}

  /** The answer, if it belongs to this candidate of this interview. */
  async candidateAnswer(interviewId: string, candidateId: string, answerId: string) {
    return this.db
      .selectFrom('candidate_answers')
      .selectAll()
      .where('answer_id', '=', answerId)
      .where('candidate_id', '=', candidateId)
      .where('interview_id', '=', interviewId)
      .executeTakeFirst();
  }

  async candidateAnswers(candidateIds: string[]) {
    if (candidateIds.length === 0) return [];
    return this.db
      .selectFrom('candidate_answers as ca')
      .innerJoin('answers as a', 'a.id', 'ca.answer_id')
      .select(['ca.answer_id', 'ca.candidate_id', 'ca.question_id', 'a.status', 'a.report_json'])
      .where('ca.candidate_id', 'in', candidateIds)
      .execute();
  }

  async upsertReview(answerId: string, reviewerId: string, ratings: Record<string, number>, comment: string): Promise<void> {
    const now = new Date().toISOString();
    await this.db
      .insertInto('reviews')
      .values({ id: randomUUID(), answer_id: answerId, reviewer_id: reviewerId, ratings_json: JSON.stringify(ratings), comment, created_at: now, updated_at: now })
      .onConflict((oc) => oc.columns(['answer_id', 'reviewer_id']).doUpdateSet({ ratings_json: JSON.stringify(ratings), comment, updated_at: now }))
      .execute();
  }

  async reviews(answerIds: string[]): Promise<Array<ReviewDto & { answerId: string }>> {
    if (answerIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('reviews')
      .innerJoin('users', 'users.id', 'reviews.reviewer_id')
      .select(['reviews.answer_id', 'reviews.reviewer_id', 'users.email', 'reviews.ratings_json', 'reviews.comment', 'reviews.updated_at'])
      .where('reviews.answer_id', 'in', answerIds)
      .orderBy('reviews.created_at')
      .execute();
    return rows.map((r) => ({ answerId: r.answer_id, reviewerId: r.reviewer_id, reviewer: r.email, ratings: JSON.parse(r.ratings_json) as Record<string, number>, comment: r.comment, updatedAt: r.updated_at }));
  }

  /** Of these candidates, the ones this reviewer has rated at least one answer of (blind review). */
  async ratedBy(reviewerId: string, candidateIds: string[]): Promise<Set<string>> {
    if (candidateIds.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('reviews as r')
      .innerJoin('candidate_answers as ca', 'ca.answer_id', 'r.answer_id')
      .select('ca.candidate_id')
      .distinct()
      .where('r.reviewer_id', '=', reviewerId)
      .where('ca.candidate_id', 'in', candidateIds)
      .execute();
    return new Set(rows.map((r) => r.candidate_id));
  }

  async addComment(c: { answerId: string; userId: string; atSec: number; text: string }): Promise<string> {
    const id = randomUUID();
    await this.db.insertInto('review_comments').values({ id, answer_id: c.answerId, user_id: c.userId, at_sec: c.atSec, text: c.text, created_at: new Date().toISOString() }).execute();
    return id;
  }

  async comments(answerIds: string[]): Promise<Array<{ answerId: string; id: string; atSec: number; text: string; by: string; at: string }>> {
    if (answerIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('review_comments as c')
      .innerJoin('users', 'users.id', 'c.user_id')
      .select(['c.id', 'c.answer_id', 'c.at_sec', 'c.text', 'users.email', 'c.created_at'])
      .where('c.answer_id', 'in', answerIds)
      .orderBy('c.at_sec')
      .orderBy('c.created_at')
      .execute();
    return rows.map((r) => ({ answerId: r.answer_id, id: r.id, atSec: r.at_sec, text: r.text, by: r.email, at: r.created_at }));
  }

  async addOverride(o: { answerId: string; metric: string; originalValue: number | null; value: number; reason: string; userId: string }): Promise<void> {
    await this.db
      .insertInto('score_overrides')
      .values({ id: randomUUID(), answer_id: o.answerId, metric: o.metric, original_value: o.originalValue, value: o.value, reason: o.reason, user_id: o.userId, created_at: new Date().toISOString() })
      .execute();
  }

  /** Every override, oldest first (the last one per metric is in force). */
  async overrides(answerIds: string[]): Promise<Array<OverrideDto & { answerId: string }>> {
    if (answerIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('score_overrides as o')
      .innerJoin('users', 'users.id', 'o.user_id')
      .select(['o.answer_id', 'o.metric', 'o.original_value', 'o.value', 'o.reason', 'users.email', 'o.created_at'])
      .where('o.answer_id', 'in', answerIds)
      .orderBy('o.created_at')
      .orderBy('o.id')
      .execute();
    return rows.map((r) => ({ answerId: r.answer_id, metric: r.metric, originalValue: r.original_value, value: r.value, reason: r.reason, by: r.email, at: r.created_at }));
  }
}

/** Latest override value per metric. */
export function overridesInForce(list: OverrideDto[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of list) out[o.metric] = o.value;
  return out;
}
