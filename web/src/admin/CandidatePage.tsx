import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ErrorBox } from '../components/ErrorBox';
import { messageOf } from '../lib/http';
import { useParam } from '../lib/params';
import { AnswerReview } from './AnswerReview';
import { useMe } from './AdminLayout';
import { adminApi, adminKeys, adminQueries } from './api';
import { DecisionForm } from './DecisionForm';

export function CandidatePage() {
  const id = useParam('id');
  const candidateId = useParam('candidateId');
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const detail = useQuery(adminQueries.candidate(id, candidateId));
  const erase = useMutation({
    mutationFn: () => adminApi.deleteCandidate(id, candidateId),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: adminQueries.candidate(id, candidateId).queryKey });
      await navigate(`/admin/interviews/${id}`);
      await queryClient.invalidateQueries({ queryKey: adminKeys.interviews });
    },
  });
  const revoke = useMutation({ mutationFn: (inviteId: string) => adminApi.revokeInvite(id, inviteId), onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.interview(id) }) });
  const d = detail.data;
  const askErase = (): void => {
    if (d && window.confirm(`Delete ${d.candidate.name} and all their videos and reports? This cannot be undone.`)) erase.mutate();
  };
  const error = erase.error ?? revoke.error;
  return (
    <>
      <h1 tabIndex={-1}>{d?.candidate.name ?? 'Candidate'}</h1>
      {detail.error ? <ErrorBox message={messageOf(detail.error)} /> : null}
      {d ? (
        <>
          <section className="card">
            <p>
              {d.candidate.email} · status <strong data-testid="candidate-status">{d.candidate.status}</strong>
              {d.candidate.tags.length ? ` · tags ${d.candidate.tags.join(', ')}` : ''}
              {d.candidate.group ? ` · group ${d.candidate.group}` : ''}
            </p>
            <ul className="small" aria-label="Invite links">
              {d.invites.length === 0 ? <li>No invite link yet.</li> : null}
              {d.invites.map((i) => (
                <li key={i.id}>
                  Invite {i.state}, expires {i.expiresAt.slice(0, 10)}
                  {i.consentAt ? `, consent given ${i.consentAt.slice(0, 16).replace('T', ' ')}` : ''}
                  {i.state === 'active' && me.role === 'admin' ? (
                    <button type="button" className="btn secondary small" disabled={revoke.isPending} onClick={() => revoke.mutate(i.id)}>
                      Revoke
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
            <h2>Decisions</h2>
            <p className="muted small">Automated scores are advice. A decision is a separate, recorded human action.</p>
            <ul>
              {d.decisions.map((x) => (
                <li key={x.id}>
                  {x.decision} by {x.by ?? 'unknown'} on {x.createdAt.slice(0, 16).replace('T', ' ')}
                  {x.reason ? `: ${x.reason}` : ''}
                </li>
              ))}
            </ul>
            {me.role === 'admin' ? <DecisionForm interviewId={id} candidateIds={[candidateId]} /> : null}
            {me.role === 'admin' ? (
              <button type="button" className="btn danger" onClick={askErase} disabled={erase.isPending}>
                Delete candidate and all recordings
              </button>
            ) : null}
            {error ? <ErrorBox message={messageOf(error)} /> : null}
          </section>
          {d.answers.map((a) => (
            <AnswerReview key={a.questionId} interviewId={id} candidateId={candidateId} item={a} rubric={d.rubric} />
          ))}
        </>
      ) : null}
    </>
  );
}
