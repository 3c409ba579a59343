import { type FormEvent, useState } from 'react';
import { ErrorBox } from '../components/ErrorBox';
import { adminApi } from './api';
import type { Me, Role } from './types';
import { useAction, useAsync } from './useAsync';

export function UsersPage({ me }: { me: Me }) {
  const users = useAsync(() => adminApi.users(), []);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('reviewer');
  const [password, setPassword] = useState('');
  const action = useAction();
  const create = (e: FormEvent): void => {
    e.preventDefault();
    void action.run(async () => {
      await adminApi.createUser({ email, name, role, password });
      setEmail('');
      setName('');
      setPassword('');
      users.reload();
    });
  };
  return (
    <>
      <h1 tabIndex={-1}>Users</h1>
      {users.error ? <ErrorBox message={users.error} /> : null}
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
                  <button type="button" className="btn secondary small" onClick={() => void action.run(async () => (await adminApi.updateUser(u.id, { active: !u.active }), users.reload()))}>
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
        <form className="admin-form" onSubmit={create}>
          <label>
            Email <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label>
            Name <input value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            Role
            <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
              <option value="reviewer">reviewer (reads and rates)</option>
              <option value="admin">admin (also manages interviews, candidates, users)</option>
            </select>
          </label>
          <label>
            Initial password (10+ characters) <input type="password" autoComplete="new-password" minLength={10} required value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
          <button type="submit" className="btn primary" disabled={action.busy}>
            Create user
          </button>
        </form>
        {action.error ? <ErrorBox message={action.error} /> : null}
      </section>
    </>
  );
}
