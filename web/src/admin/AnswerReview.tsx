import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import type { CandidateAnswer } from '../../../contracts/reviews';
import { METRIC_LABELS, SCORE_NAMES, type ScoreName } from '../../../contracts/scores';
import { ErrorBox } from '../components/ErrorBox';
import { PlayerTranscript } from '../components/PlayerTranscript';
import { readTimelines } from '../lib/extract';
import { messageOf } from '../lib/http';
import { useMe } from './AdminLayout';
import { adminApi, adminKeys } from './api';
import { metricLabel } from './explain';

const mmss = (s: number): string => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

/**
 * One answer in the reviewer workspace: the video with the transcript and the same marks as the practice report
 * (fillers, pauses, looking away), time-stamped comments, the anchored rubric, the automated scores with their
 * evidence and any overrides.
 */
export function AnswerReview({ interviewId, candidateId, item, blind }: { interviewId: string; candidateId: string; item: CandidateAnswer; blind: boolean }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const mine = item.reviews.find((r) => r.reviewerId === me.id);
  const [ratings, setRatings] = useState<Record<string, number>>(mine?.ratings ?? {});
  const [comment, setComment] = useState(mine?.comment ?? '');
  const [note, setNote] = useState('');
  const [metric, setMetric] = useState<ScoreName>('clarity');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const playerBox = useRef<HTMLDivElement>(null);
  const a = item.answer;
  const timelines = useMemo(() => (a?.report ? readTimelines(a.report) : null), [a?.report]);
  const video = (): HTMLVideoElement | null => playerBox.current?.querySelector('video') ?? null;
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.interview(interviewId) });
  const review = useMutation({ mutationFn: (answerId: string) => adminApi.review(interviewId, candidateId, answerId, { ratings, comment }), onSuccess: refresh });
  const addNote = useMutation({
    mutationFn: (answerId: string) => adminApi.comment(interviewId, candidateId, answerId, { atSec: Math.round((video()?.currentTime ?? 0) * 10) / 10, text: note }),
    onSuccess: () => {
      setNote('');
      return refresh();
    },
  });
  const override = useMutation({
    mutationFn: (answerId: string) => adminApi.override(interviewId, candidateId, answerId, { metric, value: Number(value), reason }),
    onSuccess: () => {
      setValue('');
      setReason('');
      return refresh();
    },
  });
  const submit = (fn: (id: string) => void) => (e: FormEvent) => {
    e.preventDefault();
    if (a) fn(a.id);
  };
  const seek = (t: number): void => {
    const v = video();
    if (v) v.currentTime = t;
  };
  const busy = review.isPending || override.isPending || addNote.isPending;
  const error = review.error ?? override.error ?? addNote.error;
  return (
    <section className="card answer-block" data-testid="answer">
      <h2>
        {item.position + 1}. {item.questionText}
      </h2>
      {!a ? <p className="muted">Not answered yet.</p> : null}
      {a ? (
        <>
          <div ref={playerBox}>
            {timelines ? (
              <PlayerTranscript videoUrl={a.videoUrl} durationSec={a.durationSec ?? 0} data={timelines} />
            ) : (
              // biome-ignore lint/a11y/useMediaCaption: the transcript appears here once the analysis has finished
              <video className="playback" src={a.videoUrl} controls preload="metadata" aria-label={`Answer to question ${item.position + 1}`} />
            )}
          </div>
          <p className="muted small">
            Analysis: {a.status}
            {a.error ? ` (${a.error})` : ''}. Marks on the timeline and in the transcript: filler words, pauses (long: 1.5 s or more), looking away.
          </p>

          <h3>Comments</h3>
          <ul className="comments" data-testid="comments">
            {item.comments.length === 0 ? <li className="muted small">No comments yet.</li> : null}
            {item.comments.map((c) => (
              <li key={c.id}>
                <button type="button" className="btn link small" onClick={() => seek(c.atSec)} aria-label={`Play from ${mmss(c.atSec)}`}>
                  {mmss(c.atSec)}
                </button>{' '}
                {c.text} <span className="muted small">({c.by})</span>
              </li>
            ))}
          </ul>
          <form className="admin-row admin-form" onSubmit={submit((id) => addNote.mutate(id))} data-testid="comment-form">
            <label>
              Comment at the current moment of the video <input name="note" value={note} onChange={(e) => setNote(e.target.value)} required maxLength={2000} />
            </label>
            <button className="btn secondary" type="submit" disabled={busy}>
              Add comment
            </button>
          </form>

          <h3>Your rating</h3>
          <p className="small">
            {blind ? 'Blind review: the name and group are shown after your first rating. ' : ''}
            Reviews: {blind ? 'hidden until you have rated' : item.reviews.map(reviewLine).join('; ') || 'none yet'}
          </p>
          <form className="rubric" onSubmit={submit((id) => review.mutate(id))} data-testid="rating-form">
            {item.rubric.map((c) => (
              <fieldset key={c.key} className="rubric-criterion">
                <legend>{c.label}</legend>
                <select name={c.key} aria-label={`${c.label} (1-5)`} value={ratings[c.key] ?? ''} onChange={(e) => setRatings((r) => ({ ...r, [c.key]: Number(e.target.value) }))} required>
                  <option value="" disabled>
                    -
                  </option>
                  {[1, 2, 3, 4, 5].map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
                <ol className="anchors small">
                  {c.anchors.map((text, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the five levels in order; two levels may read alike
                    <li key={i} className={ratings[c.key] === i + 1 ? 'chosen' : ''}>
                      {text}
                    </li>
                  ))}
                </ol>
              </fieldset>
            ))}
            <label>
              Overall comment <input name="comment" value={comment} onChange={(e) => setComment(e.target.value)} />
            </label>
            <button className="btn primary" type="submit" disabled={busy}>
              Save rating
            </button>
          </form>

          <details>
            <summary>Automated scores (advice, not part of the rank)</summary>
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
            <form className="admin-row admin-form" onSubmit={submit((id) => override.mutate(id))}>
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
          </details>
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
