import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { MeasureTrend, Session, SessionSummary } from '../../../../contracts/sessions';
import { ErrorBox } from '../../components/ErrorBox';
import { ProgressBar } from '../../components/ProgressBar';
import { messageOf } from '../../lib/http';
import { STATUS_LABELS, stageLabel } from '../../lib/labels';
import { sessionQuery } from '../../mockApi';

const DIRECTION_TEXT = { improved: 'Improved', worse: 'Got worse', steady: 'Steady' } as const;

/** The session report: each answer's analysis progress and report link, then the summary across the analysed answers. */
export function MockReport() {
  const { id = '' } = useParams();
  const { data: session, error } = useQuery(sessionQuery(id));
  return (
    <div className="mock-report">
      <h1 tabIndex={-1}>Mock interview report</h1>
      {error && !session ? <ErrorBox title="Could not load this mock interview" message={messageOf(error)} /> : null}
      {!session && !error ? <p role="status">Loading…</p> : null}
      {session ? <ReportBody session={session} /> : null}
    </div>
  );
}

function ReportBody({ session }: { session: Session }) {
  const analysed = session.items.filter((i) => i.answer?.status === 'done').length;
  return (
    <>
      <p className="lead">
        {session.items.length} questions · {new Date(session.createdAt).toLocaleString()}
        {session.audioOnly ? ' · answered without camera' : ''}
        {session.jobDescription ? ' · with a job description' : ''}
      </p>
      <section className="card" aria-labelledby="answers-h">
        <h2 id="answers-h">Your answers</h2>
        <p className="muted" aria-live="polite" data-testid="session-status">
          {session.status === 'complete'
            ? `All analyses finished (${analysed} of ${session.items.length} analysed).`
            : session.status === 'analysing'
              ? `Analysing: ${analysed} of ${session.items.length} done. This page updates by itself.`
              : 'Some questions are not answered yet.'}
        </p>
        <ol className="plain-list mock-answers">
          {session.items.map((i) => (
            <li key={i.position} className="mock-answer" data-testid={`mock-answer-${i.position}`}>
              <p className="question-text small">
                <strong>Question {i.position}.</strong> {i.questionText}
              </p>
              {!i.answer ? (
                <p className="muted">
                  Not answered. <Link to={`/mock/${encodeURIComponent(session.id)}`}>Answer the remaining questions</Link>
                </p>
              ) : i.answer.status === 'done' ? (
                <p>
                  <Link to={`/answers/${encodeURIComponent(i.answer.id)}`}>Open the report for question {i.position}</Link>
                  {i.answer.audioOnly ? <span className="badge">audio only</span> : null}
                </p>
              ) : i.answer.status === 'failed' ? (
                <p className="error-message">
                  The analysis failed: {i.answer.error ?? 'unknown reason'}. <Link to={`/answers/${encodeURIComponent(i.answer.id)}`}>See the answer</Link> or{' '}
                  <Link to={`/mock/${encodeURIComponent(session.id)}`}>record question {i.position} again</Link>
                </p>
              ) : (
                <ProgressBar label={`Question ${i.position}: ${i.answer.status === 'processing' ? stageLabel(i.answer.stage) : STATUS_LABELS[i.answer.status]}`} fraction={i.answer.progress} />
              )}
            </li>
          ))}
        </ol>
      </section>
      {session.summary ? <Summary summary={session.summary} session={session} /> : <p className="muted">The summary appears when the first answer is analysed.</p>}
      <p className="actions">
        <Link to="/mock" className="btn">
          New mock interview
        </Link>
      </p>
    </>
  );
}

function Summary({ summary, session }: { summary: SessionSummary; session: Session }) {
  const answerLink = (position: number) => {
    const a = session.items.find((i) => i.position === position)?.answer;
    return a ? `/answers/${encodeURIComponent(a.id)}` : null;
  };
  return (
    <>
      <section className="card" aria-labelledby="summary-h" data-testid="session-summary">
        <h2 id="summary-h">Across your answers</h2>
        <p className="muted">
          From the {summary.analysed} analysed answer{summary.analysed === 1 ? '' : 's'} of {summary.total}. Every figure comes from the answers&rsquo; own reports.
        </p>
        <div className="summary-grid">
          {summary.strongest ? (
            <div>
              <h3>Strongest answer</h3>
              <p>
                <Link to={answerLink(summary.strongest.position) ?? '#'}>Question {summary.strongest.position}</Link>: {summary.strongest.questionText}
              </p>
              <p className="evidence small">{summary.strongest.evidence}</p>
            </div>
          ) : null}
          {summary.weakest ? (
            <div>
              <h3>Weakest answer</h3>
              <p>
                <Link to={answerLink(summary.weakest.position) ?? '#'}>Question {summary.weakest.position}</Link>: {summary.weakest.questionText}
              </p>
              <p className="evidence small">{summary.weakest.evidence}</p>
            </div>
          ) : null}
        </div>
        {!summary.strongest ? <p className="muted">No scores were measured in these answers, so none is named strongest or weakest.</p> : null}
        <h3>What to practise next</h3>
        {summary.practiseNext.length ? (
          <ol>
            {summary.practiseNext.map((p) => (
              <li key={p.key}>
                <strong>{p.label}.</strong> {p.reason} <span className="tip">Tip: {p.tip}</span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">Nothing measured points to a next step yet.</p>
        )}
        {summary.notes.length ? (
          <ul className="small muted">
            {summary.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        ) : null}
      </section>
      <section className="card" aria-labelledby="trend-h">
        <h2 id="trend-h">Measures question by question</h2>
        {summary.measures.length === 0 ? <p className="muted">No measure could be taken from the analysed answers (each answer&rsquo;s report says why).</p> : null}
        <div className="table-scroll" hidden={summary.measures.length === 0}>
          <table className="trend-table">
            <caption className="sr-only">Each measure per question, and whether it improved from your first to your last measured answer</caption>
            <thead>
              <tr>
                <th scope="col">Measure</th>
                {session.items.map((i) => (
                  <th scope="col" key={i.position}>
                    Q{i.position}
                  </th>
                ))}
                <th scope="col">Trend</th>
              </tr>
            </thead>
            <tbody>
              {summary.measures.map((m) => (
                <TrendRow key={m.key} m={m} />
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

function TrendRow({ m }: { m: MeasureTrend }) {
  return (
    <tr>
      <th scope="row">
        {m.label} <span className="muted small">({m.unit})</span>
      </th>
      {m.points.map((p) => (
        <td key={p.position}>{p.value === null ? <span className="muted">not measured</span> : p.value}</td>
      ))}
      <td>
        {m.direction ? DIRECTION_TEXT[m.direction] : <span className="muted">needs two answers</span>}
        <span className="evidence small"> {m.evidence}</span>
      </td>
    </tr>
  );
}
