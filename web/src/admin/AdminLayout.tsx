import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useOutletContext } from 'react-router';
import type { Me } from '../../../contracts/users';
import { ErrorBox } from '../components/ErrorBox';
import { KeyedOutlet } from '../components/KeyedOutlet';
import { messageOf } from '../lib/http';
import { adminApi, adminKeys, adminQueries } from './api';
import { Login } from './Login';
import './admin.css';

/** The signed-in user, for the pages inside the admin layout. */
export function useMe(): Me {
  return useOutletContext<Me>();
}

/** The admin panel: sign-in first, then the navigation and the page for the current /admin path. */
export function AdminLayout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const me = useQuery(adminQueries.me);
  const logout = useMutation({
    mutationFn: adminApi.logout,
    onSettled: () => {
      queryClient.setQueryData(adminKeys.me, null);
      queryClient.removeQueries({ queryKey: adminKeys.all, predicate: (q) => q.queryKey[1] !== 'me' });
      void navigate('/admin');
    },
  });
  if (me.isPending) return <p role="status">Loading…</p>;
  if (me.error) return <ErrorBox message={messageOf(me.error)} />;
  if (!me.data) return <Login />;
  const user = me.data;
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label="Admin">
        <Link to="/admin">Interviews</Link>
        {user.role === 'admin' ? <Link to="/admin/users">Users</Link> : null}
        {user.role === 'admin' ? <Link to="/admin/audit">Audit log</Link> : null}
        {user.role === 'admin' ? <Link to="/admin/queue">Queue</Link> : null}
        {user.role === 'admin' ? <Link to="/admin/integrations">Integrations</Link> : null}
        <span className="muted small">
          {user.email} ({user.role})
        </span>
        <button type="button" className="btn secondary small" onClick={() => logout.mutate()} disabled={logout.isPending}>
          Sign out
        </button>
      </nav>
      <KeyedOutlet depth={2} context={user} />
    </div>
  );
}

export function AdminNotFound() {
  return <ErrorBox title="Page not found" message="There is no such page in the admin panel." />;
}
