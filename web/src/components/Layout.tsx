import type { ReactNode } from 'react';
import { Link } from './Link';

export function Layout({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header no-print">
        <Link href="/" className="brand">
          Interview Analyzer
        </Link>
        <nav aria-label="Main">
          <Link href="/interview">Practice</Link>
          <Link href="/history">History</Link>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer no-print">
        Measures observable behaviour only (speech, pauses, pace, voice, gaze, posture). It does not infer emotions or personality.
      </footer>
    </>
  );
}
