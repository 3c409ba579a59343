/** Share links, PRACTICE_MODE, and the History / Progress APIs over a real owner's analysed answers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Progress } from '../../contracts/progress.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { type Browser, browser } from './helpers.js';

describe('share links', () => {
  let t: TestApp;
  let owner: Browser;
  let id: string;
  beforeAll(async () => {
    t = await createTestApp();
    owner = browser(t);
    id = await owner.upload('short.webm');
    await owner.waitSettled(id);
  });
  afterAll(() => t.close());

  it('a link without the video: the report reads, the video does not; only the hash is stored', async () => {
    const made = await owner.req('POST', `/api/answers/${id}/shares`, { includeVideo: false });
    expect(made.statusCode).toBe(201);
    const s = made.json();
    expect(Buffer.from(s.token, 'base64url')).toHaveLength(32);
    expect(s.url).toBe(`/shared/${s.token}`);
    const rows = await t.c.database.db.selectFrom('answer_shares').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(s.token);
    const reader = browser(t);
    const shared = await reader.req('GET', `/api/shared/${s.token}`);
    expect(shared.statusCode).toBe(200);
    expect(shared.headers['cache-control']).toBe('no-store');
    expect(shared.json()).toMatchObject({ id, includeVideo: false, videoUrl: null, status: 'done' });
    expect(shared.json().report.scores).toBeTruthy();
    expect((await reader.req('GET', `/api/shared/${s.token}/video`)).statusCode).toBe(404);
    // reading a shared report gives no access to the owner's answer routes
    expect((await reader.req('GET', `/api/answers/${id}`)).statusCode).toBe(404);
    expect((await reader.req('DELETE', `/api/answers/${id}`)).statusCode).toBe(404);
    // read-only: no write route exists under /api/shared
    expect((await reader.req('DELETE', `/api/shared/${s.token}`)).statusCode).toBe(404);
  });

  it('a link with the video plays it (Range too); revoking stops both at once', async () => {
    const s = (await owner.req('POST', `/api/answers/${id}/shares`, { includeVideo: true })).json();
    const reader = browser(t);
    expect((await reader.req('GET', `/api/shared/${s.token}`)).json().videoUrl).toBe(`/api/shared/${s.token}/video`);
    const video = await t.app.inject({ method: 'GET', url: `/api/shared/${s.token}/video`, headers: { range: 'bytes=0-9' } });
    expect(video.statusCode).toBe(206);
    expect(video.rawPayload).toHaveLength(10);
    const list = (await owner.req('GET', `/api/answers/${id}/shares`)).json().items;
    expect(list).toHaveLength(2);
    expect(JSON.stringify(list)).not.toContain(s.token);
    expect((await owner.req('DELETE', `/api/answers/${id}/shares/${s.id}`)).statusCode).toBe(204);
    expect((await reader.req('GET', `/api/shared/${s.token}`)).statusCode).toBe(404);
    expect((await reader.req('GET', `/api/shared/${s.token}/video`)).statusCode).toBe(404);
    expect((await owner.req('GET', `/api/answers/${id}/shares`)).json().items.find((x: { id: string }) => x.id === s.id).revokedAt).toBeTruthy();
  });

  it('unknown, malformed and guessed tokens are 404 with a clear message', async () => {
    for (const token of ['x', 'A'.repeat(43), '../../etc/passwd']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/shared/${encodeURIComponent(token)}` });
      expect(res.statusCode).toBe(404);
      expect(res.json().message).toMatch(/does not exist or was revoked/);
    }
  });

  it('an answer that is not analysed yet cannot be shared (409), and bad bodies are 400', async () => {
    await t.c.answerRepo.setState(id, { status: 'failed', stage: 'failed', progress: 1, error: 'x' });
    const res = await owner.req('POST', `/api/answers/${id}/shares`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('NOT_ANALYSED');
    expect((await owner.req('POST', `/api/answers/${id}/shares`, { includeVideo: 'yes' })).statusCode).toBe(400);
  });
});

describe('PRACTICE_MODE', () => {
  it('accounts: anonymous practice is refused with 401, a signed-in user practises', async () => {
    const t = await createTestApp({ PRACTICE_MODE: 'accounts' }, { worker: false });
    try {
      expect((await t.app.inject({ method: 'GET', url: '/api/config' })).json().practiceMode).toBe('accounts');
      const anon = browser(t);
      for (const [method, url] of [
        ['GET', '/api/questions/random'],
        ['GET', '/api/answers'],
        ['GET', '/api/history'],
        ['GET', '/get_question'],
      ] as const) {
        const res = await anon.req(method, url);
        expect(res.statusCode, url).toBe(401);
        expect(res.json().code).toBe('SIGN_IN_REQUIRED');
      }
      await expect(anon.upload()).rejects.toThrow(/401/);
      expect(anon.jar.ia_practice).toBeUndefined();
      const user = browser(t);
      expect((await user.req('POST', '/api/account/signup', { email: 'u@example.com', password: 'a long practice pass' })).statusCode).toBe(201);
      expect((await user.req('GET', '/api/questions/random')).statusCode).toBe(200);
      expect(typeof (await user.upload())).toBe('string');
      expect((await user.req('GET', '/api/answers')).json().items).toHaveLength(1);
    } finally {
      await t.close();
    }
  });

  it('off: practice routes are 404, the question bank and the hiring side stay; the config says off', async () => {
    const t = await createTestApp({ PRACTICE_MODE: 'off' }, { worker: false });
    try {
      expect((await t.app.inject({ method: 'GET', url: '/api/config' })).json().practiceMode).toBe('off');
      for (const [method, url] of [
        ['GET', '/api/questions/random'],
        ['GET', '/api/answers'],
        ['POST', '/api/answers'],
        ['GET', '/api/answers/x'],
        ['GET', '/api/history'],
        ['GET', '/api/progress'],
        ['GET', '/api/account'],
        ['POST', '/api/account/signup'],
        ['GET', `/api/shared/${'A'.repeat(43)}`],
        ['POST', '/upload'],
      ] as const) {
        expect((await t.app.inject({ method, url })).statusCode, `${method} ${url}`).toBe(404);
      }
      expect((await t.app.inject({ method: 'GET', url: '/api/questions' })).statusCode).toBe(200);
      expect((await t.app.inject({ method: 'POST', url: '/api/admin/login', payload: { email: 'a@b.c', password: 'x' } })).statusCode).toBe(401);
    } finally {
      await t.close();
    }
  });

  it('a bad value stops the start with a message naming the setting', async () => {
    await expect(createTestApp({ PRACTICE_MODE: 'closed' }, { worker: false })).rejects.toThrow(/PRACTICE_MODE/);
  });
});

describe('history and progress over real analyses', () => {
  let t: TestApp;
  let me: Browser;
  const mine: string[] = [];
  beforeAll(async () => {
    t = await createTestApp({ ANALYSIS_ENGINE: 'local' });
    me = browser(t);
    // three answers to two questions in two categories: slow, fast, then clear speech
    for (const [name, q] of [
      ['slow.webm', 'q-gen-01'],
      ['fast.webm', 'q-beh-01'],
      ['clear-answer.webm', 'q-gen-01'],
    ] as const) {
      const id = await me.upload(name, q);
      mine.push(id);
      await me.waitSettled(id, 300_000);
    }
  }, 900_000);
  afterAll(() => t?.close());

  it('filters by question, category and date, and finds words in the transcripts', async () => {
    const all = (await me.req('GET', '/api/history')).json();
    expect(all.total).toBe(3);
    expect(all.items.map((a: { id: string }) => a.id)).toEqual([...mine].reverse());
    expect((await me.req('GET', '/api/history?questionId=q-gen-01')).json().items.map((a: { id: string }) => a.id).sort()).toEqual([mine[0], mine[2]].sort());
    expect((await me.req('GET', '/api/history?category=behavioral')).json().items.map((a: { id: string }) => a.id)).toEqual([mine[1]]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await me.req('GET', `/api/history?from=${today}&to=${today}`)).json().total).toBe(3);
    expect((await me.req('GET', '/api/history?to=2000-01-01')).json().total).toBe(0);
    const bad = await me.req('GET', '/api/history?from=2026-13-01');
    expect(bad.statusCode).toBe(400);
    expect((await me.req('GET', '/api/history?from=2026-02-01&to=2026-01-01')).statusCode).toBe(400);
    // search: a word of the clear answer's transcript finds it (with a snippet), a made-up word finds nothing
    const clear = (await me.req('GET', `/api/answers/${mine[2]}`)).json();
    const word = (clear.report.transcript.words as Array<{ text: string }>).map((w) => w.text).find((w) => w.length >= 6)!;
    const found = (await me.req('GET', `/api/history?q=${encodeURIComponent(word.toUpperCase())}`)).json();
    expect(found.items.map((a: { id: string }) => a.id)).toContain(mine[2]);
    expect(found.items.find((a: { id: string }) => a.id === mine[2]).snippet.toLowerCase()).toContain(word.toLowerCase());
    expect((await me.req('GET', '/api/history?q=zzyzxqwv')).json().total).toBe(0);
  });

  it('progress: series per measure, first/last/best, per question and category, with the reference bands', async () => {
    const p = (await me.req('GET', '/api/progress')).json() as Progress;
    expect(p.answers).toBe(3);
    const reports = await Promise.all(mine.map(async (id) => (await me.req('GET', `/api/answers/${id}`)).json().report));
    const wpm = p.measures.find((m) => m.id === 'wpm')!;
    expect(wpm.band).toMatchObject({ min: 100, max: 165 });
    expect(wpm.band!.source).toMatch(/Speaker Coach/);
    const measured = reports.map((r) => r.speech?.wpm).filter((v): v is number => typeof v === 'number');
    expect(wpm.points.map((x) => x.value)).toEqual(measured.map((v) => Math.round(v * 10) / 10));
    expect(wpm.first).toBe(wpm.points[0]!.value);
    expect(wpm.last).toBe(wpm.points.at(-1)!.value);
    for (const name of ['confidence', 'clarity', 'speechRate', 'voiceTone', 'eyeContact', 'bodyLanguage']) {
      const m = p.measures.find((x) => x.id === `score.${name}`)!;
      expect(m.points.length + m.unmeasured).toBe(3);
      const values = reports.map((r) => r.scores[name].value).filter((v): v is number => v !== null);
      if (values.length) expect(m.best).toBe(Math.max(...values));
    }
    expect(p.measures.find((m) => m.id === 'fillersPerMin')!.band).toMatchObject({ max: 5 });
    expect(p.measures.find((m) => m.id === 'pitchVariation')!.band).toMatchObject({ min: 0.11 });
    const gen = wpm.byQuestion.find((q) => q.questionId === 'q-gen-01');
    if (gen) expect(gen.n).toBe(wpm.points.filter((x) => x.questionId === 'q-gen-01').length);
    expect(wpm.byCategory.map((c) => c.category).sort()).toEqual([...new Set(wpm.points.map((x) => x.category))].sort());
    // every note names figures
    for (const n of [...p.improved, ...p.next]) expect(n.text).toMatch(/\d/);
    expect(p.improved.length + p.next.length).toBeGreaterThan(0);
  });
});
