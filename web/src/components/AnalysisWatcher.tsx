import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { isSettled } from '../../../contracts/statuses';
import { useAnswer } from '../hooks/useAnswer';
import { AnalysisProgress } from './AnalysisProgress';
import { ErrorBox } from './ErrorBox';

/** Shows live analysis progress for an uploaded answer and opens its report when finished. */
export function AnalysisWatcher({ id }: { id: string }) {
  const navigate = useNavigate();
  const { data: answer, error, refetch } = useAnswer(id);
  const settled = answer !== undefined && isSettled(answer.status);
  useEffect(() => {
    if (settled) void navigate(`/answers/${encodeURIComponent(id)}`);
  }, [settled, id, navigate]);
  if (error && !answer)
    return (
      <ErrorBox message={error.message}>
        <button type="button" className="btn" onClick={() => void refetch()}>
          Try again
        </button>
      </ErrorBox>
    );
  return <AnalysisProgress answer={answer ?? null} />;
}
