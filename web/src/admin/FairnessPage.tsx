import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { ErrorBox } from '../components/ErrorBox';
import { messageOf } from '../lib/http';
import { useParam } from '../lib/params';
import { adminApi, adminQueries } from './api';

const SELECTIONS = [
  ['shortlisted,hired', 'shortlisted or hired'],
  ['hired', 'hired'],
  ['shortlisted', 'shortlisted'],
] as const;

/** Selection rates and impact ratios by the candidates' group field (four-fifths rule, as in NYC LL144 audits). */
export function FairnessPage() {
  const id = useParam('id');
  const [params, setParams] = useSearchParams();
  const asked = params.get('selected');
  const selected = SELECTIONS.find(([value]) => value === asked)?.[0] ?? 'shortlisted,hired';
  const f = useQuery(adminQueries.fairness(id, selected));
  return (
    <>
      <h1 tabIndex={-1}>Fairness report</h1>
      <p className="muted">
        Groups come from the group field entered for each candidate; nothing is inferred. Selection rate = selected / assessed (candidates who finished or got a decision). Impact ratio = a group's
        rate / the highest rate; below 0.8 fails the four-fifths rule. Groups with fewer than {f.data?.minGroupSize ?? 5} people are too few to judge: their figures are shown, no alarm is raised.
        Viewing this page is not logged; exporting the CSV is. <Link to={`/admin/interviews/${id}`}>Back</Link>
      </p>
      <label>
        Counted as selected{' '}
        <select value={selected} onChange={(e) => setParams({ selected: e.target.value }, { replace: true })}>
          {SELECTIONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>{' '}
      <a className="btn secondary" href={adminApi.fairnessCsvUrl(id, selected)} download data-testid="fairness-csv">
        Export CSV
      </a>
      {f.error ? <ErrorBox message={messageOf(f.error)} /> : null}
      {f.data ? (
        <>
          <table className="admin-table" data-testid="fairness">
            <thead>
              <tr>
                <th>Group</th>
                <th className="num">Assessed</th>
                <th className="num">Selected</th>
                <th className="num">Selection rate</th>
                <th className="num">Impact ratio</th>
                <th>Flags</th>
              </tr>
            </thead>
            <tbody>
              {f.data.groups.map((g) => (
                <tr key={g.group}>
                  <td>{g.group}</td>
                  <td className="num">{g.assessed}</td>
                  <td className="num">{g.selected}</td>
                  <td className="num">{(g.selectionRate * 100).toFixed(1)}%</td>
                  <td className={`num ${g.belowFourFifths ? 'warn' : ''}`}>{g.impactRatio?.toFixed(2) ?? '-'}</td>
                  <td>
                    {g.belowFourFifths ? <span className="warn">below 0.8 </span> : null}
                    {g.smallGroup ? <span className="flag">too few to judge</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="small">
            Without a group: {f.data.unknown.assessed} assessed, {f.data.unknown.selected} selected.
          </p>
          <ul>
            {f.data.warnings.map((w) => (
              <li key={w} className="warn">
                {w}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
