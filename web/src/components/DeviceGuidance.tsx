import { mediaErrorGuidance } from '../lib/mediaErrors';

/** What to do when the camera or microphone cannot be used. */
export function DeviceGuidance({ name, message, onRetry }: { name: string; message: string; onRetry: () => void }) {
  const g = mediaErrorGuidance(name, message);
  return (
    <div className="error-box" role="alert" data-testid="device-error">
      <p className="error-title">{g.title}</p>
      <ol className="steps">
        {g.steps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      <p className="muted small">Technical detail: {name}</p>
      <div className="actions">
        <button type="button" className="btn" onClick={onRetry}>
          Try again
        </button>
      </div>
    </div>
  );
}
