/**
 * Signing up or in claims everything this browser made anonymously, not only its answers: own questions, question
 * sets and mock interviews move to the account (one cookie jar: made anonymously, then signed up), and another
 * browser's work stays where it is; the account's data download has them, and deleting the account deletes them.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { type Browser, browser } from './helpers.js';

const run = promisify(execFile);
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ LOGIN_RATE_PER_MIN: '1000' });
});
afterAll(() => t?.close());

const idsOf = async (b: Browser, url: string) => ((await b.req('GET', url)).json().items as Array<{ id: string }>).map((x) => x.id);

/** Makes one of each kind of practice work in this browser; returns their ids. */
async function makeWork(b: Browser, label: string, answer = true) {
  const q = await b.req('POST', '/api/questions', { text: `How would you explain ${label} to a new colleague?`, category: 'Explaining', type: 'general', roles: ['any'] });
  expect(q.statusCode).toBe(201);
  const set = await b.req('POST', '/api/question-sets', { name: `${label} round`, questionIds: [q.json().id, 'q-gen-01', 'q-beh-02'] });
  expect(set.statusCode).toBe(201);
  const session = await b.req('POST', '/api/sessions', { count: 3, setId: set.json().id });
  expect(session.statusCode).toBe(201);
  const answerId = answer ? await b.upload('short.webm', 'q-gen-01') : null;
  if (answerId) await b.waitSettled(answerId);
  return { question: q.json().id as string, set: set.json().id as string, session: session.json().id as string, answer: answerId };
}

async function expectOwnedBy(b: Browser, w: Awaited<ReturnType<typeof makeWork>>) {
  expect(await idsOf(b, '/api/questions?origin=own')).toContain(w.question);
  expect(await idsOf(b, '/api/question-sets')).toContain(w.set);
  expect(await idsOf(b, '/api/sessions')).toContain(w.session);
  expect((await b.req('GET', `/api/sessions/${w.session}`)).statusCode).toBe(200);
  if (w.answer) expect(await idsOf(b, '/api/answers')).toContain(w.answer);
}

async function ownersOf(w: Awaited<ReturnType<typeof makeWork>>) {
  const db = t.c.database.db;
  return {
    question: (await db.selectFrom('questions').select('owner').where('id', '=', w.question).executeTakeFirstOrThrow()).owner,
    set: (await db.selectFrom('question_sets').select('owner').where('id', '=', w.set).executeTakeFirstOrThrow()).owner,
    session: (await db.selectFrom('mock_sessions').select('owner').where('id', '=', w.session).executeTakeFirstOrThrow()).owner,
  };
}

describe('claiming anonymous practice work', () => {
  it('signing up moves this browser’s own questions, question sets, mock interviews and answers into the account', async () => {
    const b = browser(t);
    const other = browser(t);
    const mine = await makeWork(b, 'our deploys');
    const theirs = await makeWork(other, 'the on-call rota', false);
    await expectOwnedBy(b, mine);
    const anonOwners = await ownersOf(mine);
    expect(anonOwners.question).toMatch(/^a:/);

    const res = await b.req('POST', '/api/account/signup', { email: 'claimer@example.com', password: 'claiming everything 2026', name: 'Claimer' });
    expect(res.statusCode).toBe(201);
    const userId = res.json().user.id as string;
    expect(res.json()).toMatchObject({ claimed: 1, claimedWork: { answers: 1, questions: 1, questionSets: 1, mockSessions: 1 } });
    expect(b.jar.ia_practice).toBeUndefined(); // the anonymous identity is gone: only the account can see the work now

    await expectOwnedBy(b, mine);
    expect(await ownersOf(mine)).toEqual({ question: `u:${userId}`, set: `u:${userId}`, session: `u:${userId}` });
    // the other browser's work stays with it
    await expectOwnedBy(other, theirs);
    expect(await idsOf(b, '/api/questions?origin=own')).not.toContain(theirs.question);
    expect((await ownersOf(theirs)).question).toMatch(/^a:/);

    const audit = await t.c.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'account.claim').where('target_id', '=', userId).execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail ?? '{}')).toEqual({ answers: 1, questions: 1, questionSets: 1, mockSessions: 1 });

    // signed out, the browser gets a fresh anonymous identity that owns none of it
    expect((await b.req('POST', '/api/account/logout')).statusCode).toBe(204);
    expect(await idsOf(b, '/api/questions?origin=own')).toEqual([]);
    expect(await idsOf(b, '/api/question-sets')).toEqual([]);
    expect(await idsOf(b, '/api/sessions')).toEqual([]);
    expect((await b.req('GET', `/api/sessions/${mine.session}`)).statusCode).toBe(404);
  });

  it('signing in on another browser claims the work made there too, without an answer', async () => {
    const laptop = browser(t);
    const made = await makeWork(laptop, 'the release train', false);
    const res = await laptop.req('POST', '/api/account/login', { email: 'claimer@example.com', password: 'claiming everything 2026' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ claimed: 0, claimedWork: { answers: 0, questions: 1, questionSets: 1, mockSessions: 1 } });
    await expectOwnedBy(laptop, made);
    expect(await idsOf(laptop, '/api/question-sets')).toHaveLength(2); // this browser's set and the one claimed at sign-up
    // signing in again with nothing anonymous claims nothing
    const again = await browser(t).req('POST', '/api/account/login', { email: 'claimer@example.com', password: 'claiming everything 2026' });
    expect(again.json()).toMatchObject({ claimed: 0, claimedWork: { answers: 0, questions: 0, questionSets: 0, mockSessions: 0 } });
  });

  it('"download all my data" has the claimed questions, sets and mock interviews', async () => {
    const b = browser(t);
    await b.req('POST', '/api/account/login', { email: 'claimer@example.com', password: 'claiming everything 2026' });
    const res = await b.req('GET', '/api/account/export');
    expect(res.statusCode).toBe(200);
    const dir = await mkdtemp(join(tmpdir(), 'ia-claim-export-'));
    try {
      await writeFile(join(dir, 'export.zip'), res.rawPayload);
      await run('unzip', ['-q', join(dir, 'export.zip'), '-d', join(dir, 'x')]);
      const read = async (f: string) => JSON.parse(await readFile(join(dir, 'x', f), 'utf8'));
      expect((await read('questions.json')).map((q: { id: string }) => q.id).sort()).toEqual((await idsOf(b, '/api/questions?origin=own')).sort());
      const sets = await read('question-sets.json');
      expect(sets.map((s: { id: string }) => s.id).sort()).toEqual((await idsOf(b, '/api/question-sets')).sort());
      expect(sets[0].questions).toHaveLength(3);
      const sessions = await read('mock-interviews.json');
      expect(sessions.map((s: { id: string }) => s.id).sort()).toEqual((await idsOf(b, '/api/sessions')).sort());
      expect(sessions[0].items).toHaveLength(3);
      expect(await readFile(join(dir, 'x', 'README.txt'), 'utf8')).toMatch(/mock-interviews\.json/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('deleting the account deletes the claimed questions, sets and mock interviews with the answers', async () => {
    const b = browser(t);
    await b.req('POST', '/api/account/login', { email: 'claimer@example.com', password: 'claiming everything 2026' });
    const userOwner = `u:${(await b.req('GET', '/api/account')).json().user.id}`;
    const db = t.c.database.db;
    const count = async (table: 'questions' | 'question_sets' | 'mock_sessions') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('owner', '=', userOwner).executeTakeFirstOrThrow()).n);
    expect([await count('questions'), await count('question_sets'), await count('mock_sessions')]).toEqual([2, 2, 2]);
    const bank = Number((await db.selectFrom('questions').select((eb) => eb.fn.countAll<number>().as('n')).where('owner', 'is', null).executeTakeFirstOrThrow()).n);
    expect((await b.req('DELETE', '/api/account', { password: 'claiming everything 2026' })).statusCode).toBe(200);
    expect([await count('questions'), await count('question_sets'), await count('mock_sessions')]).toEqual([0, 0, 0]);
    expect(Number((await db.selectFrom('questions').select((eb) => eb.fn.countAll<number>().as('n')).where('owner', 'is', null).executeTakeFirstOrThrow()).n)).toBe(bank); // the bank is untouched
  });
});
