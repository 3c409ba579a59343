/** The per-interview leaderboard: metrics, weighted totals with their terms, ranks, CSV export, fairness. */
import type { LeaderboardQuery, LeaderboardRow } from '../../../contracts/leaderboard.js';
import type { Report } from '../../analysis/report.js';
import type { CandidateStatus } from '../../db/schema-hiring.js';
import type { CandidateService } from '../candidates/candidate.service.js';
import { toCsv } from '../candidates/csv.js';
import type { InterviewService } from '../interviews/interview.service.js';
import { overridesInForce, type ReviewRepository } from '../reviews/review.repository.js';
import { type FairnessReport, fairnessReport } from './fairness.js';
import { type AnswerInput, band, candidateMetrics, weightedTotal } from './score.js';
import { AUTO_METRICS, METRICS, type Weights } from './weights.js';

export type { LeaderboardQuery, LeaderboardRow };

/** Ranks by total, highest first; candidates without a total come last and have no rank. */
export function rankRows<T extends { total: number | null; rank: number | null; candidate: { name: string } }>(rows: T[]): T[] {
  const sorted = [...rows].sort((a, b) => (b.total ?? -1) - (a.total ?? -1) || a.candidate.name.localeCompare(b.candidate.name));
  let rank = 0;
  let prev: number | null = null;
  sorted.forEach((r, i) => {
    if (r.total === null) r.rank = null;
    else {
      if (r.total !== prev) rank = i + 1; // ties share a rank
      prev = r.total;
      r.rank = rank;
    }
  });
  return sorted;
}

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
  ) {}

  /** `showGroup`: the fairness group is for admins only; reviewers get null (issue 11). */
  async rows(interviewId: string, q: LeaderboardQuery = {}, showGroup = false): Promise<{ weights: Weights; rows: LeaderboardRow[]; questions: number }> {
    const interview = await this.interviews.get(interviewId);
    const candidates = await this.candidates.list(interviewId, { status: q.status, tag: q.tag });
    const links = await this.reviews.candidateAnswers(candidates.map((c) => c.id));
    const answerIds = links.map((l) => l.answer_id);
    const [reviews, overrides] = await Promise.all([this.reviews.reviews(answerIds), this.reviews.overrides(answerIds)]);
    const rows = candidates.map((c): LeaderboardRow => {
      const own = links.filter((l) => l.candidate_id === c.id);
      const inputs: AnswerInput[] = own.map((l) => ({
        scores: l.status === 'done' && l.report_json ? scoreValues(JSON.parse(l.report_json) as Report) : {},
        overrides: overridesInForce(overrides.filter((o) => o.answerId === l.answer_id)),
        ratings: reviews.filter((r) => r.answerId === l.answer_id).flatMap((r) => Object.values(r.ratings)),
      }));
      const metrics = candidateMetrics(inputs);
      const total = weightedTotal(metrics, interview.weights);
      return {
        rank: null,
        candidate: { id: c.id, name: c.name, email: c.email, status: c.status, tags: c.tags, group: showGroup ? c.group : null },
        answered: own.length,
        analysed: own.filter((l) => l.status === 'done').length,
        metrics,
        ...total,
        band: band(total.total),
      };
    });
    return { weights: interview.weights, rows: sortRows(rankRows(rows), q.sort, q.dir), questions: interview.questions.length };
  }

  /** The group column only for admins (`showGroup`). */
  async csv(interviewId: string, q: LeaderboardQuery = {}, showGroup = false): Promise<string> {
    const { rows } = await this.rows(interviewId, q, showGroup);
    const header = ['rank', 'name', 'email', 'status', 'tags', ...(showGroup ? ['group'] : []), 'total', ...METRICS, 'missing', 'answered'];
    return toCsv(
      header,
      rows.map((r) => [r.rank, r.candidate.name, r.candidate.email, r.candidate.status, r.candidate.tags.join(';'), ...(showGroup ? [r.candidate.group] : []), r.total, ...METRICS.map((m) => r.metrics[m]), r.missing.join(';'), r.answered]),
    );
  }

  /** Who was assessed: candidates who finished or got a decision. Selected: the statuses named (default shortlisted, hired). */
  async fairness(interviewId: string, selected: CandidateStatus[] = ['shortlisted', 'hired'], minGroupSize = 5): Promise<FairnessReport & { selectedStatuses: CandidateStatus[]; assessedStatuses: CandidateStatus[] }> {
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
