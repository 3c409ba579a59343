import { useEffect, useRef } from 'react';
import { useRoute } from './hooks/useRoute';
import { Layout } from './components/Layout';
import { Home } from './pages/Home';
import { Interview } from './pages/Interview';
import { Results } from './pages/Results';
import { History } from './pages/History';
import { NotFound } from './pages/NotFound';
import type { Route } from './lib/routes';
import { AdminApp, isAdminPath } from './admin/routes';
import { CandidateApp } from './candidate/routes';

const TITLES: Record<Route['name'], string> = {
  home: 'Interview Analyzer',
  interview: 'Practice interview · Interview Analyzer',
  history: 'History · Interview Analyzer',
  answer: 'Report · Interview Analyzer',
  notFound: 'Not found · Interview Analyzer',
};

export function App() {
  const route = useRoute();
  const key = route.name === 'answer' ? `answer:${route.id}` : route.name;
  const first = useRef(true);
  useEffect(() => {
    document.title = route.name === 'notFound' && isAdminPath(route.path) ? 'Admin · Interview Analyzer' : route.name === 'notFound' && route.path.startsWith('/invite/') ? 'Interview · Interview Analyzer' : TITLES[route.name];
    if (first.current) {
      first.current = false;
      return;
    }
    // After a client-side navigation, move focus to the new page's heading so screen readers announce it.
    document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
  }, [key, route.name]);
  return (
    <Layout>
      {route.name === 'home' ? <Home /> : null}
      {route.name === 'interview' ? <Interview key={key} /> : null}
      {route.name === 'history' ? <History /> : null}
      {route.name === 'answer' ? <Results key={key} id={route.id} /> : null}
      {route.name === 'notFound' ? otherApp(route.path) : null}
    </Layout>
  );
}

/** Paths outside the practice app: the hiring side's admin panel and the candidate invite flow. */
function otherApp(path: string) {
  if (isAdminPath(path)) return <AdminApp />;
  if (path.startsWith('/invite/')) return <CandidateApp />;
  return <NotFound path={path} />;
}
