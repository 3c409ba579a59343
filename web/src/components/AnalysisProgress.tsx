import type { AnswerEvent } from '../../../contracts/answers';
import { STATUS_LABELS, stageLabel } from '../lib/labels';
import { ProgressBar } from './ProgressBar';

/** Live analysis status by stage (queued / processing), used by the interview flow and the results page. */
export function AnalysisProgress({ answer }: { answer: AnswerEvent | null }) {
  const status = answer?.status ?? 'queued';
  const label = status === 'processing' ? stageLabel(answer?.stage) : STATUS_LABELS[status];
  return (
    <section className="card analysis-progress" aria-labelledby="analysis-h">
      <h2 id="analysis-h">Analysing your answer</h2>
      <p className="muted">This usually takes less than a minute. You can stay on this page; the report opens when it is ready.</p>
      <div aria-live="polite" aria-atomic="true" className="status-line" data-testid="analysis-status">
        {label}
      </div>
      <ProgressBar label="Analysis" fraction={answer?.progress ?? 0} />
    </section>
  );
}
