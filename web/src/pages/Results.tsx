import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { answerQuery, practiceApi, practiceKeys } from '../api';
import { AnalysisProgress } from '../components/AnalysisProgress';
import { AudioOnlyNote } from '../components/AudioOnlyNote';
import { ErrorBox } from '../components/ErrorBox';
import { ReportView } from '../components/ReportView';
import { ShareButton } from '../components/ShareDialog';
import { useAnswer } from '../hooks/useAnswer';
import { ApiError, messageOf } from '../lib/http';
import { useParam } from '../lib/params';

/** /answers/:id — live progress, the failure with Retry, or the report. */
export function Results() {
  const id = useParam('id');
  const queryClient = useQueryClient();
  const { data: answer, error, refetch } = useAnswer(id);
  const retry = useMutation({
    mutationFn: () => practiceApi.retry(id),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: answerQuery(id).queryKey }), queryClient.invalidateQueries({ queryKey: practiceKeys.answers })]),
  });

  let body: React.ReactNode;
  if (error && !answer) {
    body = (
      <ErrorBox title={error instanceof ApiError && error.status === 404 ? 'Answer not found' : 'Could not load this answer'} message={error.message}>
        <button type="button" className="btn" onClick={() => void refetch()}>
          Try again
        </button>
        <Link className="btn secondary" to="/history">
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
          <button type="button" className="btn" onClick={() => retry.mutate()} disabled={retry.isPending}>
            Retry analysis
          </button>
          <Link className="btn secondary" to="/interview">
            Record a new answer
          </Link>
        </ErrorBox>
        {retry.error ? <ErrorBox title="Retry failed" message={messageOf(retry.error)} /> : null}
      </>
    );
  } else if (answer.status !== 'done') {
    body = <AnalysisProgress answer={answer} />;
  } else if (!answer.report) {
    body = <ErrorBox title="Report missing" message="The analysis finished but no report was stored." />;
  } else {
    body = (
      <>
        <AudioOnlyNote report={answer.report} />
        <ReportView answer={answer} report={answer.report} actions={<ShareButton answerId={answer.id} />} />
      </>
    );
  }
  return (
    <div className="results">
      <h1 tabIndex={-1}>Your report</h1>
      {body}
    </div>
  );
}
