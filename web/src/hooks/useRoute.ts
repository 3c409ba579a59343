import { useEffect, useState } from 'react';
import { matchRoute, type Route } from '../lib/routes';

const EVENT = 'app:navigate';

/** Client-side navigation with the History API. */
export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  if (path === window.location.pathname + window.location.search) return;
  if (opts.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(EVENT));
  window.scrollTo(0, 0);
}

/** The current route; re-renders on navigate() and on back/forward. */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => matchRoute(window.location.pathname));
  useEffect(() => {
    const update = (): void => setRoute(matchRoute(window.location.pathname));
    window.addEventListener('popstate', update);
    window.addEventListener(EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(EVENT, update);
    };
  }, []);
  return route;
}
