import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorBox } from '../components/ErrorBox';
import { messageOf } from '../lib/http';
import { useParam } from '../lib/params';
import { useMe } from './AdminLayout';
import { adminApi, adminKeys, adminQueries } from './api';
import { BrandForm } from './BrandForm';
import { CandidateImport } from './CandidateImport';
import { InviteButton } from './InviteButton';
import { MailSettings } from './MailSettings';

export function InterviewPage() {
  const id = useParam('id');
  const me = useMe();
  const interview = useQuery(adminQueries.interview(id));
  const candidates = useQuery(adminQueries.candidates(id));
  const iv = interview.data;
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<string[]>([]);
  const bulk = useMutation({
    mutationFn: () => adminApi.bulkInvite(id, { candidateIds: picked, expiresInDays: 7 }),
    onSuccess: () => {
      setPicked([]);
      return queryClient.invalidateQueries({ queryKey: adminKeys.interview(id) });
    },
  });
  const notInvited = candidates.data?.items.filter((c) => c.status === 'not_invited') ?? [];
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
              {me.role === 'admin' ? <th>Pick</th> : null}
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
                {me.role === 'admin' ? (
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Pick ${c.name}`}
                      checked={picked.includes(c.id)}
                      onChange={() => setPicked((p) => (p.includes(c.id) ? p.filter((x) => x !== c.id) : [...p, c.id]))}
                    />
                  </td>
                ) : null}
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
        {me.role === 'admin' ? (
          <div className="admin-row" data-testid="bulk-invite">
            <button type="button" className="btn secondary" onClick={() => setPicked(notInvited.map((c) => c.id))} disabled={notInvited.length === 0}>
              Pick everyone not invited yet ({notInvited.length})
            </button>
            <button type="button" className="btn primary" onClick={() => bulk.mutate()} disabled={picked.length === 0 || bulk.isPending}>
              Invite the picked ({picked.length}), deadline in 7 days
            </button>
            {bulk.data ? (
              <div className="small">
                {bulk.data.items.length} invited{bulk.data.items.some((i) => i.mail.status === 'queued') ? ' by email' : ''}. The links are shown only now:
                <ul>
                  {bulk.data.items.map((i) => (
                    <li key={i.candidateId}>
                      {i.name}: <span className="token-url">{i.url}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {bulk.error ? <span className="warn small">{messageOf(bulk.error)}</span> : null}
          </div>
        ) : null}
        {me.role === 'admin' ? <CandidateImport interviewId={id} /> : null}
      </section>
      {me.role === 'admin' && iv ? <BrandForm key={iv.updatedAt} interviewId={id} brand={iv.brand} /> : null}
      {me.role === 'admin' ? <MailSettings interviewId={id} /> : null}
    </>
  );
}
