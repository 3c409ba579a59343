/**
 * The demo's routes over real HTTP (a listening server, fetch / node:http): POST /upload answers the demo's body
 * (six scores on 1-10 or "n/a", imp_points, id, report), and every error carries the message in `error`.
 */
import { request as httpRequest } from 'node:http';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LegacyUploadReply, legacyErrorBody, legacyScoreNames, legacyScoreSources, legacyUploadReply } from '../../contracts/legacy.js';
import { reportSchema } from '../../server/analysis/report.js';
import { startWorker } from '../../server/features/analysis/worker.js';
import { tenPointScore } from '../../server/features/legacy/legacy-reply.js';
import { startFakeTwelveLabs, type FakeTwelveLabs } from '../fakes/twelvelabs.js';
import { createTestApp, multipart, type TestApp } from '../helpers/app.js';
import { fixture } from '../helpers/fixtures.js';
import { keepPracticeCookie, practiceCookie, setPracticeCookie } from '../helpers/http.js';

interface Served extends TestApp {
  url: string;
}

async function serve(env: Record<string, string>, opts: { worker?: boolean } = {}): Promise<Served> {
  const t = await createTestApp({ UPLOAD_RATE_PER_MIN: '1000', ...env }, opts);
  const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  return Object.assign(t, { url });
}

/** The demo's call: FormData with the recording in the `video` field. */
async function postVideo(url: string, name: string, type = name.endsWith('.mp4') ? 'video/mp4' : 'video/webm', fields: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('video', new Blob([await readFile(fixture(name))], { type }), name);
  const res = await fetch(`${url}/upload`, { method: 'POST', body: form, headers: practiceCookie(url) });
  keepPracticeCookie(url, res);
  return res;
}

/** A demo-route error: non-2xx JSON whose `error` is the message for the user; `code` and `message` kept. */
async function expectDemoError(res: Response, status: number, code?: string): Promise<{ error: string; message: string; code: string; id?: string; statusUrl?: string }> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = legacyErrorBody.parse(JSON.parse(text));
  if (code !== undefined) expect(body.code).toBe(code);
  expect(body.statusCode).toBe(status);
  expect(body.error).toBe(body.message);
  expect(body.message.length).toBeGreaterThan(15); // a sentence, not a status text
  return body;
}

function expectDemoScores(body: LegacyUploadReply): void {
  for (const name of legacyScoreNames) {
    const value = body.report.scores[legacyScoreSources[name]].value;
    expect([name, body[name]]).toEqual([name, tenPointScore(value)]);
  }
  expect(body.imp_points).toEqual(body.report.keyPoints);
}

describe('POST /upload: the demo body', () => {
  let local: Served;
  beforeAll(async () => {
    local = await serve({ ANALYSIS_ENGINE: 'local' });
  });
  afterAll(() => local.close());

  it('local engine: the six scores as 1-10 numbers, imp_points, id and the full report', async () => {
    const res = await postVideo(local.url, 'clear-answer.mp4');
    expect(res.status).toBe(200);
    const raw = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(raw).sort()).toEqual([...legacyScoreNames, 'id', 'imp_points', 'report'].sort());
    const body = legacyUploadReply.parse(raw);
    for (const name of legacyScoreNames) {
      expect(typeof body[name], name).toBe('number');
      expect(body[name]).toBeGreaterThanOrEqual(1);
      expect(body[name]).toBeLessThanOrEqual(10);
    }
    expectDemoScores(body);
    expect(body.imp_points.length).toBeGreaterThan(0);
    expect(body.imp_points.every((p) => typeof p === 'string' && p.length > 0)).toBe(true);
    expect(reportSchema.safeParse(body.report).success).toBe(true);
    expect(body.report.engine).toBe('local');
    expect(body.report.question).toBe('Tell me about yourself.');
    // The same answer is in the API and the history, with the same report.
    const answer = (await (await fetch(`${local.url}/api/answers/${body.id}`, { headers: practiceCookie(local.url) })).json()) as { status: string; report: unknown };
    expect(answer.status).toBe('done');
    expect(answer.report).toEqual(body.report);
  });

  it('describes that body in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${local.url}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: { properties: Record<string, unknown>; required?: string[] } }> }> }>>;
    };
    const ok = doc.paths['/upload']!.post!.responses['200']!.content['application/json']!.schema;
    expect(Object.keys(ok.properties).sort()).toEqual([...legacyScoreNames, 'id', 'imp_points', 'report'].sort());
    expect(ok.required?.sort()).toEqual([...legacyScoreNames, 'id', 'imp_points', 'report'].sort());
    expect(JSON.stringify(ok.properties.confidence)).toContain('n/a');
    const failed = doc.paths['/upload']!.post!.responses['422']!.content['application/json']!.schema;
    expect(Object.keys(failed.properties)).toEqual(expect.arrayContaining(['error', 'code', 'message']));
    expect(doc.paths['/get_question']!.get!.responses['200']!.content['application/json']!.schema.properties).toHaveProperty('question');
    // The catch-all routes stay out of the document.
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/upload') || p.startsWith('/get_question')).sort()).toEqual(['/get_question', '/upload']);
  });
});

describe('POST /upload with the Twelve Labs engine (local fake API)', () => {
  let fake: FakeTwelveLabs;
  let tl: Served;
  beforeAll(async () => {
    fake = await startFakeTwelveLabs();
    tl = await serve({ ANALYSIS_ENGINE: 'twelvelabs', TWELVE_LABS_API_KEY: fake.apiKey, TWELVELABS_BASE_URL: fake.url, TWELVE_LABS_POLL_MS: '20', JOB_MAX_ATTEMPTS: '1' });
  });
  afterAll(async () => {
    await tl.close();
    await fake.close();
  });

  it('maps Pegasus\'s 0-100 ratings and key points to the demo body', async () => {
    const res = await postVideo(tl.url, 'short.webm');
    expect(res.status).toBe(200);
    const body = legacyUploadReply.parse(await res.json());
    expect(body.report.engine).toBe('twelvelabs');
    expectDemoScores(body);
    expect(legacyScoreNames.some((n) => typeof body[n] === 'number')).toBe(true);
    expect(body.imp_points.length).toBeGreaterThan(0);
  });

  it('a failed analysis: 422 ANALYSIS_FAILED with the reason in `error`', async () => {
    fake.assetStatuses = ['processing', 'failed'];
    const res = await postVideo(tl.url, 'short.webm');
    const body = await expectDemoError(res, 422, 'ANALYSIS_FAILED');
    expect(body.error).toMatch(/^The analysis failed: /);
    expect(body.error).toMatch(/could not be decoded/);
  });
});

describe('POST /upload and GET /get_question errors: `error` carries the message', () => {
  let t: Served;
  beforeAll(async () => {
    t = await serve({ ANALYSIS_ENGINE: 'quick', MAX_UPLOAD_MB: '1' });
  });
  afterAll(() => t.close());

  it('quick engine: unmeasured scores are "n/a" (never 0), the reason stays in the report', async () => {
    const res = await postVideo(t.url, 'short.webm');
    expect(res.status).toBe(200);
    const body = legacyUploadReply.parse(await res.json());
    for (const name of legacyScoreNames) {
      expect([name, body[name]]).toEqual([name, 'n/a']);
      expect(body.report.scores[legacyScoreSources[name]].value).toBeNull();
      expect(body.report.scores[legacyScoreSources[name]].evidence.join(' ')).toMatch(/Not measured by the quick engine/);
    }
    expect(body.imp_points).toEqual([]);
  });

  it('GET /get_question answers {question}', async () => {
    const res = await fetch(`${t.url}/get_question`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['question']);
    expect(typeof body.question).toBe('string');
  });

  it('a file that is not a video: 400', async () => {
    const body = await expectDemoError(await postVideo(t.url, 'not-a-video.webm'), 400, 'NOT_A_VIDEO');
    expect(body.error).toMatch(/video/i);
  });

  it('an empty file: 400 EMPTY_FILE', async () => {
    await expectDemoError(await postVideo(t.url, 'empty.webm'), 400, 'EMPTY_FILE');
  });

  it('a cut (truncated) recording: 4xx', async () => {
    const res = await postVideo(t.url, 'truncated.webm');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const body = legacyErrorBody.parse(await res.json());
    expect(body.error).toBe(body.message);
  });

  it('a file above MAX_UPLOAD_MB: 413 FILE_TOO_LARGE', async () => {
    const body = await expectDemoError(await postVideo(t.url, 'clear-answer.mp4'), 413, 'FILE_TOO_LARGE');
    expect(body.error).toContain('1 MB');
  });

  it('a file above MAX_UPLOAD_MB sent without a length (chunked): 413 FILE_TOO_LARGE from the multipart limit', async () => {
    const { payload, headers } = multipart({}, { name: 'big.mp4', type: 'video/mp4', data: await readFile(fixture('clear-answer.mp4')) });
    const res = await rawPost(`${t.url}/upload`, headers, payload, { chunked: true });
    expect(res.status).toBe(413);
    const body = legacyErrorBody.parse(JSON.parse(res.body));
    expect(body.code).toBe('FILE_TOO_LARGE');
    expect(body.error).toBe(body.message);
  });

  it('a part that is not a video type: 415', async () => {
    await expectDemoError(await postVideo(t.url, 'short.webm', 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('no multipart body: 415', async () => {
    const res = await fetch(`${t.url}/upload`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"video":"x"}' });
    await expectDemoError(res, 415, 'UNSUPPORTED_CONTENT_TYPE');
    const other = await fetch(`${t.url}/upload`, { method: 'POST', headers: { 'content-type': 'application/x-foo' }, body: 'x' });
    await expectDemoError(other, 415, 'UNSUPPORTED_CONTENT_TYPE');
  });

  it('no video field: 400 MISSING_VIDEO; a file in another field: 400', async () => {
    const form = new FormData();
    form.append('question', 'Why us?');
    await expectDemoError(await fetch(`${t.url}/upload`, { method: 'POST', body: form }), 400, 'MISSING_VIDEO');
    const wrong = new FormData();
    wrong.append('file', new Blob([await readFile(fixture('short.webm'))], { type: 'video/webm' }), 'a.webm');
    await expectDemoError(await fetch(`${t.url}/upload`, { method: 'POST', body: wrong }), 400, 'UNEXPECTED_FILE');
  });

  it('a multipart body cut in the middle: 400', async () => {
    const { payload, headers } = multipart({}, { name: 'a.webm', type: 'video/webm', data: await readFile(fixture('short.webm')) });
    const res = await fetch(`${t.url}/upload`, { method: 'POST', headers, body: payload.subarray(0, Math.floor(payload.length / 2)) });
    expect(res.status).toBe(400);
    const body = legacyErrorBody.parse(await res.json());
    expect(body.error).toBe(body.message);
  });

  it('an unknown question id: 404', async () => {
    await expectDemoError(await postVideo(t.url, 'short.webm', 'video/webm', { questionId: 'nope' }), 404, 'QUESTION_NOT_FOUND');
  });

  it('a wrong method or a path below the demo routes: 405 / 404 in the same shape', async () => {
    const getUpload = await fetch(`${t.url}/upload`);
    expect(getUpload.headers.get('allow')).toBe('POST');
    await expectDemoError(getUpload, 405, 'METHOD_NOT_ALLOWED');
    const postQuestion = await fetch(`${t.url}/get_question`, { method: 'POST' });
    expect(postQuestion.headers.get('allow')).toBe('GET, HEAD');
    await expectDemoError(postQuestion, 405, 'METHOD_NOT_ALLOWED');
    await expectDemoError(await fetch(`${t.url}/upload/extra`, { method: 'POST' }), 404, 'ROUTE_NOT_FOUND');
    await expectDemoError(await fetch(`${t.url}/get_question/1`), 404, 'ROUTE_NOT_FOUND');
  });

  it('other routes keep the usual error body (status text in `error`)', async () => {
    const res = await fetch(`${t.url}/api/answers/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'Not Found', code: 'ANSWER_NOT_FOUND' });
  });

  it('leaves no temporary files behind', async () => {
    expect(await readdir(join(t.dataDir, 'tmp'))).toEqual([]);
  });
});

describe('POST /upload: rate limit', () => {
  let t: Served;
  beforeAll(async () => {
    t = await serve({ ANALYSIS_ENGINE: 'quick', UPLOAD_RATE_PER_MIN: '1' });
  });
  afterAll(() => t.close());

  it('429 with the message in `error`', async () => {
    expect((await postVideo(t.url, 'short.webm')).status).toBe(200);
    // The limiter's own error has no code; the shared error handler names it (the code is not the demo's concern).
    const body = await expectDemoError(await postVideo(t.url, 'short.webm'), 429);
    expect(body.error).toMatch(/rate limit|too many/i);
  });
});

describe('POST /upload: the waiting limit and a client that leaves', () => {
  it('after LEGACY_UPLOAD_WAIT_SEC: 504 ANALYSIS_TIMEOUT with the id; the analysis goes on and finishes', async () => {
    const t = await serve({ ANALYSIS_ENGINE: 'quick', LEGACY_UPLOAD_WAIT_SEC: '1' }, { worker: false });
    try {
      const body = await expectDemoError(await postVideo(t.url, 'short.webm'), 504, 'ANALYSIS_TIMEOUT');
      expect(body.error).toMatch(/not finished after 1 s \(it is queued\)/);
      expect(body.id).toBeTruthy();
      expect(body.statusUrl).toBe(`/api/answers/${body.id}`);
      expect(body.error).toContain(`/answers/${body.id}`);
      await startWorker(t.c);
      const done = await waitForStatus(t.url, body.statusUrl!, 'done');
      expect(done.report).toMatchObject({ engine: 'quick' });
    } finally {
      await t.close();
    }
  });

  it('a client that disconnects while waiting: the waiting stops, the answer is kept and analysed', async () => {
    const t = await serve({ ANALYSIS_ENGINE: 'quick', LEGACY_UPLOAD_WAIT_SEC: '600' }, { worker: false });
    try {
      const live = countSubscriptions(t);
      const { payload, headers } = multipart({}, { name: 'a.webm', type: 'video/webm', data: await readFile(fixture('short.webm')) });
      // the answer belongs to this client's practice identity (it never reads the reply that would set one)
      const cookie = setPracticeCookie(t.url, 'disconnecting-client-0000000000000000000000');
      const req = httpRequest(`${t.url}/upload`, { method: 'POST', headers: { ...headers, cookie, 'content-length': String(payload.length) } });
      let answered = false;
      req.on('response', () => (answered = true));
      req.on('error', () => {}); // we hang up ourselves
      req.end(payload);

      await until(() => [...live.values()].some((n) => n === 1));
      const [id] = [...live.keys()];
      expect(answered).toBe(false);
      req.destroy();
      await until(() => live.get(id!) === 0);

      const queued = (await (await fetch(`${t.url}/api/answers/${id}`, { headers: practiceCookie(t.url) })).json()) as { status: string };
      expect(queued.status).toBe('queued');
      await startWorker(t.c);
      const done = await waitForStatus(t.url, `/api/answers/${id}`, 'done');
      expect(done.report).toMatchObject({ engine: 'quick' });
      expect(await readdir(join(t.dataDir, 'tmp'))).toEqual([]);
      expect(answered).toBe(false);
    } finally {
      await t.close();
    }
  });

  it('a server that shuts down while /upload waits: 503 SERVER_RESTARTING with the id at once; the answer is analysed later', async () => {
    const t = await serve({ ANALYSIS_ENGINE: 'quick', LEGACY_UPLOAD_WAIT_SEC: '600' }, { worker: false });
    let closed = false;
    try {
      const live = countSubscriptions(t);
      const response = postVideo(t.url, 'short.webm');
      await until(() => [...live.values()].some((n) => n === 1));
      const closing = t.app.close(); // what SIGTERM does first (server/main.ts)
      const body = await expectDemoError(await response, 503, 'SERVER_RESTARTING');
      await closing;
      closed = true;
      expect(body.error).toMatch(/restarting\. Your answer is saved/);
      expect(body.statusUrl).toBe(`/api/answers/${body.id}`);
      expect((await t.c.answers.get(body.id!)).status).toBe('queued');
      // The next start's worker picks the queued job up.
      await startWorker(t.c);
      expect(live.get(body.id!)).toBe(0);
      for (let i = 0; (await t.c.answers.get(body.id!)).status !== 'done'; i++) {
        if (i > 600) throw new Error('not analysed in time');
        await new Promise((r) => setTimeout(r, 100));
      }
      expect((await t.c.answers.get(body.id!)).report).toMatchObject({ engine: 'quick' });
    } finally {
      if (closed) {
        await t.c.close();
        await rm(t.dataDir, { recursive: true, force: true });
      } else await t.close();
    }
  });
});

/** Counts live subscriptions per answer on the app's real event bus (what a waiting /upload holds). */
function countSubscriptions(t: TestApp): Map<string, number> {
  const live = new Map<string, number>();
  const subscribe = t.c.events.subscribe.bind(t.c.events);
  t.c.events.subscribe = (answerId, listener) => {
    live.set(answerId, (live.get(answerId) ?? 0) + 1);
    const off = subscribe(answerId, listener);
    return () => {
      live.set(answerId, (live.get(answerId) ?? 0) - 1);
      off();
    };
  };
  return live;
}

async function until(pred: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function waitForStatus(url: string, path: string, status: string): Promise<{ status: string; report: unknown; error: string | null }> {
  const end = Date.now() + 60_000;
  for (;;) {
    const a = (await (await fetch(`${url}${path}`, { headers: practiceCookie(url) })).json()) as { status: string; report: unknown; error: string | null };
    if (a.status === status) return a;
    if (a.status === 'failed' || Date.now() > end) throw new Error(`answer is ${a.status}: ${a.error}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A POST through node:http, reading the response even when the server answers before the body is sent. */
function rawPost(url: string, headers: Record<string, string>, body: Buffer, opts: { chunked?: boolean } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers: opts.chunked ? { ...headers, 'transfer-encoding': 'chunked' } : { ...headers, 'content-length': String(body.length) } });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.subarray(i, i + 64 * 1024));
    req.end();
  });
}
