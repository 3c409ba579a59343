import { type FormEvent, useState } from 'react';
import { ErrorBox } from '../components/ErrorBox';
import { adminApi } from './api';
import { type Metric, METRIC_LABELS, METRICS } from './types';
import { useAction } from './useAsync';

/** The weights of the total for this interview (0 leaves a metric out). */
export function WeightsForm({ interviewId, weights, onSaved }: { interviewId: string; weights: Record<string, number>; onSaved: () => void }) {
  const [w, setW] = useState<Record<string, number>>(weights);
  const action = useAction();
  const save = (e: FormEvent): void => {
    e.preventDefault();
    void action.run(async () => (await adminApi.updateInterview(interviewId, { weights: w as Record<Metric, number> }), onSaved()));
  };
  return (
    <section className="card">
      <h2>Weights</h2>
      <form className="admin-row admin-form" onSubmit={save}>
        {METRICS.map((m) => (
          <label key={m}>
            {METRIC_LABELS[m]}
            <input type="number" min={0} max={100} step={0.5} value={w[m] ?? 0} onChange={(e) => setW((x) => ({ ...x, [m]: Number(e.target.value) }))} />
          </label>
        ))}
        <button className="btn secondary" type="submit" disabled={action.busy}>
          Save weights
        </button>
      </form>
      {action.error ? <ErrorBox message={action.error} /> : null}
    </section>
  );
}
