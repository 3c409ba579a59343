import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Decision } from '../../../contracts/statuses';
import { ErrorBox } from '../components/ErrorBox';
import { messageOf } from '../lib/http';
import { adminApi, adminKeys } from './api';

/** Shortlist, reject or hire one or more candidates, with an optional reason (recorded with who and when). */
export function DecisionForm({ interviewId, candidateIds, onDone }: { interviewId: string; candidateIds: string[]; onDone?: () => void }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: (decision: Decision) => adminApi.decide(interviewId, { candidateIds, decision, reason }),
    onSuccess: () => {
      setReason('');
      onDone?.();
      return queryClient.invalidateQueries({ queryKey: adminKeys.interviews });
    },
  });
  const none = candidateIds.length === 0;
  const count = candidateIds.length > 1 ? ` (${candidateIds.length})` : '';
  return (
    <div className="admin-row">
      <label>
        Reason (optional) <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="button" className="btn primary" disabled={none || decide.isPending} onClick={() => decide.mutate('shortlisted')}>
        Shortlist{count}
      </button>
      <button type="button" className="btn secondary" disabled={none || decide.isPending} onClick={() => decide.mutate('rejected')}>
        Reject{count}
      </button>
      {candidateIds.length === 1 ? (
        <button type="button" className="btn secondary" disabled={decide.isPending} onClick={() => decide.mutate('hired')}>
          Hire
        </button>
      ) : null}
      {decide.error ? <ErrorBox message={messageOf(decide.error)} /> : null}
    </div>
  );
}
