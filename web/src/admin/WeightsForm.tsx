import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Weights } from '../../../contracts/interviews';
import { METRIC_LABELS, SCORE_NAMES } from '../../../contracts/scores';
import { ErrorBox } from '../components/ErrorBox';
import { messageOf } from '../lib/http';
import { adminApi, adminKeys } from './api';

/** Scores in the automated summary: every score but Confidence, which re-counts the others (docs/scoring.md, Ranking). */
const SUMMARY = SCORE_NAMES.filter((m) => m !== 'confidence');

/** The weights of the automated summary for this interview (0 leaves a score out). They never change the rank. */
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
      <h2>Weights of the automated summary</h2>
      <p className="muted small">The rank comes from the reviewers only; these weights change the automated summary shown beside it. Confidence is not in the summary.</p>
      <form className="admin-row admin-form" onSubmit={submit}>
        {SUMMARY.map((m) => (
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
