/** Hiring mail against a real SMTP server started here: invites, reminders, confirmation, owners, retries, templates, tracking. */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hiringOf } from '../../server/features/hiring.js';
import { MailOutbox } from '../../server/features/mail/mail.outbox.js';
import { reminderCheck, smtpSender } from '../../server/features/mail/mail.service.js';
import { multipart } from '../helpers/app.js';
import { fixture } from '../helpers/fixtures.js';
import { addCandidate, adminLogin, type Client, createHiringApp, createInterview, type HiringApp } from './helpers.js';
import { startSmtp, type TestSmtp, toOf } from './smtp.js';

let smtp: TestSmtp;
let t: HiringApp;
let admin: Client;
let iv: { id: string; questions: Array<{ questionId: string }> };
let video: Buffer;
const db = () => t.c.database.db;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createHiringApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Acme Hiring <hiring@acme.example>', PUBLIC_URL: 'https://hiring.acme.example', INVITE_REMINDER_HOURS: '48,24', INVITE_RATE_PER_MIN: '1000' });
  admin = await adminLogin(t);
  iv = await createInterview(admin, { title: 'Platform engineer' });
  video = await readFile(fixture('short.webm'));
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const inviteUrl = (id: string) => `/api/admin/interviews/${iv.id}/candidates/${id}/invites`;
const linkIn = (text: string) => /https:\/\/hiring\.acme\.example\/invite\/[A-Za-z0-9_-]{43}/.exec(text)?.[0];
const outbox = async (candidateId: string) => db().selectFrom('mail_outbox').selectAll().where('candidate_id', '=', candidateId).orderBy('run_after').execute();

describe('invite mail', () => {
  it('mails the link with its deadline from MAIL_FROM; the candidate shows "invited" only once a link exists; tracking says sent', async () => {
    const cand = await addCandidate(admin, iv.id, { name: 'Grace Hopper', email: 'grace@example.com' });
    expect((await admin.req('GET', `/api/admin/interviews/${iv.id}/candidates/${cand.id}`)).json().candidate.status).toBe('not_invited');
    const deadline = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const res = await admin.req('POST', inviteUrl(cand.id), { deadline });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.mail.status).toBe('queued');
    expect(created.invite.expiresAt).toBe(deadline);
    expect((await admin.req('GET', `/api/admin/interviews/${iv.id}/candidates/${cand.id}`)).json().candidate.status).toBe('invited');

    const m = await smtp.waitFor((x) => toOf(x).includes('grace@example.com'));
    expect(m.from?.value[0]).toMatchObject({ address: 'hiring@acme.example', name: 'Acme Hiring' });
    expect(m.subject).toBe('Your video interview: Platform engineer');
    expect(linkIn(m.text ?? '')).toBe(created.url);
    expect(m.text).toContain('Hello Grace Hopper');
    expect(m.text).toMatch(/before \w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC/);

    await expect.poll(async () => (await admin.req('GET', inviteUrl(cand.id))).json().items[0].tracking).toBe('sent');
    // the sent invite no longer holds the token; reminders (queued) still do until they go out
    const rows = await outbox(cand.id);
    const sent = rows.find((r) => r.kind === 'invite')!;
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, to_addr: 'grace@example.com' });
    expect(sent.body_text).not.toContain(created.token);
    expect(sent.body_text).toContain('[link removed after sending]');
  });

  it('queues one reminder per INVITE_REMINDER_HOURS before the deadline; a due reminder goes out once, after a restart, with two senders racing', async () => {
    const cand = await addCandidate(admin, iv.id, { name: 'Alan Turing', email: 'alan@example.com' });
    const deadline = new Date(Date.now() + 4 * 86_400_000);
    const created = (await admin.req('POST', inviteUrl(cand.id), { deadline: deadline.toISOString() })).json();
    expect(created.mail.reminders).toEqual([new Date(deadline.getTime() - 48 * 3_600_000).toISOString(), new Date(deadline.getTime() - 24 * 3_600_000).toISOString()]);
    await smtp.waitFor((x) => toOf(x).includes('alan@example.com'));
    const reminders = (await outbox(cand.id)).filter((r) => r.kind === 'reminder');
    expect(reminders.map((r) => [r.status, r.run_after])).toEqual(created.mail.reminders.map((at: string) => ['queued', at]));

    // time passes: the first reminder is due. Two fresh outboxes (as after a restart, in two processes) drain at once.
    await db().updateTable('mail_outbox').set({ run_after: new Date(Date.now() - 1000).toISOString() }).where('id', '=', reminders[0]!.id).execute();
    const fresh = () => new MailOutbox(db(), smtpSender(smtp.url), { from: 'Acme Hiring <hiring@acme.example>', maxAttempts: 3 }, reminderCheck(db()));
    await Promise.all([fresh().drain(), fresh().drain(), fresh().drain()]);
    await smtp.waitFor((x) => toOf(x).includes('alan@example.com') && /^Reminder/.test(x.subject ?? ''));
    await new Promise((r) => setTimeout(r, 300));
    const got = smtp.messages.filter((x) => toOf(x).includes('alan@example.com') && /^Reminder/.test(x.subject ?? ''));
    expect(got).toHaveLength(1);
    expect(linkIn(got[0]!.text ?? '')).toBe(created.url);
    expect((await outbox(cand.id)).filter((r) => r.kind === 'reminder').map((r) => r.status)).toEqual(['sent', 'queued']);
  });

  it('moves the queued reminders when the deadline is extended (and reopens an expired link)', async () => {
    const cand = await addCandidate(admin, iv.id, { name: 'Ada', email: 'ada-ext@example.com' });
    const created = (await admin.req('POST', inviteUrl(cand.id), { deadline: new Date(Date.now() + 3 * 86_400_000).toISOString() })).json();
    const later = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const res = await admin.req('POST', `/api/admin/interviews/${iv.id}/invites/${created.invite.id}/extend`, { deadline: later });
    expect(res.statusCode).toBe(200);
    expect(res.json().invite.expiresAt).toBe(later);
    expect(res.json().reminders).toEqual([new Date(Date.parse(later) - 48 * 3_600_000).toISOString(), new Date(Date.parse(later) - 24 * 3_600_000).toISOString()]);
    const reminders = (await outbox(cand.id)).filter((r) => r.kind === 'reminder');
    expect(reminders.filter((r) => r.status === 'cancelled')).toHaveLength(2);
    const queued = reminders.filter((r) => r.status === 'queued');
    expect(queued.map((r) => r.run_after)).toEqual(res.json().reminders);
    expect(queued[0]!.body_text).toContain(created.url);
    expect(queued.every((r) => r.body_text.includes('[link removed') === false)).toBe(true);
    // an expired link is reopened by a new deadline
    await db().updateTable('invites').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', created.invite.id).execute();
    expect((await t.app.inject({ method: 'GET', url: `/api/invite/${created.token}` })).statusCode).toBe(410);
    await admin.req('POST', `/api/admin/interviews/${iv.id}/invites/${created.invite.id}/extend`, { deadline: later });
    expect((await t.app.inject({ method: 'GET', url: `/api/invite/${created.token}` })).statusCode).toBe(200);
    // bad deadlines are 400 with the reason
    const past = await admin.req('POST', `/api/admin/interviews/${iv.id}/invites/${created.invite.id}/extend`, { deadline: '2020-01-01T00:00:00Z' });
    expect(past.statusCode).toBe(400);
    expect(past.body).toMatch(/must be in the future/);
  });

  it('tracks opened, started and finished; thanks the candidate, tells the interview owner, and cancels the reminders', async () => {
    const cand = await addCandidate(admin, iv.id, { name: 'Linus', email: 'linus@example.com' });
    const created = (await admin.req('POST', inviteUrl(cand.id), { expiresInDays: 7 })).json();
    const track = async () => (await admin.req('GET', inviteUrl(cand.id))).json().items[0];
    await smtp.waitFor((x) => toOf(x).includes('linus@example.com'));
    const view = (await t.app.inject({ method: 'GET', url: `/api/invite/${created.token}` })).json();
    expect(view.deadline).toBe(created.invite.expiresAt);
    expect(await track()).toMatchObject({ tracking: 'opened', openedAt: expect.any(String), startedAt: null });
    await t.app.inject({ method: 'POST', url: `/api/invite/${created.token}/consent`, payload: { accept: true } });
    for (const [i, q] of iv.questions.entries()) {
      const res = await t.app.inject({ method: 'POST', url: `/api/invite/${created.token}/answers`, ...multipart({ questionId: q.questionId }, { name: 'a.webm', type: 'video/webm', data: video }) });
      expect(res.statusCode).toBe(201);
      if (i === 0) expect(await track()).toMatchObject({ tracking: 'started', startedAt: expect.any(String) });
    }
    expect(await track()).toMatchObject({ tracking: 'finished', completedAt: expect.any(String) });
    const thanks = await smtp.waitFor((x) => toOf(x).includes('linus@example.com') && /^Thank you/.test(x.subject ?? ''));
    expect(thanks.text).toContain('We have received all your answers');
    const owner = await smtp.waitFor((x) => toOf(x).includes('admin@example.com') && /Linus finished/.test(x.subject ?? ''));
    expect(owner.text).toContain(`https://hiring.acme.example/admin/interviews/${iv.id}/candidates/${cand.id}`);
    expect((await outbox(cand.id)).filter((r) => r.kind === 'reminder').map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
  });

  it('declining consent is recorded, ends politely and blocks recording; reminders stop', async () => {
    const cand = await addCandidate(admin, iv.id, { name: 'Dee', email: 'dee@example.com' });
    const created = (await admin.req('POST', inviteUrl(cand.id), { expiresInDays: 7 })).json();
    const res = await t.app.inject({ method: 'POST', url: `/api/invite/${created.token}/decline` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ declined: true, consentGiven: false });
    expect((await t.app.inject({ method: 'POST', url: `/api/invite/${created.token}/consent`, payload: { accept: true } })).json().code).toBe('CONSENT_DECLINED');
    const up = await t.app.inject({ method: 'POST', url: `/api/invite/${created.token}/answers`, ...multipart({ questionId: iv.questions[0]!.questionId }, { name: 'a.webm', type: 'video/webm', data: video }) });
    expect(up.statusCode).toBe(409);
    expect((await admin.req('GET', inviteUrl(cand.id))).json().items[0]).toMatchObject({ tracking: 'declined', declinedAt: expect.any(String) });
    expect((await outbox(cand.id)).filter((r) => r.kind === 'reminder').every((r) => r.status === 'cancelled')).toBe(true);
    expect((await admin.req('GET', '/api/admin/audit?action=invite.decline')).json().items[0]).toMatchObject({ targetId: cand.id });
  });

  it('invites in bulk: one link and one mail each', async () => {
    const a = await addCandidate(admin, iv.id, { name: 'Bulk A', email: 'bulk-a@example.com' });
    const b = await addCandidate(admin, iv.id, { name: 'Bulk B', email: 'bulk-b@example.com' });
    const res = await admin.req('POST', `/api/admin/interviews/${iv.id}/invites/bulk`, { candidateIds: [a.id, b.id], expiresInDays: 3 });
    expect(res.statusCode).toBe(201);
    const items = res.json().items;
    expect(items.map((i: { email: string; mail: { status: string } }) => [i.email, i.mail.status])).toEqual([
      ['bulk-a@example.com', 'queued'],
      ['bulk-b@example.com', 'queued'],
    ]);
    for (const i of items) expect(linkIn((await smtp.waitFor((x) => toOf(x).includes(i.email))).text ?? '')).toBe(i.url);
    expect((await admin.req('POST', `/api/admin/interviews/${iv.id}/invites/bulk`, { candidateIds: [a.id, 'nope'] })).statusCode).toBe(404);
  });
});

describe('templates and the outbox', () => {
  it('uses the interview\u2019s own template, keeps the subject on one line, and restores the defaults', async () => {
    const url = `/api/admin/interviews/${iv.id}/mail-templates`;
    const before = (await admin.req('GET', url)).json();
    expect(before).toMatchObject({ mailEnabled: true, custom: [] });
    expect(before.placeholders).toContain('{{link}}');
    expect((await admin.req('PUT', url, { invite: { subject: '', body: 'x' } })).statusCode).toBe(400);
    const put = await admin.req('PUT', url, { invite: { subject: 'Acme: {{interviewTitle}}\r\nBcc: evil@example.com', body: 'Hi {{candidateName}}, go to {{link}} by {{deadline}}. {{unknown}}' } });
    expect(put.statusCode).toBe(200);
    expect(put.json().custom).toEqual(['invite']);
    const cand = await addCandidate(admin, iv.id, { name: 'Tem Plate', email: 'template@example.com' });
    const created = (await admin.req('POST', inviteUrl(cand.id), {})).json();
    const m = await smtp.waitFor((x) => toOf(x).includes('template@example.com'));
    expect(m.subject).toBe('Acme: Platform engineer Bcc: evil@example.com');
    expect(m.bcc).toBeUndefined();
    expect(m.text).toContain(`Hi Tem Plate, go to ${created.url} by `);
    expect(m.text).toContain('{{unknown}}');
    expect((await admin.req('PUT', url, {})).json().custom).toEqual([]);
  });

  it('retries a refused mail with backoff, marks it failed after MAIL_MAX_ATTEMPTS, and an admin can send it again', async () => {
    const cand = await addCandidate(admin, iv.id, { name: 'Retry', email: 'retry@example.com' });
    // driven by hand from here: the app's own sender stops (the outbox is in the database: nothing is lost)
    await hiringOf(t.app)!.mail.outbox!.stop();
    // a long backoff, made due by moving run_after back: no race with the clock on a busy machine
    const ob = new MailOutbox(db(), smtpSender(smtp.url), { from: 'hiring@acme.example', maxAttempts: 2, backoffBaseMs: 60_000 });
    smtp.refuseNext(2);
    await ob.enqueue({ kind: 'confirmation', to: 'retry@example.com', subject: 'retry me', text: 'body', interviewId: iv.id, candidateId: cand.id });
    await ob.drain();
    let row = (await outbox(cand.id))[0]!;
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row.last_error).toMatch(/451/);
    expect(Date.parse(row.run_after) - Date.now()).toBeGreaterThan(50_000); // backoff 60 s x 4^0
    await ob.drain(); // not due yet
    expect((await outbox(cand.id))[0]).toMatchObject({ status: 'queued', attempts: 1 });
    await db().updateTable('mail_outbox').set({ run_after: new Date(Date.now() - 1000).toISOString() }).where('id', '=', row.id).execute();
    await ob.drain();
    row = (await outbox(cand.id))[0]!;
    expect(row).toMatchObject({ status: 'failed', attempts: 2 });
    const list = (await admin.req('GET', `/api/admin/interviews/${iv.id}/mail`)).json().items;
    expect(list.find((i: { id: string }) => i.id === row.id)).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/451/) });
    const retried = await admin.req('POST', `/api/admin/interviews/${iv.id}/mail/${row.id}/retry`);
    expect(retried.statusCode).toBe(200);
    await ob.drain();
    await smtp.waitFor((x) => x.subject === 'retry me');
    expect((await outbox(cand.id))[0]).toMatchObject({ status: 'sent', attempts: 1 });
    expect((await admin.req('POST', `/api/admin/interviews/${iv.id}/mail/${row.id}/retry`)).json().code).toBe('MAIL_NOT_FAILED');
  });
});

describe('without SMTP', () => {
  it('shows the link to copy and says mail is not configured', async () => {
    const plain = await createHiringApp();
    try {
      const a = await adminLogin(plain);
      const i = await createInterview(a);
      const c = await addCandidate(a, i.id);
      const res = (await a.req('POST', `/api/admin/interviews/${i.id}/candidates/${c.id}/invites`, {})).json();
      expect(res.mail).toEqual({ status: 'not_configured', reminders: [] });
      expect(res.url).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
      expect(await plain.c.database.db.selectFrom('mail_outbox').selectAll().execute()).toEqual([]);
      expect((await a.req('GET', `/api/admin/interviews/${i.id}/mail-templates`)).json().mailEnabled).toBe(false);
    } finally {
      await plain.close();
    }
  });
});
