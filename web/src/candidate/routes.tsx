/** The candidate invite flow's route for the app router. */
import type { ReactElement } from 'react';
import { matchPath } from '../admin/match';
import { usePath } from '../admin/usePath';
import { InvitePage } from './InvitePage';

export { InvitePage } from './InvitePage';

/** Reads the token from /invite/:token. */
export function CandidateApp() {
  const params = matchPath('/invite/:token', usePath());
  return params?.token ? <InvitePage key={params.token} token={params.token} /> : <p>This invitation link is incomplete.</p>;
}

export const candidateRoutes: Array<{ path: string; element: ReactElement }> = [{ path: '/invite/:token', element: <CandidateApp /> }];
