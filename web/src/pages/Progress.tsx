/** /progress: each measure over the owner's analysed answers, with the reference band, first/last/best, per question and category. */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { ProgressMeasure } from '../../../contracts/progress';
import { progressQuery } from '../api';
import { ErrorBox } from '../components/ErrorBox';
import { ProgressChart } from '../components/ProgressChart';
import { messageOf } from '../lib/http';

const num = (m: ProgressMeasure, v: number | null): string => {
  if (v === null) return '—';
  const digits = m.id === 'pitchVariation' ? 3 : m.id === 'fillersPerMin' ? 1 : 0;
  const s = v.toFixed(digits);
  return m.unit === '% of time' ? `${s}%` : m.unit === 'wpm' ? `${s} wpm` : m.unit === '/100' ? `${s}/100` : m.unit === '/min' ? `${s}/min` : s;
};

function bandText(m: ProgressMeasure): string {
  const b = m.band;
  if (!b) return 'No published reference band.';
  const range = b.min !== null && b.max !== null ? `${num(m, b.min)} to ${num(m, b.max)}` : b.min !== null ? `at least ${num(m, b.min)}` : `at most ${num(m, b.max)}`;
  return `Reference band (shaded): ${range}; ${b.source}.`;
}

export function ProgressPage() {
  const progress = useQuery(progressQuery);
  const p = progress.data;
  return (
    <div className="progress-page">
      <h1 tabIndex={-1}>Your progress</h1>
      {progress.error ? <ErrorBox message={messageOf(progress.error)} /> : null}
      {!p && !progress.error ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : null}
      {p && p.answers === 0 ? (
        <div className="card">
          <p>No analysed answers yet: progress appears after your first report.</p>
          <Link className="btn primary" to="/interview">
            Record an answer
          </Link>
        </div>
      ) : null}
      {p && p.answers > 0 ? (
        <>
          <p className="muted">
            From your {p.answers} analysed answer{p.answers === 1 ? '' : 's'}. Every figure comes from the reports; an answer where a measure could not be made is left out of that chart.
          </p>
          <div className="progress-notes">
            <section className="card" aria-labelledby="improved-h" data-testid="improved">
              <h2 id="improved-h">What improved</h2>
              {p.improved.length ? (
                <ul>
                  {p.improved.map((n) => (
                    <li key={n.measureId}>{n.text}</li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{p.answers < 2 ? 'Record another answer to compare.' : 'No measure moved clearly the right way between your first and last answer.'}</p>
              )}
            </section>
            <section className="card" aria-labelledby="next-h" data-testid="next">
              <h2 id="next-h">What to work on next</h2>
              {p.next.length ? (
                <ul>
                  {p.next.map((n) => (
                    <li key={n.measureId}>{n.text}</li>
                  ))}
                </ul>
              ) : (
                <p className="muted">Your last answer is inside every reference band and nothing got worse.</p>
              )}
            </section>
          </div>
          <h2>Measures over time</h2>
          <div className="progress-charts">
            {p.measures
              .filter((m) => m.points.length > 0)
              .map((m) => (
                <div key={m.id}>
                  <ProgressChart
                    measure={m}
                    summary={`First ${num(m, m.first)}, last ${num(m, m.last)}, best ${num(m, m.best)}. ${bandText(m)}${m.unmeasured ? ` Not measured in ${m.unmeasured} answer(s).` : ''}`}
                  />
                </div>
              ))}
          </div>
          <h2>First, last and best</h2>
          <div className="card">
            <table className="figures" data-testid="progress-table">
              <thead>
                <tr>
                  <th scope="col">Measure</th>
                  <th scope="col">First</th>
                  <th scope="col">Last</th>
                  <th scope="col">Best</th>
                  <th scope="col">Answers</th>
                </tr>
              </thead>
              <tbody>
                {p.measures.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">{m.label}</th>
                    <td>{num(m, m.first)}</td>
                    <td>{num(m, m.last)}</td>
                    <td>{num(m, m.best)}</td>
                    <td>{m.points.length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>By category and question (mean of your answers)</h2>
          <div className="card">
            <table className="figures">
              <thead>
                <tr>
                  <th scope="col">Measure</th>
                  <th scope="col">Per category</th>
                  <th scope="col">Per question</th>
                </tr>
              </thead>
              <tbody>
                {p.measures
                  .filter((m) => m.points.length > 0)
                  .map((m) => (
                    <tr key={m.id}>
                      <th scope="row">{m.label}</th>
                      <td>{m.byCategory.map((c) => `${c.category}: ${num(m, c.mean)} (${c.n})`).join('; ')}</td>
                      <td>{m.byQuestion.map((q) => `“${q.questionText}”: ${num(m, q.mean)} (${q.n})`).join('; ')}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  );
}
