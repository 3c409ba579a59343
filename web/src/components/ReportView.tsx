import { lazy, Suspense, useCallback, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Answer } from '../../../contracts/answers';
import type { Report } from '../../../contracts/report';
import { SCORE_LABELS, SCORE_NAMES } from '../../../contracts/scores';
import { field, readTimelines } from '../lib/extract';
import { SCORE_METHODS } from '../lib/methods';
import { formatDate, formatDuration } from '../lib/time';
import { CoachNotes } from './CoachNotes';
import { ContentSection } from './ContentSection';
import { ExtraSection } from './ExtraSection';
import { Glossary } from './Glossary';
import { KeyPointsCard } from './KeyPointsCard';
import { type PlayerControl, PlayerTranscript } from './PlayerTranscript';
import { ScoreCard } from './ScoreCard';
import { SpeechFacts } from './SpeechFacts';
import { SummarySection } from './SummarySection';

// chart.js is only needed here, and only once the details are opened: load it as a separate chunk.
const ReportCharts = lazy(() => import('./ReportCharts').then((m) => ({ default: m.ReportCharts })));

function downloadJson(report: Report, id: string): void {
  const blob = new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `interview-report-${id}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The full report of a finished answer, summary first: strengths and things to work on (each plays its moment),
 * the scores, what was said, the recording with its transcript, then details on demand, and the next steps.
 */
/** `actions`: extra buttons in the report's next steps (e.g. Share on the owner's page). */
export function ReportView({ answer, report, actions }: { answer: Answer; report: Report; actions?: React.ReactNode }) {
  const data = useMemo(() => readTimelines(report), [report]);
  const duration = answer.durationSec ?? report.input?.durationSec ?? 0;
  const warnings = Array.isArray(report.warnings) ? report.warnings : [];
  const cloud = field(report, 'cloud');
  const coach = field(report, 'coach');
  const player = useRef<PlayerControl>(null);
  const [showStar, setShowStar] = useState(false);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const detailsId = useId();
  const starSpans = showStar ? (report.content?.structure?.spans ?? []) : [];

  const playAt = useCallback((t: number) => {
    document.getElementById('recording')?.scrollIntoView({ block: 'start' });
    player.current?.playFrom(t);
  }, []);

  return (
    <div className="report" data-testid="report">
      <section className="card report-head">
        <p className="eyebrow">Question</p>
        <p className="question-text">{answer.questionText || report.question}</p>
        <p className="muted small">
          Recorded {formatDate(answer.createdAt)} · {formatDuration(duration)} · analysed by the {report.engine} engine
        </p>
      </section>

      {warnings.length > 0 ? (
        <section className="warnings" aria-labelledby="warn-h">
          <h2 id="warn-h">Please note</h2>
          <ul>
            {warnings.map((w, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one report, shown in order; never reordered, and two lines may read the same
              <li key={i}>{w}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {report.summary ? <SummarySection summary={report.summary} onPlay={playAt} /> : null}

      <section aria-labelledby="scores-h">
        <h2 id="scores-h">Scores</h2>
        <p className="muted small">
          Each score (0-100) comes from measured, observable behaviour. Open a card to see the measurements and one tip. “Confidence” is a composite of observable cues (pace, pauses, fillers, voice,
          gaze), not a judgement of how you feel.
        </p>
        <div className="score-grid">
          {SCORE_NAMES.map((k) => (
            <ScoreCard key={k} label={SCORE_LABELS[k]} score={report.scores?.[k]} method={SCORE_METHODS[k]} />
          ))}
          {report.content ? null : <KeyPointsCard points={report.keyPoints ?? []} />}
        </div>
      </section>

      {report.content ? <ContentSection content={report.content} onPlay={playAt} showStar={showStar} onShowStar={setShowStar} /> : null}

      <PlayerTranscript videoUrl={answer.videoUrl} durationSec={duration} data={data} control={player} starSpans={starSpans} />

      <section aria-labelledby="details-h" className="details">
        <h2 id="details-h">Details</h2>
        <p className="muted small">The raw measurements behind the scores, charts over time, and what the technical terms mean.</p>
        <button type="button" className="btn secondary no-print" aria-expanded={detailsOpen} aria-controls={detailsId} onClick={() => setDetailsOpen((o) => !o)}>
          {detailsOpen ? 'Hide' : 'Show'} measurements, charts and glossary
        </button>
        <div id={detailsId} className="on-demand" hidden={!detailsOpen}>
          <SpeechFacts report={report} />
          {detailsOpen ? (
            <Suspense fallback={<p className="muted">Loading charts…</p>}>
              <ReportCharts data={data} durationSec={duration} />
            </Suspense>
          ) : null}
          <Glossary />
        </div>
      </section>

      {cloud != null ? <ExtraSection title="Cloud analysis" value={cloud} /> : null}
      {coach != null ? <CoachNotes coach={coach} /> : null}

      <section className="card next-steps no-print" aria-labelledby="next-h">
        <h2 id="next-h">What next?</h2>
        <div className="actions">
          {answer.questionId ? (
            <Link className="btn primary" to={`/interview?question=${encodeURIComponent(answer.questionId)}`}>
              Retake this question
            </Link>
          ) : null}
          <Link className="btn" to="/interview">
            Next question
          </Link>
          <button type="button" className="btn secondary" onClick={() => window.print()}>
            Print or save as PDF
          </button>
          <button type="button" className="btn secondary" onClick={() => downloadJson(report, answer.id)}>
            Download JSON
          </button>
          {actions}
        </div>
      </section>
    </div>
  );
}
