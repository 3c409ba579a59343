/** Renders an unknown JSON section (cloud / coach opinions) as readable text, never as HTML. */
function humanKey(k: string): string {
  const s = k.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function Value({ v, depth }: { v: unknown; depth: number }) {
  if (v == null) return <span className="muted">—</span>;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return <span>{String(v)}</span>;
  if (depth > 4) return <span className="muted">…</span>;
  if (Array.isArray(v)) {
    if (v.length === 0) return <span className="muted">none</span>;
    return (
      <ul>
        {v.slice(0, 50).map((x, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one report, shown in order; never reordered, and two lines may read the same
          <li key={i}>
            <Value v={x} depth={depth + 1} />
          </li>
        ))}
      </ul>
    );
  }
  if (typeof v === 'object') {
    return (
      <dl className="extra-dl">
        {Object.entries(v as Record<string, unknown>).map(([k, x]) => (
          <div key={k}>
            <dt>{humanKey(k)}</dt>
            <dd>
              <Value v={x} depth={depth + 1} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  return null;
}

export function ExtraSection({ title, value }: { title: string; value: unknown }) {
  return (
    <section className="card extra" aria-label={title}>
      <h2>
        {title} <span className="badge">model opinion</span>
      </h2>
      <p className="muted small">Written by an AI model, not measured. Treat it as a second opinion; the measured scores above are the reference.</p>
      <Value v={value} depth={0} />
    </section>
  );
}
