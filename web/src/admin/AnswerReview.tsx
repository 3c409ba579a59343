import { type FormEvent, useState } from 'react';
import { ErrorBox } from '../components/ErrorBox';
import { adminApi } from './api';
import { type CandidateAnswer, type Me, METRIC_LABELS, type Metric } from './types';
import { useAction } from './useAsync';

const AUTO = ['confidence', 'clarity', 'speechRate', 'voiceTone', 'eyeContact', 'bodyLanguage'] as const;

/** One answer: the video, the automated scores with their evidence and any overrides, and the rating form. */
export function AnswerReview({ interviewId, candidateId, item, rubric, me, onChange }: { interviewId: string; candidateId: string; item: CandidateAnswer; rubric: string[]; me: Me; onChange: () => void }) {
  const mine = item.reviews.find((r) => r.reviewerId === me.id);
  const [ratings, setRatings] = useState<Record<string, number>>(mine?.ratings ?? {});
  const [comment, setComment] = useState(mine?.comment ?? '');
  const [metric, setMetric] = useState<string>('clarity');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const action = useAction();
  const a = item.answer;
  const rate = (e: FormEvent): void => {
    e.preventDefault();
    if (a) void action.run(async () => (await adminApi.review(interviewId, candidateId, a.id, ratings, comment), onChange()));
  };
  const override = (e: FormEvent): void => {
    e.preventDefault();
    if (a) void action.run(async () => (await adminApi.override(interviewId, candidateId, a.id, metric, Number(value), reason), setValue(''), setReason(''), onChange()));
  };
  return (
    <section className="card answer-block" data-testid="answer">
      <h2>
        {item.position + 1}. {item.questionText}
      </h2>
      {!a ? <p className="muted">Not answered yet.</p> : null}
      {a ? (
        <>
          <video className="playback" src={a.videoUrl} controls preload="metadata" aria-label={`Answer to question ${item.position + 1}`} />
          <p className="muted small">Analysis: {a.status}{a.error ? ` (${a.error})` : ''}</p>
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
              {AUTO.map((m) => {
                const s = a.report?.scores[m];
                return (
                  <tr key={m}>
                    <td>{METRIC_LABELS[m as Metric]}</td>
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
              {item.overrides.map((o, i) => (
                <li key={i}>
                  {METRIC_LABELS[o.metric as Metric] ?? o.metric}: {o.originalValue ?? 'not measured'} → {o.value} by {o.by} on {o.at.slice(0, 16).replace('T', ' ')} ({o.reason})
                </li>
              ))}
            </ul>
          ) : null}
          <p className="small">
            Reviews:{' '}
            {item.reviews.map((r) => `${r.reviewer}: ${Object.entries(r.ratings).map(([k, v]) => `${k} ${v}`).join(', ')}${r.comment ? ` (“${r.comment}”)` : ''}`).join('; ') || 'none yet'}
          </p>
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
            <button className="btn primary" type="submit" disabled={action.busy}>
              Save rating
            </button>
          </form>
          <form className="admin-row admin-form" onSubmit={override}>
            <label>
              Override score
              <select value={metric} onChange={(e) => setMetric(e.target.value)}>
                {AUTO.map((m) => (
                  <option key={m} value={m}>
                    {METRIC_LABELS[m as Metric]}
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
            <button className="btn secondary" type="submit" disabled={action.busy}>
              Override
            </button>
          </form>
          {action.error ? <ErrorBox message={action.error} /> : null}
        </>
      ) : null}
    </section>
  );
}
