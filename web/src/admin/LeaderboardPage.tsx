import { useState } from 'react';
import { Link } from '../components/Link';
import { ErrorBox } from '../components/ErrorBox';
import { adminApi } from './api';
import { Compare } from './Compare';
import { DecisionForm } from './DecisionForm';
import { explainTotal } from './explain';
import { type LeaderboardRow, type Me, type Metric, METRIC_LABELS, METRICS, type Status } from './types';
import { useAsync } from './useAsync';
import { WeightsForm } from './WeightsForm';

const STATUSES: Status[] = ['invited', 'in_progress', 'completed', 'shortlisted', 'rejected', 'hired'];
type SortKey = 'rank' | 'name' | 'status' | (typeof METRICS)[number];

export function LeaderboardPage({ id, me }: { id: string; me: Me }) {
  const [status, setStatus] = useState('');
  const [tag, setTag] = useState('');
  const [sort, setSort] = useState<SortKey>('rank');
  const [dir, setDir] = useState<'asc' | 'desc'>('asc');
  const [picked, setPicked] = useState<string[]>([]);
  const q = new URLSearchParams({ sort, dir, ...(status ? { status } : {}), ...(tag ? { tag } : {}) });
  const board = useAsync(() => adminApi.leaderboard(id, q), [id, q.toString()]);
  const rows = board.data?.rows ?? [];
  const sortBy = (k: SortKey): void => {
    const natural = k === 'rank' || k === 'name' || k === 'status' ? 'asc' : 'desc';
    setDir(k === sort ? (dir === 'asc' ? 'desc' : 'asc') : natural);
    setSort(k);
  };
  const th = (k: SortKey, label: string) => (
    <th aria-sort={sort === k ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'} className={k === 'name' || k === 'status' ? '' : 'num'}>
      <button type="button" onClick={() => sortBy(k)}>
        {label}
        {sort === k ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
  const toggle = (cid: string): void => setPicked((p) => (p.includes(cid) ? p.filter((x) => x !== cid) : [...p, cid]));
  const compared: LeaderboardRow[] = rows.filter((r) => picked.includes(r.candidate.id));
  return (
    <>
      <h1 tabIndex={-1}>Leaderboard</h1>
      <p className="muted">
        Totals are a weighted mean of the measured scores and reviewer ratings: advice for people, not a decision. Unmeasured scores are left out and flagged, never counted as 0.{' '}
        <Link href={`/admin/interviews/${id}`}>Back to the interview</Link>
      </p>
      <div className="admin-row admin-form">
        <label>
          Status
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">all</option>
            {STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Tag <input value={tag} onChange={(e) => setTag(e.target.value)} />
        </label>
        <a className="btn secondary" href={adminApi.leaderboardCsvUrl(id, q)} download data-testid="csv-export">
          Export CSV
        </a>
      </div>
      {board.error ? <ErrorBox message={board.error} /> : null}
      <table className="admin-table" data-testid="leaderboard">
        <thead>
          <tr>
            <th>Pick</th>
            {th('rank', 'Rank')}
            {th('name', 'Candidate')}
            {th('status', 'Status')}
            <th className="num">Total</th>
            {METRICS.map((m) => th(m, METRIC_LABELS[m]))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.candidate.id} className={`band-${r.band}`} data-testid="leaderboard-row">
              <td>
                <input type="checkbox" aria-label={`Pick ${r.candidate.name}`} checked={picked.includes(r.candidate.id)} onChange={() => toggle(r.candidate.id)} />
              </td>
              <td className="num">{r.rank ?? '-'}</td>
              <td>
                <Link href={`/admin/interviews/${id}/candidates/${r.candidate.id}`}>{r.candidate.name}</Link>
                <div className="terms">{explainTotal(r, (m) => METRIC_LABELS[m as Metric])}</div>
                {r.missing.length ? <div className="flag">Not measured: {r.missing.map((m) => METRIC_LABELS[m]).join(', ')}</div> : null}
              </td>
              <td>{r.candidate.status}</td>
              <td className="num" data-testid="total">
                <strong>{r.total ?? '-'}</strong>
              </td>
              {METRICS.map((m) => (
                <td key={m} className="num">
                  {r.metrics[m] ?? <span className="flag">n/m</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">Bands: 70 and above green, 50-69.9 amber, below 50 red, grey without a total.</p>
      {me.role === 'admin' ? (
        <section className="card">
          <h2>Decide for the picked candidates ({picked.length})</h2>
          <DecisionForm interviewId={id} candidateIds={picked} onDone={() => (setPicked([]), board.reload())} />
        </section>
      ) : null}
      {compared.length >= 2 && compared.length <= 3 ? <Compare rows={compared} /> : picked.length > 3 ? <p className="muted">Pick two or three candidates to compare them side by side.</p> : null}
      {me.role === 'admin' && board.data ? <WeightsForm interviewId={id} weights={board.data.weights} onSaved={board.reload} /> : null}
    </>
  );
}
