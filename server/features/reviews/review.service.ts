/** Reviewers rate answers on a rubric, comment, and may override an automated score (recorded, original kept). */
import type { Report } from '../../analysis/report.js';
import type { Container } from '../../container.js';
import { badRequest, notFound } from '../../http/errors.js';
import type { Actor, AuditLog } from '../audit/audit.repository.js';
import type { CandidateService } from '../candidates/candidate.service.js';
import { toCandidateDto } from '../candidates/candidate.repository.js';
import { DEFAULT_RUBRIC } from '../../../contracts/rubric.js';
import { type InterviewRepository, rubricOf } from '../interviews/interview.repository.js';
import { toInviteDto } from '../invites/invite.repository.js';
import { type ReviewerRatings, reviewSummary } from '../leaderboard/ranking.js';
import { AUTO_METRICS, RUBRIC } from '../leaderboard/weights.js';
import { type ReviewRepository, overridesInForce } from './review.repository.js';

export class ReviewService {
  constructor(
    private readonly c: Container,
    private readonly repo: ReviewRepository,
    private readonly interviews: InterviewRepository,
    private readonly candidates: CandidateService,
    private readonly audit: AuditLog,
  ) {}

  async ownAnswerOrThrow(interviewId: string, candidateId: string, answerId: string) {
    await this.candidates.row(interviewId, candidateId);
    const link = await this.repo.candidateAnswer(interviewId, candidateId, answerId);
    if (!link) throw notFound('ANSWER_NOT_FOUND', 'This answer does not belong to this candidate of this interview.');
    return link;
  }

  async rate(actor: Actor, interviewId: string, candidateId: string, answerId: string, ratings: Record<string, number>, comment: string): Promise<void> {
    const link = await this.ownAnswerOrThrow(interviewId, candidateId, answerId);
    const question = (await this.interviews.questions(interviewId)).find((q) => q.question_id === link.question_id);
    const keys = (question ? rubricOf(question) : DEFAULT_RUBRIC).map((c) => c.key);
    const unknown = Object.keys(ratings).filter((k) => !keys.includes(k));
    if (unknown.length > 0) throw badRequest('UNKNOWN_CRITERION', `Unknown rubric criteria: ${unknown.join(', ')} (this question's rubric: ${keys.join(', ')}).`);
    await this.repo.upsertReview(answerId, actor.id, ratings, comment);
    await this.audit.record(actor, 'answer.review', 'answer', answerId, { candidateId, ratings });
  }

  async override(actor: Actor, interviewId: string, candidateId: string, answerId: string, metric: string, value: number, reason: string): Promise<void> {
    await this.ownAnswerOrThrow(interviewId, candidateId, answerId);
    if (!(AUTO_METRICS as readonly string[]).includes(metric)) throw badRequest('UNKNOWN_METRIC', `Unknown score "${metric}" (use ${AUTO_METRICS.join(', ')}).`);
    const answer = await this.c.answers.get(answerId);
    const original = (answer.report?.scores as Record<string, { value: number | null }> | undefined)?.[metric]?.value ?? null;
    await this.repo.addOverride({ answerId, metric, originalValue: original, value, reason, userId: actor.id });
    await this.audit.record(actor, 'answer.override', 'answer', answerId, { candidateId, metric, from: original, to: value, reason });
  }

  /**
   * Blind review in lists: for a reviewer, candidates they have not rated yet are shown without name, email or
   * group (the same mask as the workspace). Admins see everyone.
   */
  async maskUnrated<T extends { id: string; name: string; email: string; group: string | null }>(viewer: { id: string; role: string }, candidates: T[]): Promise<T[]> {
    if (viewer.role !== 'reviewer') return candidates;
    const rated = await this.repo.ratedBy(
      viewer.id,
      candidates.map((c) => c.id),
    );
    return candidates.map((c) => (rated.has(c.id) ? c : blindCandidate(c)));
  }

  async comment(actor: Actor, interviewId: string, candidateId: string, answerId: string, atSec: number, text: string) {
    await this.ownAnswerOrThrow(interviewId, candidateId, answerId);
    const id = await this.repo.addComment({ answerId, userId: actor.id, atSec, text });
    await this.audit.record(actor, 'answer.comment', 'answer', answerId, { candidateId, atSec });
    return (await this.repo.comments([answerId])).find((c) => c.id === id)!;
  }

  /**
   * Everything a reviewer sees about one candidate: answers in question order with reports, ratings, comments,
   * overrides. A reviewer who has not rated yet sees it blind (no name, email, group or others' ratings).
   */
  async detail(interviewId: string, candidateId: string, viewer: { id: string; email: string; role: string }) {
    const candidate = await this.candidates.row(interviewId, candidateId);
    const questions = await this.interviews.questions(interviewId);
    const links = await this.repo.candidateAnswers([candidateId]);
    const answerIds = links.map((l) => l.answer_id);
    const [allReviews, overrides, comments] = await Promise.all([this.repo.reviews(answerIds), this.repo.overrides(answerIds), this.repo.comments(answerIds)]);
    const blind = viewer.role === 'reviewer' && !allReviews.some((r) => r.reviewerId === viewer.id);
    const reviews = blind ? [] : allReviews;
    const answers = await Promise.all(
      questions.map(async (q) => {
        const link = links.find((l) => l.question_id === q.question_id);
        if (!link) return { questionId: q.question_id, questionText: q.text, position: q.position, rubric: rubricOf(q), answer: null, reviews: [], overrides: [], comments: [], scoresInForce: {} };
        const answer = await this.c.answers.get(link.answer_id);
        const own = overrides.filter((o) => o.answerId === link.answer_id);
        return {
          questionId: q.question_id,
          questionText: q.text,
          position: q.position,
          rubric: rubricOf(q),
          answer: { ...answer, videoUrl: `/api/admin/interviews/${interviewId}/candidates/${candidateId}/answers/${answer.id}/video` },
          reviews: reviews.filter((r) => r.answerId === link.answer_id),
          overrides: own,
          comments: comments.filter((c) => c.answerId === link.answer_id && (!blind || c.by === viewer.email)).map(({ answerId: _, ...c }) => c),
          scoresInForce: scoresInForce(answer.report, overridesInForce(own)),
        };
      }),
    );
    const invites = (await this.candidates.invites(candidateId)).map(toInviteDto);
    const byReviewer = new Map<string, ReviewerRatings>();
    for (const r of reviews) {
      const slot = byReviewer.get(r.reviewerId) ?? byReviewer.set(r.reviewerId, { reviewerId: r.reviewerId, reviewer: r.reviewer, ratings: [] }).get(r.reviewerId)!;
      slot.ratings.push(...Object.values(r.ratings));
    }
    const dto = toCandidateDto(candidate);
    const shown = blind ? blindCandidate(dto) : dto;
    return { candidate: shown, invites, decisions: await this.candidates.decisions(candidateId), answers, rubric: [...RUBRIC], blind, reviewSummary: reviewSummary([...byReviewer.values()]) };
  }
}

/** What a reviewer sees of a candidate before rating them. */
export function blindCandidate<T extends { id: string; name: string; email: string; group: string | null }>(c: T): T {
  return { ...c, name: `Candidate ${c.id.slice(0, 6)}`, email: 'hidden until you have rated', group: null };
}

function scoresInForce(report: Report | null, overrides: Record<string, number>): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const m of AUTO_METRICS) out[m] = overrides[m] ?? (report?.scores as Record<string, { value: number | null }> | undefined)?.[m]?.value ?? null;
  return out;
}
