import { type FormEvent, useState } from 'react';
import { ErrorBox } from '../components/ErrorBox';
import { adminApi } from './api';
import type { Me } from './types';
import { useAction } from './useAsync';

export function Login({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void action.run(async () => onSignedIn((await adminApi.login(email, password)).user));
  };
  return (
    <section className="card admin-narrow">
      <h1 tabIndex={-1}>Sign in</h1>
      <p className="muted">For the hiring team (admins and reviewers).</p>
      <form onSubmit={submit} className="admin-form">
        <label>
          Email
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Password
          <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <button className="btn primary" type="submit" disabled={action.busy}>
          Sign in
        </button>
      </form>
      {action.error ? <ErrorBox title="Could not sign in" message={action.error} /> : null}
    </section>
  );
}
