import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { routes } from '../../web/src/routes.js';

/** The route (by id) and parameters the app shows for a path. */
function page(path: string): { id: string | undefined; params: Record<string, string | undefined> } | null {
  const matches = matchRoutes(routes, path);
  const leaf = matches?.at(-1);
  return leaf ? { id: leaf.route.id, params: { ...leaf.params } } : null;
}

describe('the route table', () => {
  it('maps the practice pages, decoding parameters', () => {
    expect(page('/')?.id).toBe('home');
    expect(page('/interview/')?.id).toBe('interview');
    expect(page('/history')?.id).toBe('history');
    expect(page('/answers/abc%20d')).toEqual({ id: 'answer', params: { id: 'abc d' } });
    expect(page('/progress')?.id).toBe('progress');
    expect(page('/account')?.id).toBe('account');
    expect(page('/shared/tok_en-1')).toEqual({ id: 'shared', params: { token: 'tok_en-1' } });
    expect(page('/nope')?.id).toBe('not-found');
    expect(page('/answers/a/b')?.id).toBe('not-found');
  });

  it('maps the admin panel inside its layout, and the invite flow', () => {
    expect(page('/admin')?.id).toBe('admin-interviews');
    expect(matchRoutes(routes, '/admin/users')?.map((m) => m.route.id)).toEqual(['root', 'admin', 'admin-users']);
    expect(page('/admin/interviews/a1/candidates/b%2F2/')).toEqual({ id: 'admin-candidate', params: { id: 'a1', candidateId: 'b/2' } });
    expect(page('/admin/interviews/a1/leaderboard')).toEqual({ id: 'admin-leaderboard', params: { id: 'a1' } });
    expect(page('/admin/interviews/a1/nope')?.id).toBe('admin-not-found');
    expect(page('/invite/tok_en-1')).toEqual({ id: 'invite', params: { token: 'tok_en-1' } });
  });
});
