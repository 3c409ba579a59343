import { useEffect, useState } from 'react';
import { Link } from '../components/Link';
import { ErrorBox } from '../components/ErrorBox';
import { navigate } from '../hooks/useRoute';
import { ApiError, messageOf } from '../lib/apiError';
import { adminApi } from './api';
import { AuditPage } from './AuditPage';
import { QueuePage } from './QueuePage';
import { CandidatePage } from './CandidatePage';
import { FairnessPage } from './FairnessPage';
import { InterviewPage } from './InterviewPage';
import { InterviewsPage } from './InterviewsPage';
import { LeaderboardPage } from './LeaderboardPage';
import { Login } from './Login';
import { matchPath } from './match';
import type { Me } from './types';
import { usePath } from './usePath';
import { UsersPage } from './UsersPage';
import './admin.css';

export const ADMIN_PATHS = [
  '/admin',
  '/admin/interviews/:id',
  '/admin/interviews/:id/leaderboard',
  '/admin/interviews/:id/fairness',
  '/admin/interviews/:id/candidates/:candidateId',
  '/admin/users',
  '/admin/audit',
  '/admin/queue',
] as const;

function page(path: string, me: Me) {
  for (const pattern of ADMIN_PATHS) {
    const p = matchPath(pattern, path);
    if (!p) continue;
    switch (pattern) {
      case '/admin':
        return <InterviewsPage me={me} />;
      case '/admin/interviews/:id':
        return <InterviewPage key={p.id} id={p.id!} me={me} />;
      case '/admin/interviews/:id/leaderboard':
        return <LeaderboardPage key={p.id} id={p.id!} me={me} />;
      case '/admin/interviews/:id/fairness':
        return <FairnessPage id={p.id!} />;
      case '/admin/interviews/:id/candidates/:candidateId':
        return <CandidatePage key={p.candidateId} id={p.id!} candidateId={p.candidateId!} me={me} />;
      case '/admin/users':
        return <UsersPage me={me} />;
      case '/admin/audit':
        return <AuditPage />;
      case '/admin/queue':
        return <QueuePage />;
    }
  }
  return <ErrorBox title="Page not found" message={`Nothing at ${path}.`} />;
}

/** The admin panel: sign-in, then the page for the current /admin path. */
export function AdminApp() {
  const path = usePath();
  const [me, setMe] = useState<Me | null>(null);
  const [state, setState] = useState<'loading' | 'signedOut' | 'ready' | string>('loading');
  useEffect(() => {
    adminApi.me().then(
      (u) => (setMe(u), setState('ready')),
      (e: unknown) => setState(e instanceof ApiError && e.status === 401 ? 'signedOut' : messageOf(e)),
    );
  }, []);
  if (state === 'loading') return <p role="status">Loading…</p>;
  if (state === 'signedOut' || !me) {
    if (state !== 'signedOut' && state !== 'ready') return <ErrorBox message={state} />;
    return <Login onSignedIn={(u) => (setMe(u), setState('ready'))} />;
  }
  const logout = (): void => {
    void adminApi.logout().finally(() => {
      setMe(null);
      setState('signedOut');
      navigate('/admin');
    });
  };
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label="Admin">
        <Link href="/admin">Interviews</Link>
        {me.role === 'admin' ? <Link href="/admin/users">Users</Link> : null}
        {me.role === 'admin' ? <Link href="/admin/audit">Audit log</Link> : null}
        {me.role === 'admin' ? <Link href="/admin/queue">Queue</Link> : null}
        <span className="muted small">
          {me.email} ({me.role})
        </span>
        <button type="button" className="btn secondary small" onClick={logout}>
          Sign out
        </button>
      </nav>
      {page(path, me)}
    </div>
  );
}
