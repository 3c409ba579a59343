import { useQuery } from '@tanstack/react-query';
import { ErrorBox } from '../components/ErrorBox';
import { messageOf } from '../lib/http';
import { adminQueries } from './api';

export function AuditPage() {
  const log = useQuery(adminQueries.audit);
  return (
    <>
      <h1 tabIndex={-1}>Audit log</h1>
      {log.error ? <ErrorBox message={messageOf(log.error)} /> : null}
      <table className="admin-table">
        <thead>
          <tr>
            <th>When</th>
            <th>Who</th>
            <th>Action</th>
            <th>Target</th>
            <th>Detail</th>
          </tr>
        </thead>
        <tbody>
          {log.data?.items.map((e) => (
            <tr key={e.id}>
              <td>{e.createdAt.replace('T', ' ').slice(0, 19)}</td>
              <td>{e.userEmail ?? 'system / candidate'}</td>
              <td>{e.action}</td>
              <td>
                {e.targetType} {e.targetId?.slice(0, 8)}
              </td>
              <td className="small">{e.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
