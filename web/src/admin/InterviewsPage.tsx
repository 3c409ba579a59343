import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorBox } from '../components/ErrorBox';
import { messageOf } from '../lib/http';
import { useMe } from './AdminLayout';
import { adminQueries } from './api';
import { InterviewForm } from './InterviewForm';

export function InterviewsPage() {
  const me = useMe();
  const list = useQuery(adminQueries.interviews);
  return (
    <>
      <h1 tabIndex={-1}>Interviews</h1>
      {list.error ? <ErrorBox message={messageOf(list.error)} /> : null}
      <table className="admin-table" data-testid="interviews">
        <thead>
          <tr>
            <th>Title</th>
            <th className="num">Candidates</th>
            <th>Created</th>
          </tr>
        </thead>
        <tbody>
          {list.data?.items.map((i) => (
            <tr key={i.id}>
              <td>
                <Link to={`/admin/interviews/${i.id}`}>{i.title}</Link>
              </td>
              <td className="num">{i.candidates}</td>
              <td>{i.createdAt.slice(0, 10)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {me.role === 'admin' ? <InterviewForm /> : null}
    </>
  );
}
