import { Link } from '../components/Link';
import { ErrorBox } from '../components/ErrorBox';
import { adminApi } from './api';
import { InterviewForm } from './InterviewForm';
import type { Me } from './types';
import { useAsync } from './useAsync';

export function InterviewsPage({ me }: { me: Me }) {
  const list = useAsync(() => adminApi.interviews(), []);
  return (
    <>
      <h1 tabIndex={-1}>Interviews</h1>
      {list.error ? <ErrorBox message={list.error} /> : null}
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
                <Link href={`/admin/interviews/${i.id}`}>{i.title}</Link>
              </td>
              <td className="num">{i.candidates}</td>
              <td>{i.createdAt.slice(0, 10)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {me.role === 'admin' ? <InterviewForm onCreated={list.reload} /> : null}
    </>
  );
}
