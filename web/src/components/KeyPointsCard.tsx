import { useId, useState } from 'react';

/** The key points of the answer, collapsible like the score cards. */
export function KeyPointsCard({ points, emptyReason }: { points: string[]; emptyReason?: string | undefined }) {
  const [open, setOpen] = useState(true);
  const id = useId();
  return (
    <article className="card score-card key-points" data-testid="key-points">
      <h3>Key points</h3>
      <p className="muted small">{points.length === 0 ? (emptyReason ?? 'No key points were extracted.') : `${points.length} point${points.length === 1 ? '' : 's'}`}</p>
      {points.length > 0 ? (
        <>
          <button type="button" className="btn link" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
            {open ? 'Hide' : 'Show'} key points
          </button>
          <ul id={id} className="evidence score-details" hidden={!open}>
            {points.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one report, shown in order; never reordered, and two lines may read the same
              <li key={i}>{p}</li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}
