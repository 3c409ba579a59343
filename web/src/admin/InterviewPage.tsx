import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorBox } from '../components/ErrorBox';
import { messageOf } from '../lib/http';
import { useParam } from '../lib/params';
import { useMe } from './AdminLayout';
import { adminQueries } from './api';
import { CandidateImport } from './CandidateImport';
import { InviteButton } from './InviteButton';

export function InterviewPage() {
  const id = useParam('id');
  const me = useMe();
  const interview = useQuery(adminQueries.interview(id));
  const candidates = useQuery(adminQueries.candidates(id));
  const iv = interview.data;
  return (
    <>
      <h1 tabIndex={-1}>{iv?.title ?? 'Interview'}</h1>
      {interview.error ? <ErrorBox message={messageOf(interview.error)} /> : null}
      {iv ? (
        <section className="card">
          <p>{iv.description}</p>
          <ol>
            {iv.questions.map((q) => (
              <li key={q.questionId}>
                {q.text}{' '}
                <span className="muted small">
                  (think {q.thinkTimeSec} s, up to {q.answerTimeSec} s, {q.retakes} retakes)
                </span>
              </li>
            ))}
          </ol>
          <p className="muted small">Recordings kept {iv.retentionDays ? `${iv.retentionDays} days` : 'for the server default period'}.</p>
          <div className="actions">
            <Link className="btn primary" to={`/admin/interviews/${id}/leaderboard`}>
              Leaderboard
            </Link>
            {me.role === 'admin' ? (
              <Link className="btn secondary" to={`/admin/interviews/${id}/fairness`}>
                Fairness report
              </Link>
            ) : null}
          </div>
        </section>
      ) : null}
      <section className="card">
        <h2>Candidates</h2>
        {candidates.error ? <ErrorBox message={messageOf(candidates.error)} /> : null}
        <table className="admin-table" data-testid="candidates">
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Status</th>
              <th>Tags</th>
              <th>Group</th>
              {me.role === 'admin' ? <th>Invite</th> : null}
            </tr>
          </thead>
          <tbody>
            {candidates.data?.items.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/admin/interviews/${id}/candidates/${c.id}`}>{c.name}</Link>
                </td>
                <td>{c.email}</td>
                <td>{c.status}</td>
                <td>{c.tags.join(', ')}</td>
                <td>{c.group ?? ''}</td>
                {me.role === 'admin' ? (
                  <td>
                    <InviteButton interviewId={id} candidateId={c.id} name={c.name} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
        {me.role === 'admin' ? <CandidateImport interviewId={id} /> : null}
      </section>
    </>
  );
}
