import type { Report } from '../../../contracts/report';
import { speechFacts } from '../lib/facts';

/** Raw measurements at a glance (the numbers the scores are built from); a withheld figure says why. */
export function SpeechFacts({ report }: { report: Report }) {
  return (
    <section className="card" aria-labelledby="facts-h">
      <h2 id="facts-h">Measurements</h2>
      <dl className="facts">
        {speechFacts(report).map((f) => (
          <div key={f.label}>
            <dt>{f.label}</dt>
            <dd>
              {f.value}
              {f.note && <span className="muted small fact-note"> ({f.note})</span>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
