import { Outlet } from 'react-router';
import './candidate.css';

/**
 * The candidate's frame: no practice or history links and no analysis wording (candidates never see an analysis);
 * the interview's own branding is on the page itself.
 */
export function CandidateLayout() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <main id="main" tabIndex={-1} className="candidate-main">
        <Outlet />
      </main>
      <footer className="site-footer no-print">Your answers are seen only by the hiring team of this interview.</footer>
    </>
  );
}
