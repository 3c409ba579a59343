import { percent } from '../lib/labels';

/** A labelled progress bar (fraction 0..1). */
export function ProgressBar({ label, fraction, detail }: { label: string; fraction: number; detail?: string }) {
  const pct = percent(fraction);
  return (
    <div className="progress">
      <div className="progress-head">
        <span>{label}</span>
        <span className="progress-pct">{detail ?? `${pct}%`}</span>
      </div>
      <div className="progress-track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
