import { useEffect, useRef } from 'react';
import { Link, ScrollRestoration, type UIMatch, useLocation, useMatches } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { accountQuery } from '../api';
import { useConfig } from '../hooks/useConfig';
import { KeyedOutlet } from './KeyedOutlet';

/** What a route may declare in its `handle`. */
export interface RouteHandle {
  /** The document title while the route is shown (the deepest route that has one wins). */
  title?: string;
}

const APP = 'Interview Analyzer';

function useDocumentTitle(): void {
  const matches = useMatches() as Array<UIMatch<unknown, RouteHandle | undefined>>;
  const title = matches.findLast((m) => m.handle?.title)?.handle?.title;
  useEffect(() => {
    document.title = title ? `${title} · ${APP}` : APP;
  }, [title]);
}

/** After a client-side navigation to another path, focus moves to the new page's heading so screen readers announce it. */
function useFocusHeadingOnNavigation(): void {
  const { pathname } = useLocation();
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
  }, [pathname]);
}

/** The frame of every page: skip link, header with the main navigation, the page, footer. */
/** The practice links; none on a hiring-only server (PRACTICE_MODE=off). */
function PracticeNav() {
  const { practiceMode } = useConfig();
  const account = useQuery({ ...accountQuery, enabled: practiceMode !== 'off' });
  if (practiceMode === 'off') return null;
  const user = account.data?.user;
  return (
    <nav aria-label="Main">
      <Link to="/interview">Practice</Link>
      <Link to="/mock">Mock interview</Link>
      <Link to="/history">History</Link>
      <Link to="/progress">Progress</Link>
      <Link to="/account" data-testid="account-link">
        {user ? `Account (${user.name})` : account.data?.staff ? 'Account' : 'Sign in'}
      </Link>
    </nav>
  );
}

export function Layout() {
  useDocumentTitle();
  useFocusHeadingOnNavigation();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header no-print">
        <Link to="/" className="brand">
          Interview Analyzer
        </Link>
        <PracticeNav />
      </header>
      <main id="main" tabIndex={-1}>
        <KeyedOutlet depth={1} />
      </main>
      <footer className="site-footer no-print">Measures observable behaviour only (speech, pauses, pace, voice, gaze, posture). It does not infer emotions or personality.</footer>
      <ScrollRestoration />
    </>
  );
}
