/**
 * Practice accounts (issue 11) on the hiring auth stack: sign up / in claims the browser's anonymous answers,
 * two accounts never see each other's answers, the `user` role reaches no hiring data, password change,
 * download all my data (zip), delete my account and everything in it.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../server/features/auth/first-admin.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { type Browser, browser } from './helpers.js';

const run = promisify(execFile);
const ADMIN = { email: 'admin@example.com', password: 'correct horse battery' };
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, LOGIN_RATE_PER_MIN: '1000' });
  await ensureFirstAdmin(t.c);
});
afterAll(() => t.close());

const ids = async (b: Browser, url = '/api/answers') => ((await b.req('GET', url)).json().items as Array<{ id: string }>).map((a) => a.id);

describe('practice accounts', () => {
  let carol: Browser;
  let dave: Browser;
  let carolAnon: string;
  let daveAnswer: string;

  it('signing up claims the anonymous answers of this browser, and the anonymous cookie is dropped', async () => {
    carol = browser(t);
    carolAnon = await carol.upload('short.webm', 'q-gen-01');
    await carol.waitSettled(carolAnon);
    const weak = await carol.req('POST', '/api/account/signup', { email: 'carol@example.com', password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('WEAK_PASSWORD');
    const res = await carol.req('POST', '/api/account/signup', { email: 'Carol@Example.com', password: 'carol practice 2026', name: 'Carol' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ user: { email: 'carol@example.com', name: 'Carol' }, claimed: 1 });
    expect(carol.jar.ia_practice).toBeUndefined();
    expect(carol.jar.ia_session).toBeTruthy();
    expect(await ids(carol)).toEqual([carolAnon]);
    const row = await t.c.answerRepo.get(carolAnon);
    expect(row?.owner).toBe(`u:${res.json().user.id}`);
    expect((await carol.req('GET', '/api/account')).json()).toMatchObject({ mode: 'open', user: { email: 'carol@example.com' }, staff: false });
    const again = await browser(t).req('POST', '/api/account/signup', { email: 'carol@example.com', password: 'another password 99' });
    expect(again.statusCode).toBe(409);
  });

  it('signing in on another browser claims that browser too; after sign-out the answers are not visible', async () => {
    const laptop = browser(t);
    const id = await laptop.upload('short.webm', 'q-car-01');
    await laptop.waitSettled(id);
    const res = await laptop.req('POST', '/api/account/login', { email: 'carol@example.com', password: 'carol practice 2026' });
    expect(res.statusCode).toBe(200);
    expect(res.json().claimed).toBe(1);
    expect((await ids(laptop)).sort()).toEqual([carolAnon, id].sort());
    expect((await ids(carol)).sort()).toEqual([carolAnon, id].sort());
    // sign out needs the CSRF token
    const forged = await t.app.inject({ method: 'POST', url: '/api/account/logout', cookies: { ia_session: laptop.jar.ia_session! } });
    expect(forged.statusCode).toBe(403);
    expect((await laptop.req('POST', '/api/account/logout')).statusCode).toBe(204);
    expect(laptop.jar.ia_session).toBeUndefined();
    expect(await ids(laptop)).toEqual([]);
    expect((await laptop.req('GET', `/api/answers/${id}`)).statusCode).toBe(404);
  });

  it('two accounts: neither sees, plays, shares, retries or deletes the other one’s answers', async () => {
    dave = browser(t);
    expect((await dave.req('POST', '/api/account/signup', { email: 'dave@example.com', password: 'dave practice 2026' })).statusCode).toBe(201);
    daveAnswer = await dave.upload('short.webm', 'q-team-01');
    await dave.waitSettled(daveAnswer);
    expect(await ids(dave)).toEqual([daveAnswer]);
    expect(await ids(carol)).not.toContain(daveAnswer);
    for (const [method, url, body] of [
      ['GET', `/api/answers/${daveAnswer}`],
      ['GET', `/api/answers/${daveAnswer}/events`],
      ['GET', `/api/answers/${daveAnswer}/video`],
      ['POST', `/api/answers/${daveAnswer}/retry`],
      ['POST', `/api/answers/${daveAnswer}/shares`, { includeVideo: true }],
      ['GET', `/api/answers/${daveAnswer}/shares`],
      ['DELETE', `/api/answers/${daveAnswer}`],
    ] as const) {
      expect((await carol.req(method, url, body)).statusCode, `${method} ${url}`).toBe(404);
    }
    expect(await ids(carol, '/api/history')).not.toContain(daveAnswer);
    expect((await dave.req('GET', `/api/answers/${daveAnswer}`)).statusCode).toBe(200);
  });

  it('a signed-in owner’s change without the CSRF token is refused', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: `/api/answers/${daveAnswer}`, cookies: { ia_session: dave.jar.ia_session! } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_TOKEN_INVALID');
    expect(await t.c.answerRepo.get(daveAnswer)).toBeDefined();
  });

  it('the user role has no access to any hiring data', async () => {
    for (const url of ['/api/admin/me', '/api/admin/interviews', '/api/admin/users', '/api/admin/audit', '/api/admin/queue']) {
      const res = await dave.req('GET', url);
      expect(res.statusCode, url).toBe(403);
      expect(['STAFF_ONLY', 'ADMIN_ONLY']).toContain(res.json().code);
    }
    expect((await dave.req('POST', '/api/admin/interviews', { title: 'x', description: 'x', questions: [] })).statusCode).toBe(403);
    // and cannot sign in to the admin panel with its password
    const admin = await t.app.inject({ method: 'POST', url: '/api/admin/login', payload: { email: 'dave@example.com', password: 'dave practice 2026' } });
    expect(admin.statusCode).toBe(403);
    expect(admin.cookies.find((c) => c.name === 'ia_session' && c.value)).toBeUndefined();
  });

  it('a hiring-team account cannot sign in on the practice side', async () => {
    const res = await browser(t).req('POST', '/api/account/login', ADMIN);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('STAFF_ACCOUNT');
  });

  it('wrong passwords are refused with 401 and no session', async () => {
    const b = browser(t);
    const res = await b.req('POST', '/api/account/login', { email: 'dave@example.com', password: 'not the password' });
    expect(res.statusCode).toBe(401);
    expect(b.jar.ia_session).toBeUndefined();
  });

  it('changing the password ends the other sessions and keeps this one', async () => {
    const phone = browser(t);
    expect((await phone.req('POST', '/api/account/login', { email: 'dave@example.com', password: 'dave practice 2026' })).statusCode).toBe(200);
    expect((await dave.req('POST', '/api/account/password', { currentPassword: 'wrong one', newPassword: 'dave new password 1' })).statusCode).toBe(403);
    const res = await dave.req('POST', '/api/account/password', { currentPassword: 'dave practice 2026', newPassword: 'dave new password 1' });
    expect(res.statusCode).toBe(200);
    expect(await ids(dave)).toEqual([daveAnswer]);
    expect((await phone.req('GET', '/api/account')).json().user).toBeNull();
    expect((await browser(t).req('POST', '/api/account/login', { email: 'dave@example.com', password: 'dave practice 2026' })).statusCode).toBe(401);
    expect((await browser(t).req('POST', '/api/account/login', { email: 'dave@example.com', password: 'dave new password 1' })).statusCode).toBe(200);
  });

  it('download all my data: a zip with the account, every answer with its report, and the videos', async () => {
    const res = await carol.req('GET', '/api/account/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="interview-analyzer-\d{4}-\d{2}-\d{2}\.zip"$/);
    const dir = await mkdtemp(join(tmpdir(), 'ia-export-'));
    try {
      await writeFile(join(dir, 'export.zip'), res.rawPayload);
      await run('unzip', ['-q', join(dir, 'export.zip'), '-d', join(dir, 'x')]);
      const account = JSON.parse(await readFile(join(dir, 'x', 'account.json'), 'utf8'));
      expect(account.email).toBe('carol@example.com');
      expect(JSON.stringify(account)).not.toMatch(/scrypt|password_hash/);
      const answers = JSON.parse(await readFile(join(dir, 'x', 'answers.json'), 'utf8')) as Array<{ id: string; report: { scores: unknown }; video: string }>;
      expect(answers.map((a) => a.id).sort()).toEqual((await ids(carol)).sort());
      expect(answers.map((a) => a.id)).not.toContain(daveAnswer);
      for (const a of answers) {
        expect(a.report.scores).toBeTruthy();
        const video = await readFile(join(dir, 'x', a.video));
        expect(video.subarray(0, 4).toString('hex')).toBe('1a45dfa3'); // EBML: a WebM file
        expect(video.length).toBe((await t.c.answerRepo.get(a.id))!.size_bytes);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect((await browser(t).req('GET', '/api/account/export')).statusCode).toBe(401);
  });

  it('delete my account: needs the password, then removes the user, sessions, answers, videos and links', async () => {
    const mine = await ids(carol);
    const share = await carol.req('POST', `/api/answers/${mine[0]}/shares`, { includeVideo: true });
    expect(share.statusCode).toBe(201);
    expect((await carol.req('DELETE', '/api/account', { password: 'wrong' })).statusCode).toBe(403);
    const res = await carol.req('DELETE', '/api/account', { password: 'carol practice 2026' });
    expect(res.statusCode).toBe(200);
    expect(res.json().deletedAnswers).toBe(mine.length);
    for (const id of mine) {
      expect(await t.c.answerRepo.get(id)).toBeUndefined();
      expect(existsSync(join(t.dataDir, 'media', 'answers', id))).toBe(false);
    }
    expect(await t.c.database.db.selectFrom('users').select('id').where('email', '=', 'carol@example.com').executeTakeFirst()).toBeUndefined();
    expect(await t.c.database.db.selectFrom('answer_shares').select('id').where('answer_id', 'in', mine).execute()).toEqual([]);
    expect((await browser(t).req('GET', `/api/shared/${share.json().token}`)).statusCode).toBe(404);
    expect((await browser(t).req('POST', '/api/account/login', { email: 'carol@example.com', password: 'carol practice 2026' })).statusCode).toBe(401);
    // dave is untouched
    expect(await t.c.answerRepo.get(daveAnswer)).toBeDefined();
  });
});
