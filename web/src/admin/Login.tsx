import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorBox } from '../components/ErrorBox';
import { messageOf } from '../lib/http';
import { adminApi, adminKeys } from './api';

export function Login() {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => adminApi.login(email, password),
    onSuccess: ({ user }) => queryClient.setQueryData(adminKeys.me, user),
  });
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    login.mutate();
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
        <button className="btn primary" type="submit" disabled={login.isPending}>
          Sign in
        </button>
      </form>
      {login.error ? <ErrorBox title="Could not sign in" message={messageOf(login.error)} /> : null}
    </section>
  );
}
