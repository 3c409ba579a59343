import { useState } from 'react';
import { api, messageOf } from '../api';
import { useAnswer } from '../hooks/useAnswer';
import { AnalysisProgress } from '../components/AnalysisProgress';
import { ErrorBox } from '../components/ErrorBox';
import { Link } from '../components/Link';
import { ReportView } from '../components/ReportView';

/** /answers/:id — live progress, the failure with Retry, or the report. */
export function Results({ id }: { id: string }) {
  const { answer, error, reload } = useAnswer(id);
  const [retryError, setRetryError] = useState<string | null>(null);
  const [retrying, setRetrying] = useState(false);

  const retry = async (): Promise<void> => {
    setRetrying(true);
    setRetryError(null);
    try {
      await api.retry(id);
      reload();
    } catch (e) {
      setRetryError(messageOf(e));
    } finally {
      setRetrying(false);
    }
  };

  let body;
  if (error) {
    body = (
      <ErrorBox title={error.status === 404 ? 'Answer not found' : 'Could not load this answer'} message={error.message}>
        <button type="button" className="btn" onClick={reload}>
          Try again
        </button>
        <Link className="btn secondary" href="/history">
          Go to history
        </Link>
      </ErrorBox>
    );
  } else if (!answer) {
    body = (
      <p className="muted" role="status">
        Loading…
      </p>
    );
  } else if (answer.status === 'failed') {
    body = (
      <>
        <ErrorBox title="The analysis failed" message={answer.error ?? 'Unknown error.'}>
          <button type="button" className="btn" onClick={() => void retry()} disabled={retrying}>
            Retry analysis
          </button>
          <Link className="btn secondary" href="/interview">
            Record a new answer
          </Link>
        </ErrorBox>
        {retryError ? <ErrorBox title="Retry failed" message={retryError} /> : null}
      </>
    );
  } else if (answer.status !== 'done') {
    body = <AnalysisProgress answer={answer} />;
  } else if (!answer.report) {
    body = <ErrorBox title="Report missing" message="The analysis finished but no report was stored." />;
  } else {
    body = <ReportView answer={answer} report={answer.report} />;
  }
  return (
    <div className="results">
      <h1 tabIndex={-1}>Your report</h1>
      {body}
    </div>
  );
}
