import { ErrorBox } from '../components/ErrorBox';
import { navigate } from '../hooks/useRoute';
import { adminApi } from './api';
import { AnswerReview } from './AnswerReview';
import { DecisionForm } from './DecisionForm';
import type { Me } from './types';
import { useAction, useAsync } from './useAsync';

export function CandidatePage({ id, candidateId, me }: { id: string; candidateId: string; me: Me }) {
  const detail = useAsync(() => adminApi.candidate(id, candidateId), [id, candidateId]);
  const del = useAction();
  const d = detail.data;
  const erase = (): void => {
    if (!d || !window.confirm(`Delete ${d.candidate.name} and all their videos and reports? This cannot be undone.`)) return;
    void del.run(async () => {
      await adminApi.deleteCandidate(id, candidateId);
      navigate(`/admin/interviews/${id}`);
    });
  };
  return (
    <>
      <h1 tabIndex={-1}>{d?.candidate.name ?? 'Candidate'}</h1>
      {detail.error ? <ErrorBox message={detail.error} /> : null}
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
                    <button type="button" className="btn secondary small" onClick={() => void del.run(async () => (await adminApi.revokeInvite(id, i.id), detail.reload()))}>
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
            {me.role === 'admin' ? <DecisionForm interviewId={id} candidateIds={[candidateId]} onDone={detail.reload} /> : null}
            {me.role === 'admin' ? (
              <button type="button" className="btn danger" onClick={erase} disabled={del.busy}>
                Delete candidate and all recordings
              </button>
            ) : null}
            {del.error ? <ErrorBox message={del.error} /> : null}
          </section>
          {d.answers.map((a) => (
            <AnswerReview key={a.questionId} interviewId={id} candidateId={candidateId} item={a} rubric={d.rubric} me={me} onChange={detail.reload} />
          ))}
        </>
      ) : null}
    </>
  );
}
