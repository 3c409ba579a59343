import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { accountQuery } from '../api';
import { useConfig } from '../hooks/useConfig';

/**
 * Practice pages. On a hiring-only server (PRACTICE_MODE=off) a short notice instead; where practice needs an
 * account (PRACTICE_MODE=accounts) and nobody is signed in, a link to sign in (`open` pages, like Account
 * and a shared report, show anyway).
 */
export function PracticeOnly({ children, open = false }: { children: ReactNode; open?: boolean }) {
  const { practiceMode } = useConfig();
  const account = useQuery({ ...accountQuery, enabled: practiceMode === 'accounts' && !open });
  if (practiceMode === 'off') {
    return (
      <div>
        <h1 tabIndex={-1}>Practice is not available here</h1>
        <p>This server is set up for hiring interviews only. If you were invited to an interview, open the link from your invitation.</p>
        <p>
          <Link to="/admin">Hiring team sign-in</Link>
        </p>
      </div>
    );
  }
  if (practiceMode === 'accounts' && !open && account.data && !account.data.user && !account.data.staff) {
    return (
      <div>
        <h1 tabIndex={-1}>Sign in to practise</h1>
        <p>Practice on this server needs an account, so that your recordings stay yours.</p>
        <Link className="btn primary" to="/account">
          Sign in or create an account
        </Link>
      </div>
    );
  }
  return children;
}
