import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedQuestions } from '../../server/features/questions/seed.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { worker: false });
});
afterAll(() => t.close());

describe('questions', () => {
  it('seeds at least 150 questions, the original five categories among them', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/questions' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ category: string }>;
    expect(items.length).toBeGreaterThanOrEqual(150);
    expect([...new Set(items.map((q) => q.category))]).toEqual(expect.arrayContaining(['general', 'behavioral', 'teamwork', 'leadership', 'career']));
  });

  it('never repeats a question within a session until the bank is exhausted, then starts over', async () => {
    // A cookie-less draw gets the cookie but is not recorded (issue 11: nothing stored for unidentified clients).
    const first = await t.app.inject({ method: 'GET', url: '/api/questions/random' });
    expect(first.statusCode).toBe(200);
    // Its own cookie (ia_practice), never the admin session's name.
    expect(first.cookies.find((c) => c.name === 'ia_session')).toBeUndefined();
    const cookie = first.cookies.find((c) => c.name === 'ia_practice');
    expect(cookie?.httpOnly).toBe(true);
    const seen: string[] = [];
    for (let i = 0; i < seedQuestions.length; i++) {
      const r = await t.app.inject({ method: 'GET', url: '/api/questions/random', cookies: { ia_practice: cookie!.value } });
      const q = r.json() as { id: string; text: string; category: string };
      expect(q.text.length).toBeGreaterThan(5);
      seen.push(q.id);
    }
    expect(new Set(seen).size).toBe(seedQuestions.length);
    const again = await t.app.inject({ method: 'GET', url: `/api/questions/random?after=${seen.at(-1)}`, cookies: { ia_practice: cookie!.value } });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).not.toBe(seen.at(-1));
  });

  it('keeps the demo route GET /get_question returning {question}', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/get_question' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json())).toEqual(['question']);
    expect(seedQuestions.map((q) => q.text)).toContain(res.json().question);
  });
});

describe('system', () => {
  it('reports health and client settings', async () => {
    const h = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(h.json()).toMatchObject({ status: 'ok', engine: 'quick', role: 'all' });
    const c = await t.app.inject({ method: 'GET', url: '/api/config' });
    expect(c.json()).toEqual({ recordingMaxSec: 120, thinkTimeSec: 20, retakes: 2, maxUploadMb: 500, engine: 'quick', practiceMode: 'open' });
  });

  it('publishes an OpenAPI document generated from the route schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/questions/random', '/api/answers', '/api/answers/{id}', '/api/answers/{id}/events', '/api/health']));
    expect(doc.paths['/api/answers']).toHaveProperty('post');
  });

  it('answers unknown API routes with a JSON 404 and sets security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
