import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Weights } from '../../../contracts/interviews';
import { METRIC_LABELS, METRICS } from '../../../contracts/scores';
import { ErrorBox } from '../components/ErrorBox';
import { messageOf } from '../lib/http';
import { adminApi, adminKeys } from './api';

/** The weights of the total for this interview (0 leaves a metric out). */
export function WeightsForm({ interviewId, weights }: { interviewId: string; weights: Weights }) {
  const queryClient = useQueryClient();
  const [w, setW] = useState<Weights>(weights);
  const save = useMutation({ mutationFn: () => adminApi.updateInterview(interviewId, { weights: w }), onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.interview(interviewId) }) });
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <section className="card">
      <h2>Weights</h2>
      <form className="admin-row admin-form" onSubmit={submit}>
        {METRICS.map((m) => (
          <label key={m}>
            {METRIC_LABELS[m]}
            <input type="number" min={0} max={100} step={0.5} value={w[m]} onChange={(e) => setW((x) => ({ ...x, [m]: Number(e.target.value) }))} />
          </label>
        ))}
        <button className="btn secondary" type="submit" disabled={save.isPending}>
          Save weights
        </button>
      </form>
      {save.error ? <ErrorBox message={messageOf(save.error)} /> : null}
    </section>
  );
}
