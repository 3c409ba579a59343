import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, multipart, type TestApp } from '../helpers/app.js';
import { fixture } from '../helpers/fixtures.js';

let t: TestApp;
/** Every request of this file comes from one browser: one anonymous practice owner (answers are visible to their owner only). */
const OWNER = { ia_practice: 'owner-of-the-answers-test-00000000000000000' };
const inj = (o: InjectOptions) => t.app.inject({ ...o, cookies: { ...OWNER, ...(o.cookies ?? {}) } });
beforeAll(async () => {
  t = await createTestApp({ MAX_VIDEO_SEC: '36' }); // fillers-pauses.webm (38.1 s) is too long, the 35.9 s clips are not
});
afterAll(() => t.close());

async function upload(name: string, fields: Record<string, string> = { questionId: 'q-gen-01' }, type = 'video/webm') {
  const data = await readFile(fixture(name));
  const body = multipart(fields, { name, type, data });
  return inj({ method: 'POST', url: '/api/answers', ...body });
}

async function waitDone(id: string, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const r = await inj({ method: 'GET', url: `/api/answers/${id}` });
    const a = r.json();
    if (a.status === 'done' || a.status === 'failed' || Date.now() > end) return a;
    await new Promise((res) => setTimeout(res, 100));
  }
}

/** Nothing half-stored: no rows, no media, no temp files beyond what accepted answers own. */
async function storedState() {
  const rows = await t.c.database.db.selectFrom('answers').select('id').execute();
  const media = await readdir(join(t.dataDir, 'media', 'answers')).catch(() => []);
  const tmp = await readdir(join(t.dataDir, 'tmp'));
  return { rows: rows.length, media: media.length, tmp: tmp.length };
}

describe('POST /api/answers', () => {
  it('accepts a browser-style webm (no duration header), remuxes it and analyses it in the background', async () => {
    const res = await upload('browser-like.webm');
    expect(res.statusCode).toBe(202);
    const { id } = res.json();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const a = await waitDone(id);
    expect(a.status).toBe('done');
    expect(a.durationSec).toBeCloseTo(35.9, 0);
    expect(a.report.engine).toBe('quick');
    expect(a.report.input).toEqual({ durationSec: a.durationSec, hasAudio: true, hasVideo: true });
    expect(a.report.speech.speechDetected).toBe(true);
    expect(a.progress).toBe(1);
    // the stored copy now has a duration header
    const video = await inj({ method: 'GET', url: a.videoUrl, headers: { range: 'bytes=0-99' } });
    expect(video.statusCode).toBe(206);
    expect(video.headers['content-range']).toMatch(/^bytes 0-99\/\d+$/);
    expect(video.rawPayload.length).toBe(100);
  });

  it('lists answers newest first with their score values', async () => {
    const res = await inj({ method: 'GET', url: '/api/answers' });
    const items = res.json().items;
    expect(items.length).toBeGreaterThanOrEqual(1);
    expect(items[0]).toMatchObject({ questionText: 'Tell me about yourself.', status: 'done' });
    expect(items[0].scores).toHaveProperty('confidence');
  });

  it('accepts mp4 too', async () => {
    const res = await upload('clear-answer.mp4', { questionId: 'q-beh-01' }, 'video/mp4');
    expect(res.statusCode).toBe(202);
    expect((await waitDone(res.json().id)).status).toBe('done');
  });

  const bad: Array<[string, string, Record<string, string>, string, number, string]> = [
    ['an empty file', 'empty.webm', { questionId: 'q-gen-01' }, 'video/webm', 400, 'EMPTY_FILE'],
    ['a text file named .webm', 'not-a-video.webm', { questionId: 'q-gen-01' }, 'video/webm', 400, 'NOT_A_VIDEO'],
    ['a truncated webm', 'truncated.webm', { questionId: 'q-gen-01' }, 'video/webm', 400, 'TRUNCATED_VIDEO'],
    ['a video longer than the limit', 'fillers-pauses.webm', { questionId: 'q-gen-01' }, 'video/webm', 400, 'VIDEO_TOO_LONG'],
    ['an unknown question id', 'short.webm', { questionId: 'nope' }, 'video/webm', 404, 'QUESTION_NOT_FOUND'],
    ['no question id', 'short.webm', {}, 'video/webm', 400, 'MISSING_QUESTION'],
    ['a wrong content type', 'short.webm', { questionId: 'q-gen-01' }, 'text/plain', 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ];
  for (const [what, file, fields, type, status, code] of bad) {
    it(`refuses ${what} with ${status} ${code}, storing nothing`, async () => {
      const before = await storedState();
      const res = await upload(file, fields, type);
      expect(res.statusCode).toBe(status);
      const body = res.json();
      expect(body.code).toBe(code);
      expect(body.message.length).toBeGreaterThan(10);
      expect(await storedState()).toEqual(before);
    });
  }

  it('refuses a video without an audio track', async () => {
    const { run, FFMPEG } = await import('../../server/media/ffmpeg.js');
    const out = join(t.dataDir, 'silent-video.webm');
    await run(FFMPEG, ['-v', 'error', '-y', '-i', fixture('short.webm'), '-an', '-c', 'copy', out]);
    const data = await readFile(out);
    const res = await inj({ method: 'POST', url: '/api/answers', ...multipart({ questionId: 'q-gen-01' }, { name: 'a.webm', type: 'video/webm', data }) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'NO_AUDIO_TRACK' });
  });

  it('refuses a truncated mp4', async () => {
    const whole = await readFile(fixture('clear-answer.mp4'));
    const res = await inj({ method: 'POST', url: '/api/answers', ...multipart({ questionId: 'q-gen-01' }, { name: 'a.mp4', type: 'video/mp4', data: whole.subarray(0, Math.floor(whole.length * 0.3)) }) });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('TRUNCATED_VIDEO');
  });

  it('refuses a non-multipart body with 415', async () => {
    const res = await inj({ method: 'POST', url: '/api/answers', payload: { questionId: 'q-gen-01' } });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('UNSUPPORTED_CONTENT_TYPE');
  });

  it('refuses a file above the size limit with 413 while streaming', async () => {
    const small = await createTestApp({ MAX_UPLOAD_MB: '1' }, { worker: false });
    try {
      const clip = await readFile(fixture('clear-answer.webm'));
      const data = Buffer.concat([clip, clip]);
      expect(data.length).toBeGreaterThan(1024 * 1024);
      const body = multipart({ questionId: 'q-gen-01' }, { name: 'a.webm', type: 'video/webm', data });
      // no content-length hint: the limit must trip while the file streams
      const res = await small.app.inject({ method: 'POST', url: '/api/answers', payload: body.payload, headers: { ...body.headers, 'transfer-encoding': 'chunked' } });
      expect(res.statusCode).toBe(413);
      expect(res.json().code).toBe('FILE_TOO_LARGE');
      expect(await readdir(join(small.dataDir, 'tmp'))).toEqual([]);
    } finally {
      await small.close();
    }
  });
});

describe('GET /api/answers/:id and friends', () => {
  it('404s unknown ids with a JSON error', async () => {
    for (const url of ['/api/answers/nope', '/api/answers/nope/video', '/api/answers/nope/events']) {
      const res = await inj({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe('ANSWER_NOT_FOUND');
    }
  });

  it('refuses a retry of an answer that did not fail', async () => {
    const { id } = (await upload('short.webm')).json();
    await waitDone(id);
    const res = await inj({ method: 'POST', url: `/api/answers/${id}/retry` });
    expect(res.statusCode).toBe(409);
  });

  it('streams progress as server-sent events ending with done', async () => {
    const { id } = (await upload('short.webm')).json();
    const res = await inj({ method: 'GET', url: `/api/answers/${id}/events` });
    expect(res.headers['content-type']).toContain('text/event-stream');
    const events = res.payload
      .split('\n\n')
      .filter((b) => b.startsWith('event: status'))
      .map((b) => JSON.parse(b.split('data: ')[1]!));
    expect(events.at(-1)).toMatchObject({ id, status: 'done', progress: 1 });
  });

  it('deletes an answer with its video', async () => {
    const { id } = (await upload('short.webm')).json();
    await waitDone(id);
    expect((await inj({ method: 'DELETE', url: `/api/answers/${id}` })).statusCode).toBe(204);
    expect((await inj({ method: 'GET', url: `/api/answers/${id}` })).statusCode).toBe(404);
    expect(await readdir(join(t.dataDir, 'media', 'answers'))).not.toContain(id);
  });
});

describe('legacy POST /upload', () => {
  it('waits for the analysis and returns the report JSON', async () => {
    const data = await readFile(fixture('short.webm'));
    const res = await inj({ method: 'POST', url: '/upload', ...multipart({}, { name: 'answer.webm', type: 'video/webm', data }) });
    expect(res.statusCode).toBe(200);
    expect(res.json().report).toMatchObject({ schemaVersion: 1, engine: 'quick', question: 'Tell me about yourself.' });
  });
});
