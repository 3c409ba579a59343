import { Fragment } from 'react';
import { useMatches, useOutlet } from 'react-router';

/**
 * The child route, remounted when its path changes (/answers/a -> /answers/b, or another candidate) so a
 * page never keeps the state of the previous one; a change of search params (filters) keeps it.
 * `depth` is this layout's child position among the matched routes (1 under the root).
 */
export function KeyedOutlet({ depth, context }: { depth: number; context?: unknown }) {
  const outlet = useOutlet(context);
  const key = useMatches()[depth]?.pathname;
  return <Fragment key={key}>{outlet}</Fragment>;
}
