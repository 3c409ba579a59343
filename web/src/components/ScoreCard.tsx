import { useId, useState } from 'react';
import type { Score } from '../../../contracts/report';

/** One score (0-100 or not measured) with a button that opens its evidence and tip. */
export function ScoreCard({ label, score, method }: { label: string; score: Score | undefined; method?: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const value = score?.value ?? null;
  const evidence = score?.evidence ?? [];
  // For an unmeasured score the first evidence line is the reason, already shown on the card.
  const details = value === null ? evidence.slice(1) : evidence;
  return (
    <article className={`card score-card${value === null ? ' unmeasured' : ''}`} data-testid="score-card">
      <h3>{label}</h3>
      {value === null ? (
        <>
          <p className="score-value na">not measured</p>
          <p className="muted small">{evidence[0] ?? 'The recording did not contain what this score needs.'}</p>
        </>
      ) : (
        <>
          <p className="score-value">
            {Math.round(value)}
            <span className="out-of">/100</span>
          </p>
          <div className="score-bar" aria-hidden="true">
            <div style={{ width: `${Math.round(value)}%` }} />
          </div>
        </>
      )}
      <button type="button" className="btn link" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {open ? 'Hide' : 'Show'} {details.length > 0 ? 'evidence and tip' : 'tip'}
      </button>
      <div id={id} className="score-details" hidden={!open}>
        {details.length > 0 ? (
          <ul className="evidence">
            {details.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one report, shown in order; never reordered, and two lines may read the same
              <li key={i}>{e}</li>
            ))}
          </ul>
        ) : value !== null ? (
          <p className="muted small">No measurements recorded.</p>
        ) : null}
        {score?.tip ? (
          <p className="tip">
            <strong>Tip:</strong> {score.tip}
          </p>
        ) : null}
        {method ? (
          <p className="muted small method">
            <strong>How it is measured:</strong> {method}
          </p>
        ) : null}
      </div>
    </article>
  );
}
