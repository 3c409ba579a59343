/** Client-side routes (pure path matching). */
export type Route =
  | { name: 'home' }
  | { name: 'interview' }
  | { name: 'history' }
  | { name: 'answer'; id: string }
  | { name: 'notFound'; path: string };

export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'home' };
  if (path === '/interview') return { name: 'interview' };
  if (path === '/history') return { name: 'history' };
  const m = /^\/answers\/([^/]+)$/.exec(path);
  if (m?.[1]) {
    try {
      return { name: 'answer', id: decodeURIComponent(m[1]) };
    } catch {
      return { name: 'notFound', path };
    }
  }
  return { name: 'notFound', path };
}
