/** The per-interview leaderboard: ranked by reviewer scores (ranking.ts), automated scores beside, CSV export, fairness. */
import type { Leaderboard, LeaderboardQuery, LeaderboardRow } from '../../../contracts/leaderboard.js';
import type { Report } from '../../analysis/report.js';
import type { CandidateStatus } from '../../db/schema-hiring.js';
import type { CandidateService } from '../candidates/candidate.service.js';
import { toCsv } from '../candidates/csv.js';
import type { InterviewService } from '../interviews/interview.service.js';
import { overridesInForce, type ReviewRepository } from '../reviews/review.repository.js';
import { type FairnessReport, fairnessCsvRows, fairnessReport } from './fairness.js';
import { automatedSummary, explainRank, RANKING_FORMULA, type ReviewerRatings, rankByReviews, reviewBand, reviewSummary } from './ranking.js';
import { type AnswerInput, candidateMetrics, ratingTo100 } from './score.js';
import { AUTO_METRICS, METRICS, RATING_METRIC } from './weights.js';

export type { LeaderboardQuery, LeaderboardRow };

type Shown = LeaderboardRow['candidate'];
export type Mask = (candidates: Shown[]) => Promise<Shown[]>;

export function sortRows(rows: LeaderboardRow[], sort: LeaderboardQuery['sort'] = 'rank', dir: 'asc' | 'desc' = sort === 'rank' || sort === 'name' || sort === 'status' ? 'asc' : 'desc'): LeaderboardRow[] {
  const key = (r: LeaderboardRow): number | string | null =>
    sort === 'rank' ? r.rank : sort === 'name' ? r.candidate.name.toLowerCase() : sort === 'status' ? r.candidate.status : r.metrics[sort];
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1; // nulls always last
    return (x < y ? -1 : x > y ? 1 : 0) * sign;
  });
}

export class LeaderboardService {
  constructor(
    private readonly interviews: InterviewService,
    private readonly candidates: CandidateService,
    private readonly reviews: ReviewRepository,
    /** FAIRNESS_MIN_GROUP */
    private readonly minGroupSize = 5,
  ) {}

  /** `mask`: blind review for the viewer (ReviewService.maskUnrated); identity only, the figures stay. */
  async rows(interviewId: string, q: LeaderboardQuery = {}, mask?: Mask): Promise<Leaderboard> {
    const interview = await this.interviews.get(interviewId);
    const candidates = await this.candidates.list(interviewId, { status: q.status, tag: q.tag });
    const links = await this.reviews.candidateAnswers(candidates.map((c) => c.id));
    const answerIds = links.map((l) => l.answer_id);
    const [reviews, overrides] = await Promise.all([this.reviews.reviews(answerIds), this.reviews.overrides(answerIds)]);
    const unranked = candidates.map((c) => {
      const own = links.filter((l) => l.candidate_id === c.id);
      const inputs: AnswerInput[] = own.map((l) => ({
        scores: l.status === 'done' && l.report_json ? scoreValues(JSON.parse(l.report_json) as Report) : {},
        overrides: overridesInForce(overrides.filter((o) => o.answerId === l.answer_id)),
        ratings: [],
      }));
      const ownReviews = reviews.filter((r) => own.some((l) => l.answer_id === r.answerId));
      const byReviewer = new Map<string, ReviewerRatings>();
      for (const r of ownReviews) {
        const slot = byReviewer.get(r.reviewerId) ?? byReviewer.set(r.reviewerId, { reviewerId: r.reviewerId, reviewer: r.reviewer, ratings: [] }).get(r.reviewerId)!;
        slot.ratings.push(...Object.values(r.ratings));
      }
      const review = reviewSummary([...byReviewer.values()]);
      const metrics = { ...candidateMetrics(inputs), [RATING_METRIC]: review.average === null ? null : Math.round(ratingTo100(review.average) * 10) / 10 };
      return {
        candidate: { id: c.id, name: c.name, email: c.email, status: c.status, tags: c.tags, group: c.group },
        answered: own.length,
        analysed: own.filter((l) => l.status === 'done').length,
        metrics,
        review,
        automated: automatedSummary(metrics, interview.weights),
        explanation: explainRank(review),
        band: reviewBand(review.average),
      };
    });
    const ranked = rankByReviews(unranked);
    if (mask) {
      const shown = await mask(ranked.map((r) => r.candidate));
      ranked.forEach((r, i) => {
        r.candidate = shown[i]!;
      });
    }
    return { formula: RANKING_FORMULA, weights: interview.weights, rows: sortRows(ranked, q.sort, q.dir), questions: interview.questions.length };
  }

  /** `showGroup`: the fairness group column, for admins only (reviewers never see candidates' group). */
  async csv(interviewId: string, q: LeaderboardQuery = {}, mask?: Mask, showGroup = false): Promise<string> {
    const { rows } = await this.rows(interviewId, q, mask);
    const header = ['rank', 'review_status', 'name', 'email', 'status', 'tags', ...(showGroup ? ['group'] : []), 'reviewer_average_1_5', 'reviewer_spread', 'reviewers', 'automated_summary_without_confidence', ...METRICS, 'not_measured', 'answered', 'explanation'];
    return toCsv(
      header,
      rows.map((r) => [
        r.rank,
        r.reviewGroup,
        r.candidate.name,
        r.candidate.email,
        r.candidate.status,
        r.candidate.tags.join(';'),
        ...(showGroup ? [r.candidate.group] : []),
        r.review.average,
        r.review.spread,
        r.review.reviewers.length,
        r.automated.summary,
        ...METRICS.map((m) => r.metrics[m]),
        r.automated.missing.join(';'),
        r.answered,
        r.explanation,
      ]),
    );
  }

  /** Who was assessed: candidates who finished or got a decision. Selected: the statuses named (default shortlisted, hired). */
  async fairness(interviewId: string, selected: CandidateStatus[] = ['shortlisted', 'hired'], minGroupSize = this.minGroupSize): Promise<FairnessReport & { selectedStatuses: CandidateStatus[]; assessedStatuses: CandidateStatus[] }> {
    await this.interviews.row(interviewId);
    const assessedStatuses: CandidateStatus[] = ['completed', 'shortlisted', 'rejected', 'hired'];
    const people = (await this.candidates.list(interviewId)).filter((c) => assessedStatuses.includes(c.status));
    return { ...fairnessReport(people.map((c) => ({ group: c.group, selected: selected.includes(c.status) })), minGroupSize), selectedStatuses: selected, assessedStatuses };
  }
}

function scoreValues(report: Report): Partial<Record<string, number | null>> {
  const out: Partial<Record<string, number | null>> = {};
  for (const m of AUTO_METRICS) out[m] = report.scores[m]?.value ?? null;
  return out;
}

/** The fairness report as CSV, with what was counted as assessed and selected. */
export function fairnessCsv(r: FairnessReport & { selectedStatuses: CandidateStatus[]; assessedStatuses: CandidateStatus[] }): string {
  const { header, rows } = fairnessCsvRows(r);
  const note = [`assessed = ${r.assessedStatuses.join('|')}; selected = ${r.selectedStatuses.join('|')}; groups under ${r.minGroupSize} are too few to judge`];
  return toCsv(header, [...rows, [], note]);
}
