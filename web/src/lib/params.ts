import { useParams } from 'react-router';

/** A path parameter the route always has (e.g. `id` of /answers/:id). */
export function useParam(name: string): string {
  const value = useParams()[name];
  if (value === undefined) throw new Error(`The route has no parameter "${name}".`);
  return value;
}
