import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import type { LeaderboardRow } from '../../../contracts/leaderboard';
import { METRIC_LABELS, SCORE_NAMES } from '../../../contracts/scores';
import { readTimelines } from '../lib/extract';
import { adminQueries } from './api';
import { explainAutomated, metricLabel } from './explain';

/** Two or three candidates side by side: the same question's video and transcript for each, their reviewer score and automated scores. */
export function Compare({ interviewId, rows }: { interviewId: string; rows: LeaderboardRow[] }) {
  const details = useQueries({ queries: rows.map((r) => adminQueries.candidate(interviewId, r.candidate.id)) });
  const questions = details.find((d) => d.data)?.data?.answers ?? [];
  const [q, setQ] = useState(0);
  return (
    <section className="card" aria-labelledby="compare-h" data-testid="compare">
      <h2 id="compare-h">Side by side</h2>
      {questions.length > 1 ? (
        <label>
          Question{' '}
          <select value={q} onChange={(e) => setQ(Number(e.target.value))}>
            {questions.map((a, i) => (
              <option key={a.questionId} value={i}>
                {i + 1}. {a.questionText}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <div className="compare">
        {rows.map((r, i) => {
          const answer = details[i]?.data?.answers[q]?.answer ?? null;
          const words = answer?.report ? readTimelines(answer.report).words : [];
          return (
            <div key={r.candidate.id} className={`card band-${r.band}`}>
              <h3>{r.candidate.name}</h3>
              <p>
                Reviewer score <strong>{r.review.average?.toFixed(2) ?? 'not yet reviewed'}</strong> · rank {r.rank ?? '-'} · {r.candidate.status}
              </p>
              {answer ? (
                <>
                  {/* biome-ignore lint/a11y/useMediaCaption: the transcript is shown under the video */}
                  <video className="playback" src={answer.videoUrl} controls preload="metadata" aria-label={`${r.candidate.name}: answer to question ${q + 1}`} />
                  <p className="small transcript-plain">{words.length ? words.map((w) => w.text).join(' ') : 'No transcript (nothing recognised, or not analysed yet).'}</p>
                </>
              ) : (
                <p className="muted small">{details[i]?.isLoading ? 'Loading…' : 'Not answered.'}</p>
              )}
              <dl>
                {SCORE_NAMES.map((m) => (
                  <div key={m}>
                    <dt>{METRIC_LABELS[m]}</dt>
                    <dd>{r.metrics[m] ?? 'not measured'}</dd>
                  </div>
                ))}
              </dl>
              <p className="terms">{r.explanation}</p>
              <p className="terms">Automated summary (not ranked): {explainAutomated(r.automated, metricLabel)}</p>
            </div>
          );
        })}
      </div>
    </section>
  );
}
