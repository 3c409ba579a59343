import { useState } from 'react';
import { ErrorBox } from '../components/ErrorBox';
import { adminApi } from './api';
import { useAction } from './useAsync';

/** Shortlist, reject or hire one or more candidates, with an optional reason (recorded with who and when). */
export function DecisionForm({ interviewId, candidateIds, onDone }: { interviewId: string; candidateIds: string[]; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const action = useAction();
  const decide = (decision: string): void => {
    void action.run(async () => {
      await adminApi.decide(interviewId, candidateIds, decision, reason);
      setReason('');
      onDone();
    });
  };
  const none = candidateIds.length === 0;
  return (
    <div className="admin-row">
      <label>
        Reason (optional) <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="button" className="btn primary" disabled={none || action.busy} onClick={() => decide('shortlisted')}>
        Shortlist{candidateIds.length > 1 ? ` (${candidateIds.length})` : ''}
      </button>
      <button type="button" className="btn secondary" disabled={none || action.busy} onClick={() => decide('rejected')}>
        Reject{candidateIds.length > 1 ? ` (${candidateIds.length})` : ''}
      </button>
      {candidateIds.length === 1 ? (
        <button type="button" className="btn secondary" disabled={action.busy} onClick={() => decide('hired')}>
          Hire
        </button>
      ) : null}
      {action.error ? <ErrorBox message={action.error} /> : null}
    </div>
  );
}
