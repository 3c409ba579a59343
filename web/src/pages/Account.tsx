/** /account: sign up or in (claims this browser's answers, own questions, sets and mock interviews), sign out, change password, download all data, delete the account. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { ClaimedWork, SignedIn } from '../../../contracts/account';
import { accountApi, accountQuery, historySearchQuery, practiceKeys } from '../api';
import { ErrorBox } from '../components/ErrorBox';
import { claimedText } from '../lib/claimed';
import { messageOf } from '../lib/http';
import { mockKeys } from '../mockApi';

export function Account() {
  const account = useQuery(accountQuery);
  const state = account.data;
  // What the last sign-up / sign-in moved into the account from this browser (shown after the forms are gone).
  const [claimed, setClaimed] = useState<ClaimedWork | null>(null);
  return (
    <div className="account">
      <h1 tabIndex={-1}>Account</h1>
      {account.error ? <ErrorBox message={messageOf(account.error)} /> : null}
      {!state && !account.error ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : null}
      {state?.staff ? <p className="notice">You are signed in as a member of the hiring team. Your practice answers are kept under that account; manage it in the admin panel.</p> : null}
      {claimed !== null && state?.user ? (
        <p role="status" className="notice" data-testid="claimed">
          Signed in.{claimedText(claimed) ? ` ${claimedText(claimed)}` : ''}
        </p>
      ) : null}
      {state && !state.user && !state.staff ? <SignedOut mode={state.mode} onSignedIn={setClaimed} /> : null}
      {state?.user ? <SignedInView email={state.user.email} name={state.user.name} /> : null}
    </div>
  );
}

function useAccountChanged() {
  const queryClient = useQueryClient();
  // Who owns the answers changed: every practice list and answer is fetched again.
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: practiceKeys.account }),
      queryClient.invalidateQueries({ queryKey: practiceKeys.answers }),
      queryClient.removeQueries({ queryKey: ['answer'] }),
      // own questions, question sets and mock interviews move with the answers
      queryClient.invalidateQueries({ queryKey: mockKeys.all }),
    ]);
}

function SignedOut({ mode, onSignedIn: claimedCount }: { mode: string; onSignedIn: (claimed: ClaimedWork) => void }) {
  const changed = useAccountChanged();
  const here = useQuery({ ...historySearchQuery({}), enabled: mode !== 'accounts' });
  const [signInEmail, setSignInEmail] = useState('');
  const [signInPassword, setSignInPassword] = useState('');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const onSignedIn = (r: SignedIn) => {
    claimedCount(r.claimedWork);
    return changed();
  };
  const signIn = useMutation({ mutationFn: () => accountApi.signIn({ email: signInEmail, password: signInPassword }), onSuccess: onSignedIn });
  const signUp = useMutation({ mutationFn: () => accountApi.signUp({ email, password, name }), onSuccess: onSignedIn });
  const submit = (m: { mutate: () => void }) => (e: FormEvent) => {
    e.preventDefault();
    m.mutate();
  };
  return (
    <>
      <p className="lead">
        {mode === 'accounts'
          ? 'Practice on this server needs an account.'
          : 'You can practise without an account: your answers are kept for this browser only. With an account you keep them across browsers, and the answers you recorded here move into it.'}
      </p>
      {here.data && here.data.total > 0 ? (
        <p className="notice" data-testid="anonymous-count">
          {here.data.total} answer{here.data.total === 1 ? '' : 's'} recorded in this browser will move into the account you sign in to or create.
        </p>
      ) : null}
      <div className="account-grid">
        <section className="card" aria-labelledby="signin-h">
          <h2 id="signin-h">Sign in</h2>
          <form className="practice-form" onSubmit={submit(signIn)}>
            <label>
              Email
              <input type="email" autoComplete="username" required value={signInEmail} onChange={(e) => setSignInEmail(e.target.value)} />
            </label>
            <label>
              Password
              <input type="password" autoComplete="current-password" required value={signInPassword} onChange={(e) => setSignInPassword(e.target.value)} />
            </label>
            <button className="btn primary" type="submit" disabled={signIn.isPending}>
              Sign in
            </button>
          </form>
          {signIn.error ? <ErrorBox title="Could not sign in" message={messageOf(signIn.error)} /> : null}
        </section>
        <section className="card" aria-labelledby="signup-h">
          <h2 id="signup-h">Create an account</h2>
          <form className="practice-form" onSubmit={submit(signUp)}>
            <label>
              Email
              <input type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
            </label>
            <label>
              Name (optional)
              <input type="text" autoComplete="name" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
            </label>
            <label>
              Password (at least 10 characters)
              <input type="password" autoComplete="new-password" required minLength={10} value={password} onChange={(e) => setPassword(e.target.value)} />
            </label>
            <button className="btn primary" type="submit" disabled={signUp.isPending}>
              Create account
            </button>
          </form>
          {signUp.error ? <ErrorBox title="Could not create the account" message={messageOf(signUp.error)} /> : null}
        </section>
      </div>
    </>
  );
}

function SignedInView({ email, name }: { email: string; name: string }) {
  const changed = useAccountChanged();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [deletePassword, setDeletePassword] = useState('');
  const [done, setDone] = useState('');
  const signOut = useMutation({ mutationFn: accountApi.signOut, onSuccess: changed });
  const password = useMutation({
    mutationFn: () => accountApi.changePassword({ currentPassword: current, newPassword: next }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setDone('Password changed. Other browsers are signed out.');
    },
  });
  const remove = useMutation({ mutationFn: () => accountApi.remove({ password: deletePassword }), onSuccess: changed });
  const onDelete = (e: FormEvent) => {
    e.preventDefault();
    if (window.confirm('Delete your account and all your recordings, reports and links? This cannot be undone.')) remove.mutate();
  };
  return (
    <>
      <section className="card">
        <p>
          Signed in as <strong>{name}</strong> ({email}).
        </p>
        <div className="actions">
          <Link className="btn secondary" to="/progress">
            Your progress
          </Link>
          <a className="btn secondary" href={accountApi.exportUrl} download>
            Download all my data (zip)
          </a>
          <button type="button" className="btn" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            Sign out
          </button>
        </div>
        {signOut.error ? <ErrorBox message={messageOf(signOut.error)} /> : null}
      </section>
      <div className="account-grid">
        <section className="card" aria-labelledby="pw-h">
          <h2 id="pw-h">Change password</h2>
          <form
            className="practice-form"
            onSubmit={(e) => {
              e.preventDefault();
              setDone('');
              password.mutate();
            }}
          >
            <label>
              Current password
              <input type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
            </label>
            <label>
              New password (at least 10 characters)
              <input type="password" autoComplete="new-password" required minLength={10} value={next} onChange={(e) => setNext(e.target.value)} />
            </label>
            <button className="btn primary" type="submit" disabled={password.isPending}>
              Change password
            </button>
          </form>
          {done ? <p role="status">{done}</p> : null}
          {password.error ? <ErrorBox title="Password not changed" message={messageOf(password.error)} /> : null}
        </section>
        <section className="card" aria-labelledby="del-h">
          <h2 id="del-h">Delete my account</h2>
          <p className="muted small">Removes the account and every recording, report and share link in it.</p>
          <form className="practice-form" onSubmit={onDelete}>
            <label>
              Password
              <input type="password" autoComplete="current-password" required value={deletePassword} onChange={(e) => setDeletePassword(e.target.value)} />
            </label>
            <button className="btn danger" type="submit" disabled={remove.isPending}>
              Delete account and recordings
            </button>
          </form>
          {remove.error ? <ErrorBox title="Account not deleted" message={messageOf(remove.error)} /> : null}
        </section>
      </div>
    </>
  );
}
