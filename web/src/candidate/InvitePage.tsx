import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InviteView } from '../../../contracts/invites';
import { ErrorBox } from '../components/ErrorBox';
import { messageOf } from '../lib/http';
import { useParam } from '../lib/params';
import { inviteApi, inviteQuery } from './api';
import { QuestionStep } from './QuestionStep';

/** /invite/:token — the candidate's interview: consent, each question in order (resuming where they left), thank you. */
export function InvitePage() {
  const token = useParam('token');
  const queryClient = useQueryClient();
  const query = useQuery(inviteQuery(token));
  const update = (v: InviteView): void => {
    queryClient.setQueryData(inviteQuery(token).queryKey, v);
  };
  const consent = useMutation({ mutationFn: () => inviteApi.consent(token), onSuccess: update });
  const error = query.error ?? consent.error;
  const view = query.data;
  if (error) return <ErrorBox title="This link cannot be used" message={messageOf(error)} />;
  if (!view) return <p role="status">Loading your interview…</p>;
  const next = view.questions.find((q) => q.questionId === view.nextQuestionId);
  const answered = view.questions.filter((q) => q.answered).length;
  return (
    <div className="interview">
      <h1 tabIndex={-1}>{view.interview.title}</h1>
      <p>Hello {view.candidateName}.</p>
      {view.interview.description ? <p className="muted">{view.interview.description}</p> : null}
      {view.completed || !next ? (
        <section className="card" data-testid="thank-you">
          <h2>Thank you!</h2>
          <p>All {view.questions.length} answers were received. The hiring team will be in touch. You can close this page.</p>
        </section>
      ) : !view.consentGiven ? (
        <section className="card" data-testid="consent">
          <h2>Before you start</h2>
          <p>This interview has {view.questions.length} questions. You can stop after any answer and come back later with the same link; you will continue at the next unanswered question.</p>
          <blockquote>{view.interview.consentText}</blockquote>
          <button type="button" className="btn primary" onClick={() => consent.mutate()} disabled={consent.isPending}>
            I agree, start the interview
          </button>
        </section>
      ) : (
        <>
          <p className="muted">
            {answered} of {view.questions.length} answered.
          </p>
          <QuestionStep key={next.questionId} token={token} question={next} total={view.questions.length} onAnswered={update} />
        </>
      )}
    </div>
  );
}
