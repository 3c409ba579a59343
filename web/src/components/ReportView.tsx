import { lazy, Suspense, useMemo } from 'react';
import type { Answer } from '../../../contracts/answers';
import type { Report } from '../../../contracts/report';
import { SCORE_LABELS, SCORE_NAMES } from '../../../contracts/scores';
import { field, readTimelines } from '../lib/extract';
import { formatDate, formatDuration } from '../lib/time';
import { PlayerTranscript } from './PlayerTranscript';
import { ScoreCard } from './ScoreCard';
import { KeyPointsCard } from './KeyPointsCard';
import { ExtraSection } from './ExtraSection';
import { SpeechFacts } from './SpeechFacts';

// chart.js is only needed here: load it as a separate chunk.
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

/** The full report of a finished answer. */
/** `actions`: extra buttons beside Download/Print (e.g. Share on the owner's page). */
export function ReportView({ answer, report, actions }: { answer: Answer; report: Report; actions?: React.ReactNode }) {
  const data = useMemo(() => readTimelines(report), [report]);
  const duration = answer.durationSec ?? report.input?.durationSec ?? 0;
  const warnings = Array.isArray(report.warnings) ? report.warnings : [];
  const cloud = field(report, 'cloud');
  const coach = field(report, 'coach');
  return (
    <div className="report" data-testid="report">
      <section className="card report-head">
        <p className="eyebrow">Question</p>
        <p className="question-text">{answer.questionText || report.question}</p>
        <p className="muted small">
          Recorded {formatDate(answer.createdAt)} · {formatDuration(duration)} · analysed by the {report.engine} engine
        </p>
        <div className="actions no-print">
          <button type="button" className="btn secondary" onClick={() => downloadJson(report, answer.id)}>
            Download JSON
          </button>
          <button type="button" className="btn secondary" onClick={() => window.print()}>
            Print
          </button>
          {actions}
        </div>
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

      <PlayerTranscript videoUrl={answer.videoUrl} durationSec={duration} data={data} />

      <section aria-labelledby="scores-h">
        <h2 id="scores-h">Scores</h2>
        <p className="muted small">
          Each score (0-100) comes from measured, observable behaviour. Open a card to see the measurements and one tip. “Confidence” is a composite of observable cues (pace, pauses, fillers, voice,
          gaze), not a judgement of how you feel.
        </p>
        <div className="score-grid">
          {SCORE_NAMES.map((k) => (
            <ScoreCard key={k} label={SCORE_LABELS[k]} score={report.scores?.[k]} />
          ))}
          <KeyPointsCard points={report.keyPoints ?? []} />
        </div>
      </section>

      <SpeechFacts report={report} />
      <Suspense fallback={<p className="muted">Loading charts…</p>}>
        <ReportCharts data={data} durationSec={duration} />
      </Suspense>

      {cloud != null ? <ExtraSection title="Cloud analysis" value={cloud} /> : null}
      {coach != null ? <ExtraSection title="Coaching notes" value={coach} /> : null}
    </div>
  );
}
