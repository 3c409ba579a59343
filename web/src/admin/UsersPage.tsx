import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { UserPatch, UserRole } from '../../../contracts/users';
import { ErrorBox } from '../components/ErrorBox';
import { messageOf } from '../lib/http';
import { useMe } from './AdminLayout';
import { adminApi, adminKeys, adminQueries } from './api';

export function UsersPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const users = useQuery(adminQueries.users);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<UserRole>('reviewer');
  const [password, setPassword] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.users });
  const create = useMutation({
    mutationFn: () => adminApi.createUser({ email, name, role, password }),
    onSuccess: () => {
      setEmail('');
      setName('');
      setPassword('');
      return refresh();
    },
  });
  const update = useMutation({ mutationFn: ({ id, patch }: { id: string; patch: UserPatch }) => adminApi.updateUser(id, patch), onSuccess: refresh });
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    create.mutate();
  };
  const error = create.error ?? update.error;
  return (
    <>
      <h1 tabIndex={-1}>Users</h1>
      {users.error ? <ErrorBox message={messageOf(users.error)} /> : null}
      <table className="admin-table">
        <thead>
          <tr>
            <th>Email</th>
            <th>Name</th>
            <th>Role</th>
            <th>Active</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users.data?.items.map((u) => (
            <tr key={u.id}>
              <td>{u.email}</td>
              <td>{u.name}</td>
              <td>{u.role}</td>
              <td>{u.active ? 'yes' : 'no'}</td>
              <td>
                {u.id !== me.id ? (
                  <button type="button" className="btn secondary small" disabled={update.isPending} onClick={() => update.mutate({ id: u.id, patch: { active: !u.active } })}>
                    {u.active ? 'Deactivate' : 'Reactivate'}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="card">
        <h2>New user</h2>
        <form className="admin-form" onSubmit={submit}>
          <label>
            Email <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label>
            Name <input value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            Role
            <select value={role} onChange={(e) => setRole(e.target.value as UserRole)}>
              <option value="reviewer">reviewer (reads and rates)</option>
              <option value="admin">admin (also manages interviews, candidates, users)</option>
            </select>
          </label>
          <label>
            Initial password (10+ characters) <input type="password" autoComplete="new-password" minLength={10} required value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
          <button type="submit" className="btn primary" disabled={create.isPending}>
            Create user
          </button>
        </form>
        {error ? <ErrorBox message={messageOf(error)} /> : null}
      </section>
    </>
  );
}
