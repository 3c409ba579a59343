import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../server/features/auth/tokens.js';
import { multipart } from '../helpers/app.js';
import { fixture } from '../helpers/fixtures.js';
import { addCandidate, adminLogin, type Client, createHiringApp, createInterview, type HiringApp, invite } from './helpers.js';

let t: HiringApp;
let admin: Client;
let iv: { id: string; questions: Array<{ questionId: string }> };
let other: { id: string; questions: Array<{ questionId: string }> };
let video: Buffer;
beforeAll(async () => {
  t = await createHiringApp({ INVITE_RATE_PER_MIN: '1000' });
  admin = await adminLogin(t);
  iv = await createInterview(admin, { title: 'Data engineer', consentText: 'I agree to be recorded (test consent).' });
  other = await createInterview(admin, { title: 'Secret other job', questions: [{ text: 'Other-only question' }] });
  video = await readFile(fixture('short.webm'));
});
afterAll(() => t.close());

const view = (token: string) => t.app.inject({ method: 'GET', url: `/api/invite/${token}` });
const consent = (token: string) => t.app.inject({ method: 'POST', url: `/api/invite/${token}/consent`, payload: { accept: true } });
const upload = (token: string, questionId: string) => t.app.inject({ method: 'POST', url: `/api/invite/${token}/answers`, ...multipart({ questionId }, { name: 'a.webm', type: 'video/webm', data: video }) });

describe('invite links', () => {
  it('creates a 256-bit token shown once, stores only its SHA-256, and builds the invite URL', async () => {
    const cand = await addCandidate(admin, iv.id);
    const res = await invite(admin, iv.id, cand.id, { expiresInDays: 3 });
    expect(res.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(res.token, 'base64url').length).toBe(32);
    expect(res.url).toMatch(new RegExp(`/invite/${res.token}$`));
    const row = await t.c.database.db.selectFrom('invites').selectAll().where('id', '=', res.invite.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(sha256(res.token));
    expect(JSON.stringify(row)).not.toContain(res.token);
    expect(Date.parse(row.expires_at) - Date.now()).toBeGreaterThan(2.9 * 86_400_000);
    const list = (await admin.req('GET', `/api/admin/interviews/${iv.id}/candidates/${cand.id}/invites`)).json();
    expect(list.items[0]).toMatchObject({ id: res.invite.id, state: 'active' });
    expect(JSON.stringify(list)).not.toContain(res.token);
  });

  it('refuses unknown (404), revoked (410) and expired (410) tokens with a clear message', async () => {
    expect((await view('x'.repeat(43))).json()).toMatchObject({ statusCode: 404, code: 'INVITE_NOT_FOUND' });
    const cand = await addCandidate(admin, iv.id);
    const a = await invite(admin, iv.id, cand.id);
    expect((await view(a.token)).statusCode).toBe(200);
    const revoked = await admin.req('POST', `/api/admin/interviews/${iv.id}/invites/${a.invite.id}/revoke`);
    expect(revoked.json().state).toBe('revoked');
    const r = await view(a.token);
    expect(r.statusCode).toBe(410);
    expect(r.json()).toMatchObject({ code: 'INVITE_REVOKED', message: expect.stringMatching(/withdrawn/) });
    expect((await upload(a.token, iv.questions[0]!.questionId)).statusCode).toBe(410);

    const b = await invite(admin, iv.id, cand.id);
    await t.c.database.db.updateTable('invites').set({ expires_at: new Date(Date.now() - 60_000).toISOString() }).where('id', '=', b.invite.id).execute();
    const e = await view(b.token);
    expect(e.statusCode).toBe(410);
    expect(e.json()).toMatchObject({ code: 'INVITE_EXPIRED', message: expect.stringMatching(/expired on \d{4}-\d\d-\d\d/) });
    expect((await consent(b.token)).statusCode).toBe(410);
  });

  it('a new invite revokes the previous open one; revoking needs the right interview', async () => {
    const cand = await addCandidate(admin, iv.id);
    const first = await invite(admin, iv.id, cand.id);
    const second = await invite(admin, iv.id, cand.id);
    expect((await view(first.token)).json().code).toBe('INVITE_REVOKED');
    expect((await view(second.token)).statusCode).toBe(200);
    expect((await admin.req('POST', `/api/admin/interviews/${other.id}/invites/${second.invite.id}/revoke`)).statusCode).toBe(404);
    expect((await view(second.token)).statusCode).toBe(200);
  });
});

describe('the candidate flow', () => {
  let token: string;
  let candidateId: string;
  beforeAll(async () => {
    const cand = await addCandidate(admin, iv.id, { name: 'Cora Candidate', email: 'cora@example.com', group: 'G1' });
    candidateId = cand.id;
    token = (await invite(admin, iv.id, cand.id)).token;
  });

  it('shows its own interview only: questions in order, no admin data', async () => {
    const res = await view(token);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const v = res.json();
    expect(v).toMatchObject({ interview: { title: 'Data engineer', consentText: 'I agree to be recorded (test consent).' }, candidateName: 'Cora Candidate', consentGiven: false, completed: false });
    expect(v.questions.map((q: { questionId: string }) => q.questionId)).toEqual(iv.questions.map((q) => q.questionId));
    expect(v.nextQuestionId).toBe(iv.questions[0]!.questionId);
    expect(res.body).not.toMatch(/cora@example.com|G1|Secret other job|weights|notes/);
  });

  it('needs consent before any upload, and records it with the time and text', async () => {
    const before = await upload(token, iv.questions[0]!.questionId);
    expect(before.statusCode).toBe(403);
    expect(before.json().code).toBe('CONSENT_REQUIRED');
    expect((await t.app.inject({ method: 'POST', url: `/api/invite/${token}/consent`, payload: { accept: false } })).statusCode).toBe(400);
    const res = await consent(token);
    expect(res.json().consentGiven).toBe(true);
    const row = await t.c.database.db.selectFrom('invites').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirstOrThrow();
    expect(row.consent_text).toBe('I agree to be recorded (test consent).');
    expect(Date.now() - Date.parse(row.consent_at!)).toBeLessThan(60_000);
    const cand = (await admin.req('GET', `/api/admin/interviews/${iv.id}/candidates/${candidateId}`)).json().candidate;
    expect(cand.status).toBe('in_progress');
  });

  it('refuses questions out of order and questions of another interview', async () => {
    const second = await upload(token, iv.questions[1]!.questionId);
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('OUT_OF_ORDER');
    const foreign = await upload(token, other.questions[0]!.questionId);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('QUESTION_NOT_IN_INTERVIEW');
    expect(await t.c.database.db.selectFrom('answers').select('id').execute()).toHaveLength(0);
  });

  it('accepts the answers in order, resumes at the next unanswered question, and completes', async () => {
    const [q1, q2] = iv.questions.map((q) => q.questionId);
    const first = await upload(token, q1!);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ nextQuestionId: q2, completed: false });
    expect(first.body).not.toMatch(/report|scores|answerId/);
    // coming back later with the same link
    const resumed = (await view(token)).json();
    expect(resumed.nextQuestionId).toBe(q2);
    expect(resumed.questions.map((q: { answered: boolean }) => q.answered)).toEqual([true, false]);
    expect((await upload(token, q1!)).json().code).toBe('ALREADY_ANSWERED');
    const last = await upload(token, q2!);
    expect(last.json()).toMatchObject({ nextQuestionId: null, completed: true });
    const links = await t.c.database.db.selectFrom('candidate_answers').selectAll().where('candidate_id', '=', candidateId).orderBy('created_at').execute();
    expect(links.map((l) => l.question_id)).toEqual([q1, q2]);
    expect((await admin.req('GET', `/api/admin/interviews/${iv.id}/candidates/${candidateId}`)).json().candidate.status).toBe('completed');
    // the completed link still opens (thank-you page) but takes no more uploads
    expect((await view(token)).json().completed).toBe(true);
  });

  it('stores nothing for an invalid upload', async () => {
    const cand = await addCandidate(admin, iv.id);
    const tk = (await invite(admin, iv.id, cand.id)).token;
    await consent(tk);
    const res = await t.app.inject({ method: 'POST', url: `/api/invite/${tk}/answers`, ...multipart({ questionId: iv.questions[0]!.questionId }, { name: 'e.webm', type: 'video/webm', data: Buffer.alloc(0) }) });
    expect(res.json().code).toBe('EMPTY_FILE');
    expect((await view(tk)).json().nextQuestionId).toBe(iv.questions[0]!.questionId);
  });
});

describe('token lookups are rate-limited', () => {
  it('answers 429 after INVITE_RATE_PER_MIN lookups from one address', async () => {
    const t2 = await createHiringApp({ INVITE_RATE_PER_MIN: '3' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await t2.app.inject({ method: 'GET', url: `/api/invite/${'a'.repeat(43)}` })).statusCode);
      expect(codes).toEqual([404, 404, 404, 429]);
    } finally {
      await t2.close();
    }
  });
});

describe('the public practice API', () => {
  it('does not list, show, stream or delete candidates\' answers', async () => {
    const cand = await addCandidate(admin, iv.id);
    const tk = (await invite(admin, iv.id, cand.id)).token;
    await consent(tk);
    expect((await upload(tk, iv.questions[0]!.questionId)).statusCode).toBe(201);
    const link = await t.c.database.db.selectFrom('candidate_answers').select('answer_id').where('candidate_id', '=', cand.id).executeTakeFirstOrThrow();
    const id = link.answer_id;
    const list = await t.app.inject({ method: 'GET', url: '/api/answers?limit=500' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((a: { id: string }) => a.id)).not.toContain(id);
    for (const [method, url] of [['GET', `/api/answers/${id}`], ['GET', `/api/answers/${id}/video`], ['GET', `/api/answers/${id}/events`], ['POST', `/api/answers/${id}/retry`], ['DELETE', `/api/answers/${id}`]] as const) {
      const res = await t.app.inject({ method, url });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect(await t.c.answers.get(id)).toMatchObject({ id });
  });
});

describe('branded intro', () => {
  it('shows the interview\u2019s company, logo and introduction to the candidate, with the deadline; refuses a logo that is not https', async () => {
    const bad = await admin.req('POST', '/api/admin/interviews', { title: 'Branded', questions: [{ text: 'Q?' }], brand: { company: 'Acme', logoUrl: 'javascript:alert(1)', intro: '' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/logoUrl: an https:\/\/ URL/);
    const branded = (
      await admin.req('POST', '/api/admin/interviews', { title: 'Branded', questions: [{ text: 'Q?' }], brand: { company: 'Acme Ltd', logoUrl: 'https://acme.example/logo.png', intro: 'Welcome to Acme.' } })
    ).json();
    expect(branded.brand).toEqual({ company: 'Acme Ltd', logoUrl: 'https://acme.example/logo.png', intro: 'Welcome to Acme.' });
    const cand = await addCandidate(admin, branded.id);
    const { token, invite: inv } = await invite(admin, branded.id, cand.id, { expiresInDays: 2 });
    const v = (await view(token)).json();
    expect(v.interview.brand).toEqual(branded.brand);
    expect(v.deadline).toBe((inv as unknown as { expiresAt: string }).expiresAt);
    expect(v).toMatchObject({ declined: false, consentGiven: false });
  });
});
