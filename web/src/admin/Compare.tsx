import type { LeaderboardRow } from '../../../contracts/leaderboard';
import { METRIC_LABELS, METRICS } from '../../../contracts/scores';
import { explainAutomated, metricLabel } from './explain';

/** Two or three candidates side by side. */
export function Compare({ rows }: { rows: LeaderboardRow[] }) {
  return (
    <section className="card" aria-labelledby="compare-h" data-testid="compare">
      <h2 id="compare-h">Side by side</h2>
      <div className="compare">
        {rows.map((r) => (
          <div key={r.candidate.id} className={`card band-${r.band}`}>
            <h3>{r.candidate.name}</h3>
            <p>
              Reviewer score <strong>{r.review.average?.toFixed(2) ?? 'not yet reviewed'}</strong> · rank {r.rank ?? '-'} · {r.candidate.status}
            </p>
            <dl>
              {METRICS.map((m) => (
                <div key={m}>
                  <dt>{METRIC_LABELS[m]}</dt>
                  <dd>{r.metrics[m] ?? 'not measured'}</dd>
                </div>
              ))}
            </dl>
            <p className="terms">{r.explanation}</p>
            <p className="terms">Automated summary (not ranked): {explainAutomated(r.automated, metricLabel)}</p>
          </div>
        ))}
      </div>
    </section>
  );
}
