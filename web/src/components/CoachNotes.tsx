import { field } from '../lib/extract';
import { ExtraSection } from './ExtraSection';

const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);

/**
 * The optional LLM coach's section (`report.coach`): always labelled as a model's opinion, shown after the measured
 * parts. A section in an unknown shape is shown as plain text.
 */
export function CoachNotes({ coach }: { coach: unknown }) {
  const tips = strings(field(coach, 'tips'));
  const followUps = strings(field(coach, 'followUpQuestions'));
  const keyPoints = strings(field(coach, 'keyPoints'));
  const rewrite = field(coach, 'rewrite');
  const model = field(coach, 'model');
  if (tips.length === 0 && typeof rewrite !== 'string') return <ExtraSection title="Coaching notes" value={coach} />;
  return (
    <section className="card extra coach" aria-label="Coaching notes" data-testid="coach">
      <h2>
        Coaching notes <span className="badge">model opinion</span>
      </h2>
      <p className="muted small">
        Written by an AI model{typeof model === 'string' ? ` (${model})` : ''}, not measured. Treat it as a second opinion; the measured figures above are the reference and are not changed by it.
      </p>
      {keyPoints.length ? (
        <>
          <h3>What the model heard</h3>
          <ul>
            {keyPoints.map((k) => (
              <li key={k}>{k}</li>
            ))}
          </ul>
        </>
      ) : null}
      {tips.length ? (
        <>
          <h3>Suggestions</h3>
          <ul>
            {tips.map((k) => (
              <li key={k}>{k}</li>
            ))}
          </ul>
        </>
      ) : null}
      {typeof rewrite === 'string' && rewrite ? (
        <>
          <h3>A possible rewrite</h3>
          <blockquote className="rewrite">{rewrite}</blockquote>
        </>
      ) : null}
      {followUps.length ? (
        <>
          <h3>Follow-up questions to prepare for</h3>
          <ul>
            {followUps.map((k) => (
              <li key={k}>{k}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
