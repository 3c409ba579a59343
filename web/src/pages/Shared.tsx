/** /shared/:token: a report someone shared, read-only (the video only when the link includes it). */
import { useQuery } from '@tanstack/react-query';
import { sharedQuery } from '../api';
import { ErrorBox } from '../components/ErrorBox';
import { ReportView } from '../components/ReportView';
import { ApiError, messageOf } from '../lib/http';
import { useParam } from '../lib/params';

export function Shared() {
  const token = useParam('token');
  const shared = useQuery(sharedQuery(token));
  const a = shared.data;
  return (
    <div className="results">
      <h1 tabIndex={-1}>Shared report</h1>
      <p className="muted">A read-only copy someone shared with you.{a && !a.includeVideo ? ' The video is not included.' : ''}</p>
      {shared.error ? <ErrorBox title={shared.error instanceof ApiError && shared.error.status === 404 ? 'Link not found' : 'Could not load the report'} message={messageOf(shared.error)} /> : null}
      {!a && !shared.error ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : null}
      {a && !a.report ? <p className="card">This answer has no report yet.</p> : null}
      {a?.report ? <ReportView answer={{ ...a, videoUrl: a.videoUrl ?? '' }} report={a.report} /> : null}
    </div>
  );
}
