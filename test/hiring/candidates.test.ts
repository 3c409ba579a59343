import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCandidate, adminLogin, type Client, createHiringApp, createInterview, type HiringApp, reviewerLogin } from './helpers.js';

let t: HiringApp;
let admin: Client;
let reviewer: Client;
beforeAll(async () => {
  t = await createHiringApp();
  admin = await adminLogin(t);
  reviewer = await reviewerLogin(t, admin);
});
afterAll(() => t.close());

describe('interviews', () => {
  it('creates an interview from bank and new questions, in order, with per-question timing', async () => {
    const iv = await createInterview(admin);
    const res = await reviewer.req('GET', `/api/admin/interviews/${iv.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.questions.map((q: { position: number }) => q.position)).toEqual([0, 1]);
    expect(body.questions[0]).toMatchObject({ questionId: 'q-gen-01', thinkTimeSec: 5, answerTimeSec: 60, retakes: 1 });
    expect(body.questions[1]).toMatchObject({ text: 'Describe a bug you fixed.', category: 'custom', thinkTimeSec: 30, answerTimeSec: 120 });
    const custom = await t.c.database.db.selectFrom('questions').selectAll().where('id', '=', body.questions[1].questionId).executeTakeFirstOrThrow();
    expect(custom.source).toBe('custom');
    expect(body.consentText).toMatch(/recorded, stored and analysed/);
    expect(body.weights).toMatchObject({ confidence: 1, rating: 6 });
  });

  it('refuses unknown, duplicate and missing questions', async () => {
    const bad = async (questions: unknown[]) => (await admin.req('POST', '/api/admin/interviews', { title: 'x', questions })).json().code;
    expect(await bad([{ questionId: 'nope' }])).toBe('QUESTION_NOT_FOUND');
    expect(await bad([{ questionId: 'q-gen-01' }, { questionId: 'q-gen-01' }])).toBe('DUPLICATE_QUESTION');
    expect(await bad([{ thinkTimeSec: 3 }])).toBe('BAD_QUESTION');
    expect(await bad([])).toBe('VALIDATION_ERROR');
  });

  it('changes title, weights and consent text without touching the rest', async () => {
    const iv = await createInterview(admin, { description: 'keep me' });
    const res = await admin.req('PATCH', `/api/admin/interviews/${iv.id}`, { title: 'Renamed', weights: { rating: 2, eyeContact: 0 }, consentText: 'Custom consent.' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ title: 'Renamed', description: 'keep me', consentText: 'Custom consent.', weights: { rating: 2, eyeContact: 0, clarity: 1 } });
    expect(res.json().questions).toHaveLength(2);
    expect((await admin.req('PATCH', `/api/admin/interviews/${iv.id}`, { weights: { height: 3 } })).statusCode).toBe(400);
    expect((await reviewer.req('PATCH', `/api/admin/interviews/${iv.id}`, { title: 'no' })).statusCode).toBe(403);
  });

  it('lists interviews with their candidate counts; unknown ids are 404', async () => {
    const iv = await createInterview(admin, { title: 'Counted' });
    await addCandidate(admin, iv.id);
    const items = (await admin.req('GET', '/api/admin/interviews')).json().items;
    expect(items.find((i: { id: string }) => i.id === iv.id)).toMatchObject({ title: 'Counted', candidates: 1 });
    expect((await admin.req('GET', '/api/admin/interviews/nope')).statusCode).toBe(404);
  });
});

describe('candidates', () => {
  let iv: { id: string };
  let other: { id: string };
  beforeAll(async () => {
    iv = await createInterview(admin);
    other = await createInterview(admin, { title: 'Other job' });
  });

  it('adds a candidate with tags, notes and an admin-entered group; refuses duplicates and bad emails', async () => {
    const res = await admin.req('POST', `/api/admin/interviews/${iv.id}/candidates`, { name: 'Grace Hopper', email: 'Grace@Example.com', tags: ['senior', 'senior', ' remote '], group: 'B', notes: 'referred' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: 'Grace Hopper', email: 'grace@example.com', status: 'not_invited', tags: ['senior', 'remote'], group: 'B', notes: 'referred' });
    expect((await admin.req('POST', `/api/admin/interviews/${iv.id}/candidates`, { name: 'G', email: 'grace@example.com' })).statusCode).toBe(409);
    expect((await admin.req('POST', `/api/admin/interviews/${iv.id}/candidates`, { name: 'G', email: 'not an email' })).json().code).toBe('BAD_EMAIL');
    expect((await admin.req('POST', `/api/admin/interviews/${other.id}/candidates`, { name: 'Grace', email: 'grace@example.com' })).statusCode).toBe(201);
    expect((await reviewer.req('POST', `/api/admin/interviews/${iv.id}/candidates`, { name: 'R', email: 'r@example.com' })).statusCode).toBe(403);
  });

  it('imports a CSV list, creating the good rows and reporting each bad one', async () => {
    const csv = [
      'name,email,tags,group',
      'Alan Turing,alan@example.com,senior;remote,A',
      '"Hopper, Grace",grace2@example.com,,B',
      ',nobody@example.com',
      'Bad Email,not-an-email',
      'Dup,alan@example.com',
      'Existing,grace@example.com',
      'Too,many@example.com,a,b,c',
      '',
      '"Quote ""Q"" Person",q@example.com',
    ].join('\r\n');
    const res = await admin.req('POST', `/api/admin/interviews/${iv.id}/candidates/import`, { csv });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.created.map((c: { name: string }) => c.name)).toEqual(['Alan Turing', 'Hopper, Grace', 'Quote "Q" Person']);
    expect(body.created[0]).toMatchObject({ tags: ['senior', 'remote'], group: 'A' });
    expect(body.errors).toEqual([
      { line: 4, message: 'The name is empty.' },
      { line: 5, message: '"not-an-email" is not an email address.' },
      { line: 6, message: 'alan@example.com appears twice in the file.' },
      { line: 7, message: 'grace@example.com is already a candidate of this interview.' },
      { line: 8, message: 'Expected at most 4 columns (name,email,tags,group), found 5.' },
    ]);
    const audit = (await admin.req('GET', '/api/admin/audit?action=candidate.import')).json().items[0];
    expect(JSON.parse(audit.detail)).toEqual({ created: 3, errors: 5 });
  });

  it('filters by status and tag', async () => {
    const all = (await reviewer.req('GET', `/api/admin/interviews/${iv.id}/candidates`)).json().items;
    expect(all).toHaveLength(4);
    const senior = (await admin.req('GET', `/api/admin/interviews/${iv.id}/candidates?tag=senior`)).json().items;
    expect(senior.map((c: { name: string }) => c.name).sort()).toEqual(['Alan Turing', 'Grace Hopper']);
    // a reviewer who has rated nobody sees the same candidates, blind
    const blind = (await reviewer.req('GET', `/api/admin/interviews/${iv.id}/candidates?tag=senior`)).json().items;
    expect(blind.map((c: { id: string }) => c.id).sort()).toEqual(senior.map((c: { id: string }) => c.id).sort());
    expect(blind.every((c: { name: string; group: string | null }) => c.name.startsWith('Candidate ') && c.group === null)).toBe(true);
    expect((await reviewer.req('GET', `/api/admin/interviews/${iv.id}/candidates?status=hired`)).json().items).toHaveLength(0);
  });

  it('records human decisions (single and bulk) with who, when and why', async () => {
    const all = (await admin.req('GET', `/api/admin/interviews/${iv.id}/candidates`)).json().items as Array<{ id: string; name: string }>;
    const [a, b, c] = all;
    const one = await admin.req('POST', `/api/admin/interviews/${iv.id}/candidates/${a!.id}/decision`, { decision: 'shortlisted', reason: 'strong answers' });
    expect(one.json().status).toBe('shortlisted');
    const bulk = await admin.req('POST', `/api/admin/interviews/${iv.id}/decisions`, { candidateIds: [b!.id, c!.id], decision: 'rejected' });
    expect(bulk.json().items.map((x: { status: string }) => x.status)).toEqual(['rejected', 'rejected']);
    const detail = (await reviewer.req('GET', `/api/admin/interviews/${iv.id}/candidates/${a!.id}`)).json();
    expect(detail.decisions).toEqual([expect.objectContaining({ decision: 'shortlisted', reason: 'strong answers', by: 'admin@example.com' })]);
    expect((await reviewer.req('POST', `/api/admin/interviews/${iv.id}/candidates/${a!.id}/decision`, { decision: 'hired' })).statusCode).toBe(403);
  });

  it('refuses candidate ids from another interview on every route', async () => {
    const stranger = await addCandidate(admin, other.id);
    const base = `/api/admin/interviews/${iv.id}/candidates/${stranger.id}`;
    const calls = [
      admin.req('GET', base),
      admin.req('PATCH', base, { name: 'x' }),
      admin.req('DELETE', base),
      admin.req('POST', `${base}/decision`, { decision: 'hired' }),
      admin.req('POST', `${base}/invites`, {}),
      admin.req('GET', `${base}/invites`),
      admin.req('POST', `/api/admin/interviews/${iv.id}/decisions`, { candidateIds: [stranger.id], decision: 'hired' }),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('CANDIDATE_NOT_FOUND');
    }
    const still = (await admin.req('GET', `/api/admin/interviews/${other.id}/candidates/${stranger.id}`)).json();
    expect(still.candidate.status).toBe('not_invited');
  });

  it('edits and deletes a candidate (DELETE needs the CSRF token)', async () => {
    const cand = await addCandidate(admin, iv.id, { name: 'To Delete' });
    const url = `/api/admin/interviews/${iv.id}/candidates/${cand.id}`;
    expect((await admin.req('PATCH', url, { tags: ['x'], group: '  ' })).json()).toMatchObject({ tags: ['x'], group: null });
    expect((await t.app.inject({ method: 'DELETE', url, headers: { cookie: admin.cookie } })).statusCode).toBe(403);
    expect((await reviewer.req('DELETE', url)).statusCode).toBe(403);
    expect((await admin.req('DELETE', url)).statusCode).toBe(204);
    expect((await admin.req('GET', url)).statusCode).toBe(404);
  });

  it('answers 401 to every admin route without a session', async () => {
    for (const [method, url] of [
      ['GET', `/api/admin/interviews/${iv.id}/candidates`],
      ['POST', `/api/admin/interviews/${iv.id}/candidates/import`],
      ['GET', `/api/admin/interviews/${iv.id}/leaderboard`],
      ['GET', `/api/admin/interviews/${iv.id}/leaderboard.csv`],
      ['GET', `/api/admin/interviews/${iv.id}/fairness`],
      ['GET', `/api/admin/interviews/${iv.id}/fairness.csv`],
      ['GET', `/api/admin/interviews/${iv.id}/mail-templates`],
      ['POST', `/api/admin/interviews/${iv.id}/invites/bulk`],
      ['GET', '/api/admin/audit'],
      ['POST', '/api/admin/interviews'],
    ] as const) {
      expect((await t.app.inject({ method, url, payload: method === 'POST' ? {} : undefined })).statusCode, `${method} ${url}`).toBe(401);
    }
  });
});
