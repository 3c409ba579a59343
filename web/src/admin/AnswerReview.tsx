import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { CandidateAnswer } from '../../../contracts/reviews';
import { METRIC_LABELS, SCORE_NAMES, type ScoreName } from '../../../contracts/scores';
import { ErrorBox } from '../components/ErrorBox';
import { messageOf } from '../lib/http';
import { useMe } from './AdminLayout';
import { adminApi, adminKeys } from './api';
import { metricLabel } from './explain';

/** One answer: the video, the automated scores with their evidence and any overrides, and the rating form. */
export function AnswerReview({ interviewId, candidateId, item, rubric }: { interviewId: string; candidateId: string; item: CandidateAnswer; rubric: string[] }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const mine = item.reviews.find((r) => r.reviewerId === me.id);
  const [ratings, setRatings] = useState<Record<string, number>>(mine?.ratings ?? {});
  const [comment, setComment] = useState(mine?.comment ?? '');
  const [metric, setMetric] = useState<ScoreName>('clarity');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const a = item.answer;
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.interview(interviewId) });
  const review = useMutation({ mutationFn: (answerId: string) => adminApi.review(interviewId, candidateId, answerId, { ratings, comment }), onSuccess: refresh });
  const override = useMutation({
    mutationFn: (answerId: string) => adminApi.override(interviewId, candidateId, answerId, { metric, value: Number(value), reason }),
    onSuccess: () => {
      setValue('');
      setReason('');
      return refresh();
    },
  });
  const rate = (e: FormEvent): void => {
    e.preventDefault();
    if (a) review.mutate(a.id);
  };
  const submitOverride = (e: FormEvent): void => {
    e.preventDefault();
    if (a) override.mutate(a.id);
  };
  const busy = review.isPending || override.isPending;
  const error = review.error ?? override.error;
  return (
    <section className="card answer-block" data-testid="answer">
      <h2>
        {item.position + 1}. {item.questionText}
      </h2>
      {!a ? <p className="muted">Not answered yet.</p> : null}
      {a ? (
        <>
          {/* biome-ignore lint/a11y/useMediaCaption: a candidate's recording has no caption track; the transcript is in the report */}
          <video className="playback" src={a.videoUrl} controls preload="metadata" aria-label={`Answer to question ${item.position + 1}`} />
          <p className="muted small">
            Analysis: {a.status}
            {a.error ? ` (${a.error})` : ''}
          </p>
          <table className="admin-table">
            <thead>
              <tr>
                <th>Score</th>
                <th className="num">Automated</th>
                <th className="num">In force</th>
                <th>Evidence</th>
              </tr>
            </thead>
            <tbody>
              {SCORE_NAMES.map((m) => {
                const s = a.report?.scores[m];
                return (
                  <tr key={m}>
                    <td>{METRIC_LABELS[m]}</td>
                    <td className="num">{s?.value ?? <span className="flag">not measured</span>}</td>
                    <td className="num">{item.scoresInForce[m] ?? '-'}</td>
                    <td className="small">{s?.evidence.join(' · ')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {item.overrides.length ? (
            <ul className="small">
              {item.overrides.map((o) => (
                <li key={`${o.metric}-${o.at}`}>
                  {metricLabel(o.metric)}: {o.originalValue ?? 'not measured'} → {o.value} by {o.by} on {o.at.slice(0, 16).replace('T', ' ')} ({o.reason})
                </li>
              ))}
            </ul>
          ) : null}
          <p className="small">Reviews: {item.reviews.map(reviewLine).join('; ') || 'none yet'}</p>
          <form className="admin-row admin-form" onSubmit={rate} data-testid="rating-form">
            {rubric.map((c) => (
              <label key={c}>
                {c} (1-5)
                <select name={c} value={ratings[c] ?? ''} onChange={(e) => setRatings((r) => ({ ...r, [c]: Number(e.target.value) }))} required>
                  <option value="" disabled>
                    -
                  </option>
                  {[1, 2, 3, 4, 5].map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            <label>
              Comment <input name="comment" value={comment} onChange={(e) => setComment(e.target.value)} />
            </label>
            <button className="btn primary" type="submit" disabled={busy}>
              Save rating
            </button>
          </form>
          <form className="admin-row admin-form" onSubmit={submitOverride}>
            <label>
              Override score
              <select value={metric} onChange={(e) => setMetric(e.target.value as ScoreName)}>
                {SCORE_NAMES.map((m) => (
                  <option key={m} value={m}>
                    {METRIC_LABELS[m]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              New value (0-100) <input type="number" min={0} max={100} required value={value} onChange={(e) => setValue(e.target.value)} />
            </label>
            <label>
              Reason <input required value={reason} onChange={(e) => setReason(e.target.value)} />
            </label>
            <button className="btn secondary" type="submit" disabled={busy}>
              Override
            </button>
          </form>
          {error ? <ErrorBox message={messageOf(error)} /> : null}
        </>
      ) : null}
    </section>
  );
}

/** "rita@example.com: relevance 5, structure 4 (“clear”)" */
function reviewLine(r: CandidateAnswer['reviews'][number]): string {
  const ratings = Object.entries(r.ratings)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return `${r.reviewer}: ${ratings}${r.comment ? ` (“${r.comment}”)` : ''}`;
}
