import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { JOB_STATES } from '../../../contracts/statuses';
import { ErrorBox } from '../components/ErrorBox';
import { messageOf } from '../lib/http';
import { adminApi, adminKeys, adminQueries } from './api';

/** The analysis queue: jobs per state (refreshed every 10 s), the latest failed jobs with their reason, and a retry for each. */
export function QueuePage() {
  const queryClient = useQueryClient();
  const stats = useQuery({ ...adminQueries.queue, refetchInterval: 10_000 });
  const retry = useMutation({ mutationFn: adminApi.retryJob, onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.queue }) });
  const message = retry.isSuccess ? 'Queued again.' : retry.error ? messageOf(retry.error) : null;
  const s = stats.data;
  return (
    <>
      <h1 tabIndex={-1}>Analysis queue</h1>
      {stats.error ? <ErrorBox message={messageOf(stats.error)} /> : null}
      <p role="status" aria-live="polite">
        {message}
      </p>
      {s ? (
        <dl className="queue-counts">
          {JOB_STATES.map((k) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{s[k]}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <button type="button" className="btn secondary small" onClick={() => void stats.refetch()}>
        Refresh
      </button>
      <h2>Failed jobs</h2>
      {s && s.failedJobs.length === 0 ? <p className="muted">No failed jobs.</p> : null}
      <table className="admin-table">
        <thead>
          <tr>
            <th>When</th>
            <th>Answer</th>
            <th>Attempts</th>
            <th>Reason</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {s?.failedJobs.map((j) => (
            <tr key={j.id}>
              <td>{j.updatedAt?.replace('T', ' ').slice(0, 19) ?? ''}</td>
              <td className="small">{j.answerId.slice(0, 8)}</td>
              <td>{j.attempts}</td>
              <td className="small">{j.error}</td>
              <td>
                <button type="button" className="btn small" disabled={retry.isPending} onClick={() => retry.mutate(j.id)}>
                  Retry
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
