import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { InviteQuestion, InviteView } from '../../../contracts/invites';
import { ErrorBox } from '../components/ErrorBox';
import { messageOf } from '../lib/http';
import { useParam } from '../lib/params';
import { inviteApi, inviteQuery } from './api';
import { QuestionStep } from './QuestionStep';

/** Shown as the deadline in the candidate's own time zone, with the zone named. */
const deadlineText = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });

const PRACTICE: InviteQuestion = {
  questionId: 'practice',
  position: -1,
  text: 'Practice: in a few sentences, what did you do last weekend?',
  thinkTimeSec: 0,
  answerTimeSec: 60,
  retakes: 10,
  answered: false,
};

/**
 * /invite/:token — the candidate's interview: a branded introduction with the deadline, consent (or a polite
 * decline), one practice question that is never sent, then each question in order (resuming where they left, on
 * any device with the same link), and a thank-you.
 */
export function InvitePage() {
  const token = useParam('token');
  const queryClient = useQueryClient();
  const query = useQuery(inviteQuery(token));
  const practiceKey = `practice-done:${token.slice(0, 12)}`;
  const [practised, setPractised] = useState(() => sessionStorage.getItem(practiceKey) === '1');
  const [practising, setPractising] = useState(false);
  const update = (v: InviteView): void => {
    queryClient.setQueryData(inviteQuery(token).queryKey, v);
  };
  const consent = useMutation({ mutationFn: () => inviteApi.consent(token), onSuccess: update });
  const decline = useMutation({ mutationFn: () => inviteApi.decline(token), onSuccess: update });
  const view = query.data;
  useEffect(() => {
    if (view) document.title = `${view.interview.brand?.company ? `${view.interview.brand.company}: ` : ''}${view.interview.title}`;
  }, [view]);
  const error = query.error ?? consent.error ?? decline.error;
  if (error) return <ErrorBox title="This link cannot be used" message={messageOf(error)} />;
  if (!view) return <p role="status">Loading your interview…</p>;
  const next = view.questions.find((q) => q.questionId === view.nextQuestionId);
  const answered = view.questions.filter((q) => q.answered).length;
  const brand = view.interview.brand;
  const donePractice = (): void => {
    sessionStorage.setItem(practiceKey, '1');
    setPractised(true);
    setPractising(false);
  };
  return (
    <div className="interview candidate">
      <header className="candidate-brand" data-testid="brand">
        {brand?.logoUrl ? <img src={brand.logoUrl} alt={brand.company ? `${brand.company} logo` : 'Company logo'} className="candidate-logo" /> : null}
        {brand?.company ? <p className="eyebrow">{brand.company}</p> : null}
      </header>
      <h1 tabIndex={-1}>{view.interview.title}</h1>
      <p>Hello {view.candidateName}.</p>
      {brand?.intro ? <p data-testid="brand-intro">{brand.intro}</p> : null}
      {view.interview.description ? <p className="muted">{view.interview.description}</p> : null}
      {!view.completed && !view.declined ? (
        <p data-testid="deadline">
          Please finish by <strong>{deadlineText(view.deadline)}</strong>.
        </p>
      ) : null}
      {view.declined ? (
        <section className="card" data-testid="declined">
          <h2>Thank you for letting us know</h2>
          <p>You chose not to take part. Nothing was recorded. If you change your mind, please contact the hiring team. You can close this page.</p>
        </section>
      ) : view.completed || !next ? (
        <section className="card" data-testid="thank-you">
          <h2>Thank you!</h2>
          <p>All {view.questions.length} answers were received. The hiring team will be in touch. You can close this page.</p>
        </section>
      ) : !view.consentGiven ? (
        <section className="card" data-testid="consent">
          <h2>Before you start</h2>
          <p>
            This interview has {view.questions.length} questions, answered on camera. You can stop after any answer and come back later with the same link, on this or another device; you will continue
            at the next unanswered question. First there is a practice question that is not sent.
          </p>
          <blockquote>{view.interview.consentText}</blockquote>
          <div className="actions">
            <button type="button" className="btn primary" onClick={() => consent.mutate()} disabled={consent.isPending || decline.isPending}>
              I agree, start the interview
            </button>
            <button type="button" className="btn secondary" onClick={() => decline.mutate()} disabled={consent.isPending || decline.isPending}>
              I do not agree
            </button>
          </div>
        </section>
      ) : answered === 0 && !practised ? (
        practising ? (
          <QuestionStep key="practice" token={token} question={PRACTICE} total={view.questions.length} onAnswered={update} practice={{ onDone: donePractice }} />
        ) : (
          <section className="card" data-testid="practice-intro">
            <h2>Try it first</h2>
            <p>Record one practice answer to check your camera, microphone and light. It stays on your device: nobody else sees it.</p>
            <div className="actions">
              <button type="button" className="btn primary" onClick={() => setPractising(true)}>
                Practice question
              </button>
              <button type="button" className="btn secondary" onClick={donePractice}>
                Skip the practice
              </button>
            </div>
          </section>
        )
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
