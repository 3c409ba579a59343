import { useState } from 'react';
import { ErrorBox } from '../components/ErrorBox';
import { messageOf } from '../lib/apiError';
import { adminApi } from './api';
import { useAsync } from './useAsync';

/** The analysis queue: jobs per state, the latest failed jobs with their reason, and a retry for each. */
export function QueuePage() {
  const [tick, setTick] = useState(0);
  const stats = useAsync(() => adminApi.queue(), [tick]);
  const [message, setMessage] = useState<string | null>(null);
  const retry = async (jobId: string): Promise<void> => {
    try {
      await adminApi.retryJob(jobId);
      setMessage('Queued again.');
    } catch (e) {
      setMessage(messageOf(e));
    }
    setTick((t) => t + 1);
  };
  const s = stats.data;
  return (
    <>
      <h1 tabIndex={-1}>Analysis queue</h1>
      {stats.error ? <ErrorBox message={stats.error} /> : null}
      <p role="status" aria-live="polite">
        {message}
      </p>
      {s ? (
        <dl className="queue-counts">
          {(['queued', 'running', 'done', 'failed'] as const).map((k) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{s[k]}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <button type="button" className="btn secondary small" onClick={() => setTick((t) => t + 1)}>
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
                <button type="button" className="btn small" onClick={() => void retry(j.id)}>
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
