import type { Summary, SummaryItem } from '../../../contracts/report';
import { formatTime } from '../lib/time';

function Item({ item, onPlay }: { item: SummaryItem; onPlay: (t: number) => void }) {
  return (
    <li className="summary-item">
      <p className="summary-title">{item.title}</p>
      <p className="summary-value">{item.value}</p>
      <p className="muted small">{item.evidence}</p>
      <p className="tip">
        <strong>Tip:</strong> {item.tip}
      </p>
      {item.time !== null ? (
        <button type="button" className="btn link moment" onClick={() => onPlay(item.time as number)}>
          Play this moment ({formatTime(item.time)})<span className="sr-only">: {item.title}</span>
        </button>
      ) : null}
    </li>
  );
}

/** The first thing on the report: what went well and what to work on, each tied to a measurement and a moment. */
export function SummarySection({ summary, onPlay }: { summary: Summary; onPlay: (t: number) => void }) {
  return (
    <section className="card summary" aria-labelledby="summary-h" data-testid="summary">
      <h2 id="summary-h">Summary</h2>
      {summary.note ? <p className="muted small">{summary.note}</p> : null}
      <div className="summary-grid">
        <div>
          <h3 className="summary-kind good">What went well</h3>
          {summary.strengths.length ? (
            <ul className="summary-list" data-testid="strengths">
              {summary.strengths.map((s) => (
                <Item key={s.measurement} item={s} onPlay={onPlay} />
              ))}
            </ul>
          ) : (
            <p className="muted small">Nothing measured stood out as a strength this time.</p>
          )}
        </div>
        <div>
          <h3 className="summary-kind work">What to work on</h3>
          {summary.improvements.length ? (
            <ul className="summary-list" data-testid="improvements">
              {summary.improvements.map((s) => (
                <Item key={s.measurement} item={s} onPlay={onPlay} />
              ))}
            </ul>
          ) : (
            <p className="muted small">Nothing measured needs work in this answer.</p>
          )}
        </div>
      </div>
    </section>
  );
}
