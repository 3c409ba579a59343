/**
 * A candidate's answer over the resumable upload (tus) through the invite link, against a listening server:
 * the same checks as the one-shot POST /api/invite/:token/answers (token 404, expired 410, consent 403, type 415,
 * order and one answer per question 409), the upload bound to its invite (another candidate's token or a practice
 * owner gets 404), a retake deleting the partial upload, and a complete upload becoming the candidate's answer,
 * which is analysed.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers/fixtures.js';
import { practiceCookie } from '../helpers/http.js';
import { sendAll, type TusClient, tusClient } from '../helpers/tus.js';
import { waitSettled } from './flow.js';
import { addCandidate, adminLogin, type Client, createHiringApp, createInterview, type HiringApp, invite } from './helpers.js';

let t: HiringApp;
let admin: Client;
let base: string;
let tus: TusClient;
let iv: { id: string; questions: Array<{ questionId: string }> };
let video: Buffer;

beforeAll(async () => {
  t = await createHiringApp({ INVITE_RATE_PER_MIN: '1000', UPLOAD_RATE_PER_MIN: '1000' }, { worker: true });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  tus = tusClient(base);
  admin = await adminLogin(t);
  iv = await createInterview(admin, { title: 'Streamed answers', consentText: 'I agree to be recorded (test consent).' });
  video = await readFile(fixture('short.webm'));
});
afterAll(() => t?.close());

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const codeOf = async (r: Response) => ((await r.json()) as { code: string }).code;
const meta = (questionId: string, filetype = 'video/webm;codecs=vp8,opus') => ({ filetype, filename: 'answer.webm', questionId });

async function candidate(opts: { consent?: boolean } = {}): Promise<{ token: string; inviteId: string; uploads: string }> {
  const cand = await addCandidate(admin, iv.id);
  const inv = await invite(admin, iv.id, cand.id);
  if (opts.consent !== false) expect((await fetch(`${base}/api/invite/${inv.token}/consent`, json({ accept: true }))).status).toBe(200);
  return { token: inv.token, inviteId: inv.invite.id, uploads: `/api/invite/${inv.token}/uploads` };
}

const q = (i: number) => iv.questions[i]!.questionId;

describe('streamed answers through an invite link (tus)', () => {
  it('creation is checked as the one-shot upload: token, consent, question, order, type', async () => {
    const unknown = await tus.create(`/api/invite/${'x'.repeat(43)}/uploads`, meta(q(0)));
    expect(unknown.status).toBe(404);
    expect(await codeOf(unknown)).toBe('INVITE_NOT_FOUND');

    const noConsent = await candidate({ consent: false });
    const r403 = await tus.create(noConsent.uploads, meta(q(0)));
    expect(r403.status).toBe(403);
    expect(await codeOf(r403)).toBe('CONSENT_REQUIRED');

    const c = await candidate();
    const other = await tus.create(c.uploads, meta('not-a-question'));
    expect(other.status).toBe(404);
    expect(await codeOf(other)).toBe('QUESTION_NOT_IN_INTERVIEW');
    const order = await tus.create(c.uploads, meta(q(1)));
    expect(order.status).toBe(409);
    expect(await codeOf(order)).toBe('OUT_OF_ORDER');
    const type = await tus.create(c.uploads, meta(q(0), 'text/plain'));
    expect(type.status).toBe(415);
    expect(await type.text()).toMatch(/not a video type/);

    const ok = await tus.create(c.uploads, meta(q(0)));
    expect(ok.status).toBe(201);
    // the upload lives under the invite's URL, and the answer is not cached anywhere on the way
    expect(ok.headers.get('location')).toMatch(new RegExp(`^/api/invite/${c.token}/uploads/[A-Za-z0-9_-]+$`));
    expect(ok.headers.get('cache-control')).toBe('no-store');
  });

  it('a take over MAX_UPLOAD_MB is refused (413), and so is any take when the disk is nearly full (507)', async () => {
    const c = await candidate();
    const tooBig = await fetch(`${base}${c.uploads}`, {
      method: 'POST',
      headers: { 'tus-resumable': '1.0.0', 'upload-length': String((t.c.config.MAX_UPLOAD_MB + 1) * 1024 * 1024), 'upload-metadata': `filetype ${Buffer.from('video/webm').toString('base64')},questionId ${Buffer.from(q(0)).toString('base64')}` },
    });
    expect(tooBig.status).toBe(413);
    expect(await codeOf(tooBig)).toBe('FILE_TOO_LARGE');

    const full = await createHiringApp({ DISK_MIN_FREE_MB: '10000000', INVITE_RATE_PER_MIN: '1000' });
    try {
      const fullBase = await full.app.listen({ port: 0, host: '127.0.0.1' });
      const fullAdmin = await adminLogin(full);
      const fiv = await createInterview(fullAdmin);
      const inv = await invite(fullAdmin, fiv.id, (await addCandidate(fullAdmin, fiv.id)).id);
      expect((await fetch(`${fullBase}/api/invite/${inv.token}/consent`, json({ accept: true }))).status).toBe(200);
      const res = await tusClient(fullBase).create(`/api/invite/${inv.token}/uploads`, meta(fiv.questions[0]!.questionId));
      expect(res.status).toBe(507);
      expect(await res.text()).toMatch(/almost out of disk space/);
    } finally {
      await full.close();
    }
  });

  it('an expired link is refused with 410 at creation, while sending and at submit', async () => {
    const c = await candidate();
    const res = await tus.create(c.uploads, meta(q(0)));
    const url = res.headers.get('location')!;
    expect((await tus.patch(url, 0, video.subarray(0, 10_000))).status).toBe(204);
    await t.c.database.db.updateTable('invites').set({ expires_at: new Date(Date.now() - 60_000).toISOString() }).where('id', '=', c.inviteId).execute();
    for (const r of [await tus.create(c.uploads, meta(q(0))), await tus.patch(url, 10_000, video.subarray(10_000, 20_000)), await tus.head(url), await fetch(`${base}${url}/submit`, json({}))]) {
      expect(r.status).toBe(410);
      const body = (await r.text()) || '{}';
      if (body !== '{}') expect(JSON.parse(body)).toMatchObject({ code: 'INVITE_EXPIRED', message: expect.stringMatching(/expired on \d{4}-\d\d-\d\d/) });
    }
  });

  it('an upload is bound to its invite: another candidate, a practice owner and the practice routes get 404', async () => {
    const a = await candidate();
    const b = await candidate();
    const res = await tus.create(a.uploads, meta(q(0)));
    const id = res.headers.get('location')!.split('/').pop()!;
    const mine = `${a.uploads}/${id}`;
    expect((await tus.patch(mine, 0, video.subarray(0, 20_000))).status).toBe(204);

    const theirs = `${b.uploads}/${id}`;
    const missing = `${b.uploads}/doesnotexist123`;
    for (const [name, foreign, none] of [
      ['HEAD', () => tus.head(theirs), () => tus.head(missing)],
      ['PATCH', () => tus.patch(theirs, 20_000, video.subarray(20_000, 30_000)), () => tus.patch(missing, 20_000, video.subarray(20_000, 30_000))],
      ['DELETE', () => tus.del(theirs), () => tus.del(missing)],
      ['submit', () => fetch(`${base}${theirs}/submit`, json({})), () => fetch(`${base}${missing}/submit`, json({}))],
      ['practice HEAD', () => tus.head(`/api/uploads/${id}`, practiceCookie()), () => tus.head('/api/uploads/doesnotexist123', practiceCookie())],
      ['practice submit', () => fetch(`${base}/api/uploads/${id}/submit`, { ...json({ questionId: q(0) }), headers: { 'content-type': 'application/json', ...practiceCookie() } }), () => fetch(`${base}/api/uploads/doesnotexist123/submit`, { ...json({ questionId: q(0) }), headers: { 'content-type': 'application/json', ...practiceCookie() } })],
    ] as const) {
      const [r1, r2] = [await foreign(), await none()];
      expect(r1.status, name).toBe(404);
      // the same answer as for an upload that does not exist: nothing confirms the id is in use
      expect((await r1.text()).replace(id, 'ID'), name).toBe((await r2.text()).replace('doesnotexist123', 'ID'));
    }
    // untouched by all that: the candidate's own upload is still there, at its offset
    const head = await tus.head(mine);
    expect(head.status).toBe(200);
    expect(head.headers.get('upload-offset')).toBe('20000');
  });

  it('a complete upload becomes the answer (analysed); a retake deletes its partial upload; one answer per question', async () => {
    const c = await candidate();
    // a retake: the first take's partial upload is deleted
    const first = (await tus.create(c.uploads, meta(q(0)))).headers.get('location')!;
    expect((await tus.patch(first, 0, video.subarray(0, 10_000))).status).toBe(204);
    expect((await fetch(`${base}${first}/submit`, json({}))).status).toBe(409); // incomplete
    expect((await tus.del(first)).status).toBe(204);
    expect((await tus.head(first)).status).toBe(404);

    // two complete takes for the same question (e.g. two tabs): the first submitted is the answer, the second is refused
    const one = (await tus.create(c.uploads, meta(q(0)))).headers.get('location')!;
    const two = (await tus.create(c.uploads, meta(q(0)))).headers.get('location')!;
    expect(await sendAll(tus, one, video)).toBe(video.length);
    expect(await sendAll(tus, two, video)).toBe(video.length);
    const sub = await fetch(`${base}${one}/submit`, json({}));
    expect(sub.status).toBe(201);
    const view = (await sub.json()) as { questions: Array<{ questionId: string; answered: boolean }>; nextQuestionId: string | null };
    expect(view.questions.find((x) => x.questionId === q(0))?.answered).toBe(true);
    expect(view.nextQuestionId).toBe(q(1));
    const again = await fetch(`${base}${two}/submit`, json({}));
    expect(again.status).toBe(409);
    expect(await codeOf(again)).toBe('ALREADY_ANSWERED');
    // and a new upload for it is refused at creation, as the one-shot upload is
    const late = await tus.create(c.uploads, meta(q(0)));
    expect(late.status).toBe(409);
    expect(await codeOf(late)).toBe('ALREADY_ANSWERED');

    // the answer is the candidate's, linked to the question, and analysed
    const links = await t.c.database.db.selectFrom('candidate_answers').selectAll().where('invite_id', '=', c.inviteId).execute();
    expect(links.map((l) => l.question_id)).toEqual([q(0)]);
    const answerId = links[0]!.answer_id;
    await waitSettled(t, answerId);
    const row = await t.c.database.db.selectFrom('answers').select(['status', 'scope', 'duration_sec']).where('id', '=', answerId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'done', scope: 'candidate' });
    expect(row.duration_sec).toBeGreaterThan(1);
    // the upload's files are gone: the answer has its own copy
    expect((await tus.head(one)).status).toBe(404);
  }, 120_000);
});
