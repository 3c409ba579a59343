/**
 * Mock interview sessions through the API: real app, real SQLite, real ffmpeg (prepare + the quick engine in
 * the background worker), recordings cut from the shared fixtures, audio-only files made with ffmpeg.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../contracts/sessions.js';
import { createTestApp, multipart, type TestApp } from '../helpers/app.js';
import { fixture } from '../helpers/fixtures.js';
import { makeVideo } from '../helpers/media.js';

let t: TestApp;
let dir: string;
let video: Buffer;
let opus: Buffer;
let longOpus: Buffer;
beforeAll(async () => {
  t = await createTestApp({ MAX_VIDEO_SEC: '200' });
  dir = await mkdtemp(join(tmpdir(), 'ia-sessions-'));
  video = await readFile(fixture('clear-answer.webm'));
  // An answer without camera as a browser sends it: WebM with one Opus track, cut from a real recording.
  opus = await readFile(await makeVideo(join(dir, 'answer.webm'), ['-i', fixture('clear-answer.webm'), '-vn', '-c:a', 'libopus', '-b:a', '48k', '-f', 'webm']));
  longOpus = await readFile(await makeVideo(join(dir, 'long.webm'), ['-f', 'lavfi', '-i', 'sine=frequency=220:sample_rate=48000', '-t', '50', '-c:a', 'libopus', '-b:a', '16k', '-f', 'webm']));
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

function browser() {
  const jar: Record<string, string> = {};
  const send = async (o: { method: 'GET' | 'POST' | 'DELETE'; url: string; payload?: unknown; headers?: Record<string, string> }) => {
    const res = await t.app.inject({ method: o.method, url: o.url, ...(o.payload !== undefined ? { payload: o.payload as string } : {}), ...(o.headers ? { headers: o.headers } : {}), cookies: { ...jar } });
    for (const c of res.cookies) jar[c.name] = c.value;
    return res;
  };
  return {
    get: (url: string) => send({ method: 'GET', url }),
    del: (url: string) => send({ method: 'DELETE', url }),
    post: (url: string, payload: object) => send({ method: 'POST', url, payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } }),
    upload: (url: string, fields: Record<string, string>, file: { data: Buffer; type: string; name?: string }) => {
      const body = multipart(fields, { name: file.name ?? 'answer.webm', type: file.type, data: file.data });
      return send({ method: 'POST', url, payload: body.payload as unknown as string, headers: body.headers });
    },
  };
}

async function settled(b: ReturnType<typeof browser>, id: string): Promise<Session> {
  for (let i = 0; i < 600; i++) {
    const s = (await b.get(`/api/sessions/${id}`)).json() as Session;
    if (s.status === 'complete') return s;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the session did not settle');
}

describe('mock interview sessions', () => {
  it('draws N questions for a role (mostly for the role, the rest for any role), with extra time applied and the job description kept', async () => {
    const b = browser();
    const res = await b.post('/api/sessions', { count: 5, role: 'nurse', thinkTimeSec: 20, answerTimeSec: 60, extraTimePct: 50, jobDescription: '  Ward nurse: medication safety, handover, infection control.  ' });
    expect(res.statusCode).toBe(201);
    const s = res.json() as Session;
    expect(s.items).toHaveLength(5);
    expect(s.items.map((i) => i.position)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(s.items.map((i) => i.questionId)).size).toBe(5);
    const bank = (await b.get('/api/questions?role=nurse')).json().items as Array<{ id: string; roles: string[] }>;
    const roles = s.items.map((i) => bank.find((q) => q.id === i.questionId)!.roles);
    expect(roles.filter((r) => r.includes('nurse')).length).toBe(3); // ceil(5 * 0.6)
    expect(roles.filter((r) => r.includes('any')).length).toBe(2);
    expect(s).toMatchObject({ role: 'nurse', thinkTimeSec: 20, answerTimeSec: 60, extraTimePct: 50, effectiveThinkSec: 30, effectiveAnswerSec: 90, status: 'recording', summary: null, jobDescription: 'Ward nurse: medication safety, handover, infection control.' });
    expect(s.items.every((i) => i.answer === null)).toBe(true);
    expect((await b.get('/api/sessions')).json().items).toEqual([{ id: s.id, createdAt: s.createdAt, role: 'nurse', categories: [], status: 'recording', total: 5, answered: 0 }]);
  });

  it('gives fresh questions in the next mock interviews while there are enough, then reuses them', async () => {
    const b = browser();
    const bank = (await b.get('/api/questions?category=leadership')).json().items as Array<{ id: string }>;
    expect(bank.length).toBe(12);
    const first = (await b.post('/api/sessions', { count: 6, categories: ['leadership'] })).json() as Session;
    const second = (await b.post('/api/sessions', { count: 6, categories: ['leadership'] })).json() as Session;
    const ids = (s: Session) => s.items.map((i) => i.questionId!);
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(12);
    // All twelve were used: the third interview reuses them rather than failing.
    expect(new Set(ids((await b.post('/api/sessions', { count: 6, categories: ['leadership'] })).json() as Session)).size).toBe(6);
  });

  it('draws from chosen categories and from a question set in its order', async () => {
    const b = browser();
    const cats = (await b.post('/api/sessions', { count: 4, categories: ['Teamwork', 'leadership'] })).json() as Session;
    expect(new Set(cats.items.map((i) => i.category)).size).toBeLessThanOrEqual(2);
    expect(cats.items.every((i) => i.category === 'teamwork' || i.category === 'leadership')).toBe(true);
    const own = (await b.post('/api/questions', { text: 'What would your first week here look like?', type: 'motivation' })).json();
    const set = (await b.post('/api/question-sets', { name: 'Mine', questionIds: [own.id, 'q-beh-01', 'q-gen-01', 'q-team-01'] })).json();
    const fromSet = (await b.post('/api/sessions', { count: 3, setId: set.id })).json() as Session;
    expect(fromSet.items.map((i) => i.questionId)).toEqual([own.id, 'q-beh-01', 'q-gen-01']);
    expect(fromSet.items[0]).toMatchObject({ questionType: 'motivation', category: 'own' });
    // Someone else cannot use that set.
    expect((await browser().post('/api/sessions', { count: 3, setId: set.id })).statusCode).toBe(404);
  });

  it('answers bad settings with a 400 naming the problem', async () => {
    const b = browser();
    const cases: Array<[object, RegExp]> = [
      [{ count: 2 }, /at least 3 questions/],
      [{ count: 11 }, /at most 10 questions/],
      [{ count: 3, role: 'astronaut' }, /role/],
      [{ count: 3, role: 'nurse', setId: 'x' }, /a question set or a role and categories, not both/],
      [{ count: 3, answerTimeSec: 10 }, /at least 30 seconds/],
      [{ count: 3, extraTimePct: 33 }, /extraTimePct/],
      [{ count: 3, jobDescription: 'x'.repeat(10_001) }, /at most 10,000 characters/],
      [{ count: 10, categories: ['no-such-category'] }, /Only 0 question\(s\) match the categories no-such-category/],
      [{ count: 3, answerTimeSec: 180, extraTimePct: 25 }, /with extra time is 225 s; this server accepts recordings of at most 200 s/],
    ];
    for (const [body, message] of cases) {
      const res = await b.post('/api/sessions', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().message).toMatch(message);
    }
  });

  it('records answers back to back (video and audio-only), analyses them in the background and sums up the session', async () => {
    const b = browser();
    const s = (await b.post('/api/sessions', { count: 3, categories: ['behavioral'], answerTimeSec: 60, jobDescription: 'Team lead for a support desk.' })).json() as Session;
    const a1 = await b.upload(`/api/sessions/${s.id}/questions/1/answer`, {}, { data: video, type: 'video/webm' });
    expect(a1.statusCode).toBe(202);
    // Audio-only, declared by the form field ...
    const a2 = await b.upload(`/api/sessions/${s.id}/questions/2/answer`, { audioOnly: '1' }, { data: opus, type: 'audio/webm' });
    expect(a2.statusCode).toBe(202);
    const mid = (await b.get(`/api/sessions/${s.id}`)).json() as Session;
    expect(mid.status).toBe('recording');
    expect(mid.items[0]!.answer).toMatchObject({ id: a1.json().id, audioOnly: false });
    expect(mid.items[2]!.answer).toBeNull();
    // ... or by the file's audio type alone.
    const a3 = await b.upload(`/api/sessions/${s.id}/questions/3/answer`, {}, { data: opus, type: 'audio/webm;codecs=opus' });
    expect(a3.statusCode).toBe(202);

    // The analysis of an answer given in a session knows the job description and the question's type.
    expect(await t.c.sessions.analysisContext(a1.json().id)).toEqual({ jobDescription: 'Team lead for a support desk.', questionType: 'behavioural' });
    expect(await t.c.sessions.analysisContext('not-in-a-session')).toEqual({});

    const done = await settled(b, s.id);
    expect(done.items.map((i) => i.answer?.status)).toEqual(['done', 'done', 'done']);
    expect(done.items.map((i) => i.answer?.audioOnly)).toEqual([false, true, true]);
    expect(done.summary).not.toBeNull();
    expect(done.summary).toMatchObject({ total: 3, analysed: 3 });
    expect(done.summary!.notes.join(' ')).toMatch(/not measured in 2 audio-only answer\(s\) \(question 2, 3\)/);

    // The stored audio-only answer is WebM audio, served as such, with the visual scores null.
    const answer = (await b.get(`/api/answers/${a2.json().id}`)).json();
    expect(answer.report.input).toMatchObject({ hasAudio: true, hasVideo: false });
    expect(answer.report.scores.eyeContact.value).toBeNull();
    const media = await b.get(`/api/answers/${a2.json().id}/video`);
    expect(media.headers['content-type']).toMatch(/^audio\/webm/);

    // A question answered once cannot be answered again (unless its analysis failed).
    const again = await b.upload(`/api/sessions/${s.id}/questions/1/answer`, {}, { data: video, type: 'video/webm' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_ANSWERED');
    expect((await b.get('/api/sessions')).json().items[0]).toMatchObject({ id: s.id, status: 'complete', answered: 3, total: 3 });
  });

  it('refuses recordings that do not fit: no camera track without audio-only, longer than the answer time, unknown question', async () => {
    const b = browser();
    const s = (await b.post('/api/sessions', { count: 3, answerTimeSec: 30 })).json() as Session;
    const noVideo = await b.upload(`/api/sessions/${s.id}/questions/1/answer`, {}, { data: opus, type: 'video/webm' });
    expect(noVideo.statusCode).toBe(400);
    expect(noVideo.json()).toMatchObject({ code: 'NO_VIDEO_TRACK' });
    expect(noVideo.json().message).toMatch(/Answer without camera/);
    const tooLong = await b.upload(`/api/sessions/${s.id}/questions/1/answer`, { audioOnly: '1' }, { data: longOpus, type: 'audio/webm' });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({ code: 'VIDEO_TOO_LONG' });
    expect(tooLong.json().message).toMatch(/the limit is 35 s/);
    expect((await b.upload(`/api/sessions/${s.id}/questions/4/answer`, {}, { data: video, type: 'video/webm' })).statusCode).toBe(404);
    expect((await b.upload(`/api/sessions/${s.id}/questions/11/answer`, {}, { data: video, type: 'video/webm' })).statusCode).toBe(400);
    // Nothing was attached by the refused uploads.
    expect(((await b.get(`/api/sessions/${s.id}`)).json() as Session).items.every((i) => i.answer === null)).toBe(true);
  });

  it('lets a question whose analysis failed be answered again, and only then', async () => {
    const b = browser();
    const s = (await b.post('/api/sessions', { count: 3 })).json() as Session;
    const first = (await b.upload(`/api/sessions/${s.id}/questions/1/answer`, {}, { data: video, type: 'video/webm' })).json().id as string;
    for (let i = 0; i < 300 && ((await b.get(`/api/answers/${first}`)).json().status as string) !== 'done'; i++) await new Promise((r) => setTimeout(r, 200));
    expect((await b.upload(`/api/sessions/${s.id}/questions/1/answer`, {}, { data: video, type: 'video/webm' })).statusCode).toBe(409);
    await t.c.answerRepo.setState(first, { status: 'failed', stage: 'failed', progress: 0, error: 'the engine gave up' });
    const failed = (await b.get(`/api/sessions/${s.id}`)).json() as Session;
    expect(failed.items[0]!.answer).toMatchObject({ id: first, status: 'failed', error: 'the engine gave up' });
    const again = await b.upload(`/api/sessions/${s.id}/questions/1/answer`, {}, { data: video, type: 'video/webm' });
    expect(again.statusCode).toBe(202);
    const now = (await b.get(`/api/sessions/${s.id}`)).json() as Session;
    expect(now.items[0]!.answer!.id).toBe(again.json().id);
    expect(now.items[0]!.answer!.id).not.toBe(first);
  });

  it('keeps every session to its owner: another browser gets 404 for reading, answering and deleting', async () => {
    const alice = browser();
    const bob = browser();
    const s = (await alice.post('/api/sessions', { count: 3 })).json() as Session;
    expect((await bob.get(`/api/sessions/${s.id}`)).statusCode).toBe(404);
    expect((await bob.get('/api/sessions')).json().items).toEqual([]);
    expect((await bob.upload(`/api/sessions/${s.id}/questions/1/answer`, {}, { data: video, type: 'video/webm' })).statusCode).toBe(404);
    expect((await bob.del(`/api/sessions/${s.id}`)).statusCode).toBe(404);
    expect((await alice.del(`/api/sessions/${s.id}`)).statusCode).toBe(204);
    expect((await alice.get(`/api/sessions/${s.id}`)).statusCode).toBe(404);
  });
});
