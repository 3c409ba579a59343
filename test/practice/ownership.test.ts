/**
 * Issue 11: every practice answer has an owner. Two browsers (two cookie jars) and a third without any cookie
 * go through every practice route; neither sees or changes the other's answers, and no request without the
 * owner's cookie gets anything but 404 (lists: empty).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQLITE_FILE } from '../../server/db/database.js';
import { ensureFirstAdmin } from '../../server/features/auth/first-admin.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { type Browser, browser } from './helpers.js';

const ADMIN = { email: 'admin@example.com', password: 'correct horse battery' };
let t: TestApp;
let alice: Browser;
let bob: Browser;
let nobody: Browser;
let aliceId: string;
let bobId: string;

beforeAll(async () => {
  t = await createTestApp({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  await ensureFirstAdmin(t.c);
  alice = browser(t);
  bob = browser(t);
  nobody = browser(t);
  aliceId = await alice.upload('short.webm', 'q-gen-01');
  bobId = await bob.upload('short.webm', 'q-beh-01');
  await alice.waitSettled(aliceId);
  await bob.waitSettled(bobId);
});
afterAll(() => t.close());

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('the anonymous practice identity', () => {
  it('is a 256-bit secret in its own HttpOnly SameSite=Lax cookie, never ia_session, and only its hash is stored', async () => {
    const res = await nobody.req('GET', '/api/questions/random');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'ia_practice')!;
    expect(res.cookies.find((c) => c.name === 'ia_session')).toBeUndefined();
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(Buffer.from(cookie.value, 'base64url')).toHaveLength(32);
    // a cookie-less client's first draw stores nothing; the next one is keyed by the hash
    expect((await nobody.req('GET', '/api/questions/random')).statusCode).toBe(200);
    const draws = await t.c.database.db.selectFrom('question_draws').select('session_id').execute();
    expect(draws.map((d) => d.session_id)).toContain(`a:${sha(cookie.value)}`);
    const owners = await t.c.database.db.selectFrom('answers').select(['id', 'owner']).execute();
    expect(owners.find((o) => o.id === aliceId)?.owner).toBe(`a:${sha(alice.jar.ia_practice!)}`);
    // No raw cookie value anywhere in the database file.
    const file = readFileSync(join(t.dataDir, SQLITE_FILE));
    for (const secret of [alice.jar.ia_practice!, bob.jar.ia_practice!, cookie.value]) expect(file.includes(Buffer.from(secret))).toBe(false);
    delete nobody.jar.ia_practice; // stays a browser without an identity
  });

  it('is Secure when PUBLIC_URL is https', async () => {
    const s = await createTestApp({ PUBLIC_URL: 'https://practice.example.com' }, { worker: false });
    try {
      const res = await s.app.inject({ method: 'GET', url: '/api/questions/random' });
      expect(res.cookies.find((c) => c.name === 'ia_practice')?.secure).toBe(true);
    } finally {
      await s.close();
    }
  });

  it('an admin who draws a practice question: the draw is keyed by the user id, never by the session id', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/admin/login', payload: ADMIN });
    expect(login.statusCode).toBe(200);
    const sid = login.cookies.find((c) => c.name === 'ia_session')!.value;
    const res = await t.app.inject({ method: 'GET', url: '/api/questions/random', cookies: { ia_session: sid } });
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === 'ia_session')).toBeUndefined();
    const draws = (await t.c.database.db.selectFrom('question_draws').select('session_id').execute()).map((d) => d.session_id);
    expect(draws).toContain(`u:${login.json().user.id}`);
    expect(draws.some((d) => d.includes(sid) || d.includes(sha(sid)))).toBe(false);
    // Every stored draw key is an owner key: a hash or a user id.
    for (const d of draws) expect(d).toMatch(/^(a:[0-9a-f]{64}|u:[0-9a-f-]{36})$/);
  });

  it('draws are per owner: bob exhausting the bank does not change what alice has seen', async () => {
    const before = await t.c.database.db.selectFrom('question_draws').select('question_id').where('session_id', '=', `a:${sha(alice.jar.ia_practice!)}`).execute();
    for (let i = 0; i < 30; i++) expect((await bob.req('GET', '/api/questions/random')).statusCode).toBe(200);
    const after = await t.c.database.db.selectFrom('question_draws').select('question_id').where('session_id', '=', `a:${sha(alice.jar.ia_practice!)}`).execute();
    expect(after).toEqual(before);
  });
});

describe('two browsers on every practice route', () => {
  it('list: each sees only its own answers; no cookie sees an empty list', async () => {
    expect((await alice.req('GET', '/api/answers')).json().items.map((a: { id: string }) => a.id)).toEqual([aliceId]);
    expect((await bob.req('GET', '/api/answers')).json().items.map((a: { id: string }) => a.id)).toEqual([bobId]);
    const none = await nobody.req('GET', '/api/answers');
    expect(none.statusCode).toBe(200);
    expect(none.json().items).toEqual([]);
    // a forged cookie is a new, empty owner
    const forged = await t.app.inject({ method: 'GET', url: '/api/answers', cookies: { ia_practice: 'A'.repeat(43) } });
    expect(forged.json().items).toEqual([]);
  });

  it('get (the report JSON): 200 for the owner, 404 for the other browser and without a cookie', async () => {
    const mine = await alice.req('GET', `/api/answers/${aliceId}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().report).not.toBeNull();
    for (const other of [bob, nobody]) {
      const res = await other.req('GET', `/api/answers/${aliceId}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('ANSWER_NOT_FOUND');
      expect(res.body).not.toContain('report');
    }
  });

  it('events: the owner gets the stream, others 404 before any stream starts', async () => {
    const mine = await alice.req('GET', `/api/answers/${aliceId}/events`);
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-type']).toMatch(/text\/event-stream/);
    expect(mine.body).toContain('"status":"done"');
    for (const other of [bob, nobody]) {
      const res = await other.req('GET', `/api/answers/${aliceId}/events`);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/json/);
    }
  });

  it('video: the owner can play it (Range too), others 404', async () => {
    const mine = await alice.req('GET', `/api/answers/${aliceId}/video`);
    expect(mine.statusCode).toBe(200);
    expect(mine.rawPayload.length).toBeGreaterThan(1000);
    for (const other of [bob, nobody]) expect((await other.req('GET', `/api/answers/${aliceId}/video`)).statusCode).toBe(404);
  });

  it('retry: only the owner can queue a failed answer again', async () => {
    await t.c.answerRepo.setState(bobId, { status: 'failed', stage: 'failed', progress: 1, error: 'made to fail by the test' });
    for (const other of [alice, nobody]) {
      expect((await other.req('POST', `/api/answers/${bobId}/retry`)).statusCode).toBe(404);
      expect((await t.c.answerRepo.get(bobId))?.status).toBe('failed');
    }
    expect((await bob.req('POST', `/api/answers/${bobId}/retry`)).statusCode).toBe(202);
    expect((await bob.waitSettled(bobId)).status).toBe('done');
  });

  it('history and progress: each owner only its own; no cookie gets nothing', async () => {
    expect((await alice.req('GET', '/api/history')).json().items.map((a: { id: string }) => a.id)).toEqual([aliceId]);
    expect((await bob.req('GET', '/api/history')).json().items.map((a: { id: string }) => a.id)).toEqual([bobId]);
    expect((await nobody.req('GET', '/api/history')).json()).toEqual({ items: [], total: 0 });
    const p = (await alice.req('GET', '/api/progress')).json();
    expect(p.answers).toBe(1);
    for (const m of p.measures) for (const pt of m.points) expect(pt.answerId).toBe(aliceId);
    expect((await nobody.req('GET', '/api/progress')).json().answers).toBe(0);
  });

  it('share links: only the owner makes, lists and revokes them', async () => {
    for (const other of [bob, nobody]) {
      expect((await other.req('POST', `/api/answers/${aliceId}/shares`, { includeVideo: true })).statusCode).toBe(404);
      expect((await other.req('GET', `/api/answers/${aliceId}/shares`)).statusCode).toBe(404);
    }
    const made = await alice.req('POST', `/api/answers/${aliceId}/shares`, { includeVideo: false });
    expect(made.statusCode).toBe(201);
    const share = made.json();
    for (const other of [bob, nobody]) expect((await other.req('DELETE', `/api/answers/${aliceId}/shares/${share.id}`)).statusCode).toBe(404);
    // bob cannot revoke alice's link through his own answer either
    expect((await bob.req('DELETE', `/api/answers/${bobId}/shares/${share.id}`)).statusCode).toBe(404);
    expect((await nobody.req('GET', `/api/shared/${share.token}`)).statusCode).toBe(200);
  });

  it('delete: the other browser and a cookie-less request get 404 and change nothing; the owner deletes', async () => {
    for (const other of [bob, nobody]) {
      const res = await other.req('DELETE', `/api/answers/${aliceId}`);
      expect(res.statusCode).toBe(404);
      expect(await t.c.answerRepo.get(aliceId)).toBeDefined();
    }
    expect((await alice.req('DELETE', `/api/answers/${aliceId}`)).statusCode).toBe(204);
    expect(await t.c.answerRepo.get(aliceId)).toBeUndefined();
    expect((await alice.req('GET', `/api/answers/${aliceId}`)).statusCode).toBe(404);
    expect((await bob.req('GET', `/api/answers/${bobId}`)).statusCode).toBe(200);
  });

  it("candidate (hiring) answers never appear in a practice owner's list, history or routes", async () => {
    const id = '00000000-0000-4000-8000-00000000c0de';
    await t.c.answerRepo.create({ id, questionId: 'q-gen-01', questionText: 'Q', mediaKey: `answers/${id}/answer.webm`, mime: 'video/webm', sizeBytes: 1, durationSec: 1, hasAudio: true, hasVideo: true, engine: 'quick', scope: 'candidate' });
    for (const b of [alice, bob, nobody]) {
      expect((await b.req('GET', '/api/answers?limit=500')).json().items.map((a: { id: string }) => a.id)).not.toContain(id);
      expect((await b.req('GET', '/api/history')).json().items.map((a: { id: string }) => a.id)).not.toContain(id);
      expect((await b.req('GET', `/api/answers/${id}`)).statusCode).toBe(404);
      expect((await b.req('GET', `/api/answers/${id}/video`)).statusCode).toBe(404);
    }
  });
});
