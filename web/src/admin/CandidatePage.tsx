import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorBox } from '../components/ErrorBox';
import { messageOf } from '../lib/http';
import { useParam } from '../lib/params';
import { AnswerReview } from './AnswerReview';
import { useMe } from './AdminLayout';
import { adminApi, adminKeys, adminQueries } from './api';
import { DecisionForm } from './DecisionForm';
import { InviteButton } from './InviteButton';

const when = (iso: string | null): string => (iso ? iso.slice(0, 16).replace('T', ' ') : '');
const TRACKING_LABEL: Record<string, string> = {
  created: 'link created',
  sent: 'email sent',
  opened: 'opened',
  started: 'started',
  finished: 'finished',
  expired: 'expired',
  revoked: 'revoked',
  declined: 'declined',
};

/** The reviewer workspace: one candidate, answers switchable by question (?q=), reviews, decisions; deleting is apart at the bottom. */
export function CandidatePage() {
  const id = useParam('id');
  const candidateId = useParam('candidateId');
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const detail = useQuery(adminQueries.candidate(id, candidateId));
  const [deadline, setDeadline] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.interview(id) });
  const erase = useMutation({
    mutationFn: () => adminApi.deleteCandidate(id, candidateId),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: adminQueries.candidate(id, candidateId).queryKey });
      await navigate(`/admin/interviews/${id}`);
      await queryClient.invalidateQueries({ queryKey: adminKeys.interviews });
    },
  });
  const revoke = useMutation({ mutationFn: (inviteId: string) => adminApi.revokeInvite(id, inviteId), onSuccess: refresh });
  const extend = useMutation({ mutationFn: (inviteId: string) => adminApi.extendInvite(id, inviteId, new Date(deadline).toISOString()), onSuccess: refresh });
  const d = detail.data;
  const askErase = (): void => {
    if (d && window.confirm(`Delete ${d.candidate.name} and all their videos and reports? This cannot be undone.`)) erase.mutate();
  };
  const error = erase.error ?? revoke.error ?? extend.error;
  const q = Math.min(Math.max(Number(params.get('q') ?? 1) || 1, 1), d?.answers.length || 1);
  const current = d?.answers[q - 1];
  const s = d?.reviewSummary;
  return (
    <>
      <h1 tabIndex={-1}>{d?.candidate.name ?? 'Candidate'}</h1>
      {detail.error ? <ErrorBox message={messageOf(detail.error)} /> : null}
      {d ? (
        <>
          {d.blind ? (
            <p className="card notice" data-testid="blind">
              Blind review: the candidate&apos;s name, email and group and the other reviewers&apos; ratings are shown after you have rated an answer.
            </p>
          ) : null}
          <section className="card">
            <p>
              {d.candidate.email} · status <strong data-testid="candidate-status">{d.candidate.status}</strong>
              {d.candidate.tags.length ? ` · tags ${d.candidate.tags.join(', ')}` : ''}
              {d.candidate.group ? ` · group ${d.candidate.group}` : ''}
            </p>
            <p data-testid="review-summary">
              Reviewer score:{' '}
              {s?.average == null ? (
                'not yet reviewed'
              ) : (
                <>
                  <strong>{s.average.toFixed(2)}</strong> of 5 from {s.reviewers.length} reviewer{s.reviewers.length === 1 ? '' : 's'}, spread {s.spread?.toFixed(2)} (
                  {s.reviewers.map((r) => `${r.reviewer} ${r.average.toFixed(2)}`).join(', ')})
                </>
              )}
            </p>
            {me.role === 'admin' ? (
              <>
                <h2>Invite</h2>
                <ul className="small" aria-label="Invite links" data-testid="invites">
                  {d.invites.length === 0 ? <li>No invite link yet.</li> : null}
                  {d.invites.map((i) => (
                    <li key={i.id}>
                      <strong>{TRACKING_LABEL[i.tracking] ?? i.tracking}</strong> · deadline {when(i.expiresAt)} UTC
                      {i.sentAt ? ` · emailed ${when(i.sentAt)}` : ''}
                      {i.openedAt ? ` · opened ${when(i.openedAt)}` : ''}
                      {i.startedAt ? ` · started ${when(i.startedAt)}` : ''}
                      {i.completedAt ? ` · finished ${when(i.completedAt)}` : ''}
                      {i.declinedAt ? ` · declined ${when(i.declinedAt)}` : ''}
                      {(i.state === 'active' || i.state === 'expired') && !i.declinedAt ? (
                        <span className="admin-row">
                          <label>
                            New deadline <input type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
                          </label>
                          <button type="button" className="btn secondary small" disabled={!deadline || extend.isPending} onClick={() => extend.mutate(i.id)}>
                            Extend
                          </button>
                          {i.state === 'active' ? (
                            <button type="button" className="btn secondary small" disabled={revoke.isPending} onClick={() => revoke.mutate(i.id)}>
                              Revoke
                            </button>
                          ) : null}
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ul>
                <InviteButton interviewId={id} candidateId={candidateId} name={d.candidate.name} again={d.invites.length > 0} />
              </>
            ) : null}
          </section>

          <nav className="question-tabs" aria-label="Answers by question">
            {d.answers.map((a, i) => (
              <button
                key={a.questionId}
                type="button"
                className={`btn small ${i + 1 === q ? 'primary' : 'secondary'}`}
                aria-current={i + 1 === q ? 'true' : undefined}
                onClick={() => setParams({ q: String(i + 1) }, { replace: true })}
              >
                Question {i + 1}
                {a.answer ? '' : ' (not answered)'}
              </button>
            ))}
          </nav>
          {current ? <AnswerReview key={current.questionId} interviewId={id} candidateId={candidateId} item={current} blind={d.blind} /> : null}

          <section className="card">
            <h2>Decisions</h2>
            <p className="muted small">Automated scores are advice. A decision is a separate, recorded human action.</p>
            <ul>
              {d.decisions.map((x) => (
                <li key={x.id}>
                  {x.decision} by {x.by ?? 'unknown'} on {when(x.createdAt)}
                  {x.reason ? `: ${x.reason}` : ''}
                </li>
              ))}
            </ul>
            {me.role === 'admin' ? <DecisionForm interviewId={id} candidateIds={[candidateId]} /> : null}
          </section>
          {error ? <ErrorBox message={messageOf(error)} /> : null}
          {me.role === 'admin' ? (
            <section className="card danger-zone" aria-labelledby="danger-h">
              <h2 id="danger-h">Delete</h2>
              <p className="small">Erases the candidate with every video, report, review and comment. This cannot be undone.</p>
              <button type="button" className="btn danger" onClick={askErase} disabled={erase.isPending}>
                Delete candidate and all recordings
              </button>
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
