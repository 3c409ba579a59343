import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useConfig } from '../hooks/useConfig';

/** Practice pages; on a hiring-only server (PRACTICE_MODE=off) a short notice instead. */
export function PracticeOnly({ children }: { children: ReactNode }) {
  const { practiceMode } = useConfig();
  if (practiceMode !== 'off') return children;
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
