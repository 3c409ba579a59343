/** Signed webhooks to a local receiver (retries, delivery log) and API tokens for the read API. */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hiringOf } from '../../server/features/hiring.js';
import { WebhookService } from '../../server/features/webhooks/webhook.service.js';
import { verify } from '../../server/features/webhooks/signature.js';
import { multipart } from '../helpers/app.js';
import { fixture } from '../helpers/fixtures.js';
import { addCandidate, adminLogin, type Client, createHiringApp, createInterview, type HiringApp, invite, reviewerLogin } from './helpers.js';
import { type Receiver, startReceiver } from './receiver.js';

let t: HiringApp;
let admin: Client;
let reviewer: Client;
let rx: Receiver;
let iv: { id: string; questions: Array<{ questionId: string }> };
let hook: { id: string; secret: string };

beforeAll(async () => {
  rx = await startReceiver();
  t = await createHiringApp({ INVITE_RATE_PER_MIN: '1000', WEBHOOK_TIMEOUT_SEC: '1' });
  admin = await adminLogin(t);
  reviewer = await reviewerLogin(t, admin);
  iv = await createInterview(admin, { title: 'Support lead' });
});
afterAll(async () => {
  await t?.close();
  await rx?.close();
});

describe('webhooks', () => {
  it('registers a webhook (admins only, http(s) only); the secret is shown once', async () => {
    expect((await reviewer.req('POST', '/api/admin/webhooks', { url: rx.url })).statusCode).toBe(403);
    const bad = await admin.req('POST', '/api/admin/webhooks', { url: 'file:///etc/passwd' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/http:\/\/ or https:\/\//);
    const res = await admin.req('POST', '/api/admin/webhooks', { url: rx.url });
    expect(res.statusCode).toBe(201);
    hook = res.json();
    expect(hook.secret).toMatch(/^whsec_/);
    expect(res.json().events).toEqual(['candidate.finished', 'candidate.decided']);
    expect(JSON.stringify((await admin.req('GET', '/api/admin/webhooks')).json())).not.toContain(hook.secret);
  });

  it('sends candidate.finished and candidate.decided, signed with HMAC-SHA256 over the raw body', async () => {
    const cand = await addCandidate(admin, iv.id, { name: 'Hook Candidate', email: 'hook@example.com' });
    const { token } = await invite(admin, iv.id, cand.id);
    await t.app.inject({ method: 'POST', url: `/api/invite/${token}/consent`, payload: { accept: true } });
    const video = await readFile(fixture('short.webm'));
    for (const q of iv.questions) await t.app.inject({ method: 'POST', url: `/api/invite/${token}/answers`, ...multipart({ questionId: q.questionId }, { name: 'a.webm', type: 'video/webm', data: video }) });
    const [finished] = await rx.waitFor(1);
    expect(finished!.headers['x-webhook-event']).toBe('candidate.finished');
    expect(verify(hook.secret, finished!.body, finished!.headers['x-webhook-signature'] as string)).toBe(true);
    expect(verify('whsec_wrong', finished!.body, finished!.headers['x-webhook-signature'] as string)).toBe(false);
    expect(JSON.parse(finished!.body)).toMatchObject({ event: 'candidate.finished', id: finished!.headers['x-webhook-id'], data: { interviewId: iv.id, interviewTitle: 'Support lead', candidateId: cand.id, candidateEmail: 'hook@example.com' } });

    await admin.req('POST', `/api/admin/interviews/${iv.id}/candidates/${cand.id}/decision`, { decision: 'shortlisted', reason: 'strong' });
    const decided = (await rx.waitFor(2))[1]!;
    expect(verify(hook.secret, decided.body, decided.headers['x-webhook-signature'] as string)).toBe(true);
    expect(JSON.parse(decided.body)).toMatchObject({ event: 'candidate.decided', data: { candidateId: cand.id, decision: 'shortlisted', reason: 'strong' } });

    const log = (await admin.req('GET', `/api/admin/webhooks/${hook.id}/deliveries`)).json().items;
    expect(log.map((d: { event: string; status: string; lastStatus: number; attempts: number }) => [d.event, d.status, d.lastStatus, d.attempts])).toEqual([
      ['candidate.decided', 'delivered', 200, 1],
      ['candidate.finished', 'delivered', 200, 1],
    ]);
  });

  it('retries a 500 and a receiver that does not answer, logs each error, fails after WEBHOOK_MAX_ATTEMPTS; an admin can retry', async () => {
    // this test drives the deliveries by hand: the app's own sender stops
    await hiringOf(t.app)!.webhooks.stop();
    // a long backoff, made due by moving run_after back: no race with the clock on a busy machine
    const svc = new WebhookService(t.c.database.db, t.h.audit, { maxAttempts: 3, timeoutMs: 300, backoffBaseMs: 60_000 });
    const makeDue = () => t.c.database.db.updateTable('webhook_deliveries').set({ run_after: new Date(Date.now() - 1000).toISOString() }).where('id', '=', id).execute();
    const before = rx.received.length;
    rx.script.push(500, 'hang', 503);
    await svc.emit('candidate.decided', { interviewId: iv.id, interviewTitle: 'Support lead', candidateId: 'c1', candidateName: 'X', candidateEmail: 'x@example.com', decision: 'rejected', reason: '' });
    const id = (await svc.deliveries(hook.id))[0]!.id;
    const row = async () => (await svc.deliveries(hook.id)).find((d) => d.id === id)!;
    await svc.drain();
    expect(await row()).toMatchObject({ status: 'queued', attempts: 1, lastStatus: 500, lastError: 'receiver answered HTTP 500' });
    expect(Date.parse((await row()).runAfter) - Date.now()).toBeGreaterThan(50_000); // backoff 60 s x 4^0
    await svc.drain(); // not due yet
    expect(await row()).toMatchObject({ status: 'queued', attempts: 1 });
    await makeDue();
    await svc.drain();
    expect(await row()).toMatchObject({ status: 'queued', attempts: 2, lastStatus: null, lastError: 'no answer within 0.3 s' });
    expect(Date.parse((await row()).runAfter) - Date.now()).toBeGreaterThan(230_000); // 60 s x 4^1
    await makeDue();
    await svc.drain();
    expect(await row()).toMatchObject({ status: 'failed', attempts: 3, lastStatus: 503 });
    expect(rx.received.length - before).toBe(3);
    const again = await admin.req('POST', `/api/admin/webhooks/${hook.id}/deliveries/${id}/retry`);
    expect(again.statusCode).toBe(200);
    await svc.drain();
    expect(await row()).toMatchObject({ status: 'delivered', attempts: 1, lastStatus: 200 });
    // the same event id on every attempt: receivers can de-duplicate
    const ids = rx.received.slice(before).map((r) => r.headers['x-webhook-id']);
    expect(new Set(ids)).toEqual(new Set([id]));
  });
});

describe('API tokens and the read API', () => {
  it('creates a token shown once (stored hashed); /api/v1 answers with it and 401 without, revoked, or a reviewer\u2019s session', async () => {
    const res = await admin.req('POST', '/api/admin/tokens', { name: 'ATS sync' });
    expect(res.statusCode).toBe(201);
    const { token, id } = res.json();
    expect(token).toMatch(/^ia_[A-Za-z0-9_-]{43}$/);
    const stored = await t.c.database.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(token);
    const get = (url: string, auth?: string) => t.app.inject({ method: 'GET', url, headers: auth ? { authorization: auth } : {} });
    const list = await get('/api/v1/interviews', `Bearer ${token}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(iv.id);
    const board = await get(`/api/v1/interviews/${iv.id}/leaderboard`, `Bearer ${token}`);
    expect(board.json().formula).toMatch(/^Rank = /);
    expect((await get(`/api/v1/interviews/${iv.id}/candidates?status=shortlisted`, `Bearer ${token}`)).json().items.map((c: { name: string }) => c.name)).toEqual(['Hook Candidate']);
    expect((await get('/api/v1/interviews')).json().code).toBe('TOKEN_REQUIRED');
    expect((await get('/api/v1/interviews', `Bearer ia_${'x'.repeat(43)}`)).json().code).toBe('TOKEN_INVALID');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/interviews', headers: { cookie: admin.cookie } })).statusCode).toBe(401);
    expect((await reviewer.req('POST', '/api/admin/tokens', { name: 'mine' })).statusCode).toBe(403);
    const mine = (await admin.req('GET', '/api/admin/tokens')).json().items[0];
    expect(mine).toMatchObject({ id, name: 'ATS sync', prefix: token.slice(0, 10), lastUsedAt: expect.any(String) });
    await admin.req('POST', `/api/admin/tokens/${id}/revoke`);
    expect((await get('/api/v1/interviews', `Bearer ${token}`)).statusCode).toBe(401);
    // read-only: there is no route that changes data under /api/v1
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/interviews', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(404);
  });

  it('documents the webhooks, the signature and the token API in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/api/v1/interviews/{id}/leaderboard'].get.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths['/api/admin/webhooks'].post.summary).toMatch(/X-Webhook-Signature: t=<unix>,v1=<hex HMAC-SHA256/);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/admin/tokens', '/api/admin/webhooks/{webhookId}/deliveries', '/api/admin/interviews/{id}/invites/bulk', '/api/admin/interviews/{id}/fairness.csv']));
  });
});
