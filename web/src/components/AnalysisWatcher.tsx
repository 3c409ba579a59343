import { useEffect } from 'react';
import { useAnswer } from '../hooks/useAnswer';
import { navigate } from '../hooks/useRoute';
import { AnalysisProgress } from './AnalysisProgress';
import { ErrorBox } from './ErrorBox';

/** Shows live analysis progress for an uploaded answer and opens its report when finished. */
export function AnalysisWatcher({ id }: { id: string }) {
  const { answer, error, reload } = useAnswer(id);
  const final = answer?.status === 'done' || answer?.status === 'failed';
  useEffect(() => {
    if (final) navigate(`/answers/${encodeURIComponent(id)}`);
  }, [final, id]);
  if (error)
    return (
      <ErrorBox message={error.message}>
        <button type="button" className="btn" onClick={reload}>
          Try again
        </button>
      </ErrorBox>
    );
  return <AnalysisProgress answer={answer} />;
}
