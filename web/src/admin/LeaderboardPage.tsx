import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { LeaderboardRow } from '../../../contracts/leaderboard';
import { LEADERBOARD_SORTS, type LeaderboardSort, METRIC_LABELS, SCORE_NAMES } from '../../../contracts/scores';
import { CANDIDATE_STATUSES } from '../../../contracts/statuses';
import { ErrorBox } from '../components/ErrorBox';
import { messageOf } from '../lib/http';
import { useParam } from '../lib/params';
import { useMe } from './AdminLayout';
import { adminApi, adminQueries } from './api';
import { Compare } from './Compare';
import { DecisionForm } from './DecisionForm';
import { explainAutomated, metricLabel } from './explain';
import { WeightsForm } from './WeightsForm';

type Dir = 'asc' | 'desc';
const naturalDir = (k: LeaderboardSort): Dir => (k === 'rank' || k === 'name' || k === 'status' ? 'asc' : 'desc');
const isSort = (s: string | null): s is LeaderboardSort => (LEADERBOARD_SORTS as readonly string[]).includes(s ?? '');

/** The filters and the sort live in the URL (?status=&tag=&sort=&dir=): a filtered view can be bookmarked and shared. */
function useLeaderboardParams() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const tag = params.get('tag') ?? '';
  const rawSort = params.get('sort');
  const sort: LeaderboardSort = isSort(rawSort) ? rawSort : 'rank';
  const dir: Dir = params.get('dir') === 'asc' || params.get('dir') === 'desc' ? (params.get('dir') as Dir) : naturalDir(sort);
  const set = (patch: Record<string, string>): void =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  /** The query the server gets (and the CSV export). */
  const query = new URLSearchParams({ sort, dir, ...(status ? { status } : {}), ...(tag ? { tag } : {}) });
  return { status, tag, sort, dir, set, query };
}

export function LeaderboardPage() {
  const id = useParam('id');
  const me = useMe();
  const { status, tag, sort, dir, set, query } = useLeaderboardParams();
  const [picked, setPicked] = useState<string[]>([]);
  const board = useQuery(adminQueries.leaderboard(id, query));
  const rows = board.data?.rows ?? [];
  const sortBy = (k: LeaderboardSort): void => set({ sort: k, dir: k === sort ? (dir === 'asc' ? 'desc' : 'asc') : naturalDir(k) });
  const th = (k: LeaderboardSort, label: string) => (
    <th key={k} aria-sort={sort === k ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'} className={k === 'name' || k === 'status' ? '' : 'num'}>
      <button type="button" onClick={() => sortBy(k)}>
        {label}
        {sort === k ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
  const toggle = (cid: string): void => setPicked((p) => (p.includes(cid) ? p.filter((x) => x !== cid) : [...p, cid]));
  const compared: LeaderboardRow[] = rows.filter((r) => picked.includes(r.candidate.id));
  // Sorted by rank, the groups are shown apart; sorted by another column, one list.
  const groups: Array<[string, string, LeaderboardRow[]]> =
    sort === 'rank'
      ? [
          ['reviewed', 'Reviewed: ranked by the reviewers\u2019 scores', rows.filter((r) => r.reviewGroup === 'reviewed')],
          ['not_reviewed', 'Not yet reviewed: no rank', rows.filter((r) => r.reviewGroup === 'not_reviewed')],
        ]
      : [['all', `All candidates, sorted by ${sort}`, rows]];
  return (
    <>
      <h1 tabIndex={-1}>Leaderboard</h1>
      <p className="muted">
        Advice for people, not a decision. <Link to={`/admin/interviews/${id}`}>Back to the interview</Link>
      </p>
      {board.data ? (
        <p className="card formula" data-testid="formula">
          <strong>How the rank is made.</strong> {board.data.formula}
        </p>
      ) : null}
      <div className="admin-row admin-form">
        <label>
          Status
          <select value={status} onChange={(e) => set({ status: e.target.value })}>
            <option value="">all</option>
            {CANDIDATE_STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Tag <input value={tag} onChange={(e) => set({ tag: e.target.value })} />
        </label>
        <a className="btn secondary" href={adminApi.leaderboardCsvUrl(id, query)} download data-testid="csv-export">
          Export CSV
        </a>
      </div>
      {board.error ? <ErrorBox message={messageOf(board.error)} /> : null}
      <table className="admin-table" data-testid="leaderboard">
        <thead>
          <tr>
            <th>Pick</th>
            {th('rank', 'Rank')}
            {th('name', 'Candidate')}
            {th('status', 'Status')}
            {th('rating', 'Reviewer score (1-5)')}
            <th className="num">Spread</th>
            <th className="num">Automated summary</th>
            {SCORE_NAMES.map((m) => th(m, METRIC_LABELS[m]))}
          </tr>
        </thead>
        {groups.map(([group, label, list]) =>
          list.length === 0 ? null : (
            <tbody key={group} data-testid={`group-${group}`}>
              <tr className="group-head">
                <th colSpan={7 + SCORE_NAMES.length} scope="rowgroup">
                  {label} ({list.length})
                </th>
              </tr>
              {list.map((r) => (
                <tr key={r.candidate.id} className={`band-${r.band}`} data-testid="leaderboard-row">
                  <td>
                    <input type="checkbox" aria-label={`Pick ${r.candidate.name}`} checked={picked.includes(r.candidate.id)} onChange={() => toggle(r.candidate.id)} />
                  </td>
                  <td className="num" data-testid="rank">
                    {r.rank ?? '-'}
                  </td>
                  <td>
                    <Link to={`/admin/interviews/${id}/candidates/${r.candidate.id}`}>{r.candidate.name}</Link>
                    <div className="terms" data-testid="explanation">
                      {r.explanation}
                    </div>
                  </td>
                  <td>{r.candidate.status}</td>
                  <td className="num" data-testid="review-average">
                    <strong>{r.review.average?.toFixed(2) ?? 'not yet reviewed'}</strong>
                    {r.review.reviewers.length ? (
                      <div className="small muted">
                        {r.review.reviewers.length} reviewer{r.review.reviewers.length === 1 ? '' : 's'}
                      </div>
                    ) : null}
                  </td>
                  <td className="num">{r.review.spread?.toFixed(2) ?? '-'}</td>
                  <td className="num" title={explainAutomated(r.automated, metricLabel)}>
                    {r.automated.summary ?? <span className="flag">n/m</span>}
                    <div className="terms">{explainAutomated(r.automated, metricLabel)}</div>
                    {r.automated.missing.length ? <div className="flag">Not measured: {r.automated.missing.map((m) => METRIC_LABELS[m]).join(', ')}</div> : null}
                  </td>
                  {SCORE_NAMES.map((m) => (
                    <td key={m} className="num">
                      {r.metrics[m] ?? <span className="flag">n/m</span>}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          ),
        )}
      </table>
      <p className="muted small">
        Row colours follow the reviewer score: 4 and above green, 3-3.99 amber, below 3 red, grey when not yet reviewed. Automated scores are 0-100; n/m = not measured (never counted as 0). Confidence
        is shown but left out of the automated summary: it is built from speech rate, voice, eye contact and posture.
      </p>
      {me.role === 'admin' ? (
        <section className="card">
          <h2>Decide for the picked candidates ({picked.length})</h2>
          <DecisionForm interviewId={id} candidateIds={picked} onDone={() => setPicked([])} />
        </section>
      ) : null}
      {compared.length >= 2 && compared.length <= 3 ? (
        <Compare interviewId={id} rows={compared} />
      ) : picked.length > 3 ? (
        <p className="muted">Pick two or three candidates to compare them side by side.</p>
      ) : null}
      {me.role === 'admin' && board.data ? <WeightsForm interviewId={id} weights={board.data.weights} /> : null}
    </>
  );
}
