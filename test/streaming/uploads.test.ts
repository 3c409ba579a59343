/**
 * Resumable uploads against the real server (local engine): the tus protocol as a browser speaks it (length
 * deferred, PATCH per chunk), the checks (type, incomplete, unknown, retake), progress events of the streaming
 * analysis while bytes arrive, resuming after a request that died mid-body, and the answer's report.
 */
import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers/fixtures.js';
import { practiceCookie } from '../helpers/http.js';
import { type RunningServer, startServer } from '../helpers/server.js';

let server: RunningServer;
const TUS = { 'tus-resumable': '1.0.0' };
const b64 = (s: string) => Buffer.from(s).toString('base64');

beforeAll(async () => {
  server = await startServer({ env: { ANALYSIS_ENGINE: 'local' } });
});
afterAll(async () => {
  await server?.stop();
  await server?.cleanup();
});

async function create(filetype = 'video/webm;codecs=vp8,opus'): Promise<Response> {
  return fetch(`${server.url}/api/uploads`, { method: 'POST', headers: { ...TUS, ...practiceCookie(), 'upload-defer-length': '1', 'upload-metadata': `filetype ${b64(filetype)},filename ${b64('answer.webm')}` } });
}
const idOf = (res: Response) => res.headers.get('location')!.split('/').pop()!;

async function patch(id: string, offset: number, body: Buffer, length?: number): Promise<Response> {
  return fetch(`${server.url}/api/uploads/${id}`, {
    method: 'PATCH',
    headers: { ...TUS, ...practiceCookie(), 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset), ...(length !== undefined ? { 'upload-length': String(length) } : {}) },
    body: new Uint8Array(body),
  });
}

async function offsetOf(id: string): Promise<number> {
  const res = await fetch(`${server.url}/api/uploads/${id}`, { method: 'HEAD', headers: { ...TUS, ...practiceCookie() } });
  return Number(res.headers.get('upload-offset'));
}

/** Sends the first `n` bytes of `body` as a PATCH and drops the connection (a network failure mid-request). */
function patchAndDrop(id: string, offset: number, body: Buffer, n: number): Promise<void> {
  return new Promise((resolve) => {
    const u = new URL(`${server.url}/api/uploads/${id}`);
    const req = httpRequest({ host: u.hostname, port: u.port, path: u.pathname, method: 'PATCH', headers: { ...TUS, ...practiceCookie(), 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset), 'content-length': String(body.length) } });
    req.on('error', () => resolve());
    req.write(body.subarray(0, n), () => setTimeout(() => {
      req.destroy();
      resolve();
    }, 300));
  });
}

describe('resumable uploads (tus) with streaming analysis', () => {
  it('refuses what is not a video, an unknown upload, and an incomplete one', async () => {
    const bad = await create('text/plain');
    expect(bad.status).toBe(415);
    expect(await bad.text()).toMatch(/not a video type/);

    const unknown = await fetch(`${server.url}/api/uploads/nope123/submit`, { method: 'POST', headers: { 'content-type': 'application/json', ...practiceCookie() }, body: JSON.stringify({ questionId: 'x' }) });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { code: string }).code).toBe('UPLOAD_NOT_FOUND');

    const res = await create();
    expect(res.status).toBe(201);
    const id = idOf(res);
    const bytes = await readFile(fixture('clear-answer.webm'));
    expect((await patch(id, 0, bytes.subarray(0, 50_000))).status).toBe(204);
    const q = ((await (await fetch(`${server.url}/api/questions/random`)).json()) as { id: string }).id;
    const early = await fetch(`${server.url}/api/uploads/${id}/submit`, { method: 'POST', headers: { 'content-type': 'application/json', ...practiceCookie() }, body: JSON.stringify({ questionId: q }) });
    expect(early.status).toBe(409);
    expect(((await early.json()) as { code: string }).code).toBe('UPLOAD_INCOMPLETE');

    // a retake deletes the partial upload
    expect((await fetch(`${server.url}/api/uploads/${id}`, { method: 'DELETE', headers: { ...TUS, ...practiceCookie() } })).status).toBe(204);
    expect((await fetch(`${server.url}/api/uploads/${id}`, { method: 'HEAD', headers: { ...TUS, ...practiceCookie() } })).status).toBe(404);
  });

  it('analyses while the chunks arrive, survives a dropped PATCH, and reports the whole answer', async () => {
    const bytes = await readFile(fixture('fillers-pauses.webm'));
    const res = await create();
    const id = idOf(res);
    const events: Array<{ analysedSec: number; receivedSec: number; finished: boolean }> = [];
    const ac = new AbortController();
    const sse = (async () => {
      const r = await fetch(`${server.url}/api/uploads/${id}/events`, { signal: ac.signal, headers: practiceCookie() });
      expect(r.headers.get('content-type')).toMatch(/text\/event-stream/);
      const dec = new TextDecoder();
      let buf = '';
      for await (const chunk of r.body as unknown as AsyncIterable<Uint8Array>) {
        buf += dec.decode(chunk, { stream: true });
        for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
          const ev = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const data = /^data: (.*)$/m.exec(ev)?.[1];
          if (data) events.push(JSON.parse(data));
        }
      }
    })().catch(() => undefined);

    // about 1 s of the take per PATCH, at twice real time; one request dies half-way and is resumed from HEAD
    const step = Math.ceil(bytes.length / 38);
    let offset = 0;
    let dropped = false;
    while (offset < bytes.length) {
      const piece = bytes.subarray(offset, offset + step);
      if (!dropped && offset > bytes.length / 2) {
        dropped = true;
        await patchAndDrop(id, offset, piece, Math.floor(piece.length / 2));
        offset = await offsetOf(id); // the server kept what it got
        continue;
      }
      const last = offset + piece.length >= bytes.length;
      const r = await patch(id, offset, piece, last ? bytes.length : undefined);
      expect(r.status).toBe(204);
      offset = Number(r.headers.get('upload-offset'));
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(dropped).toBe(true);
    expect(await offsetOf(id)).toBe(bytes.length);

    const q = ((await (await fetch(`${server.url}/api/questions/random`)).json()) as { id: string }).id;
    const sub = await fetch(`${server.url}/api/uploads/${id}/submit`, { method: 'POST', headers: { 'content-type': 'application/json', ...practiceCookie() }, body: JSON.stringify({ questionId: q }) });
    expect(sub.status).toBe(202);
    const answerId = ((await sub.json()) as { id: string }).id;

    let answer: { status: string; report: { transcript: { words: unknown[] }; speech: { pauses: unknown[]; fillers: unknown[] }; input: { durationSec: number } } | null; error: string | null } = { status: 'queued', report: null, error: null };
    for (let i = 0; i < 600 && answer.status !== 'done' && answer.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 500));
      answer = (await (await fetch(`${server.url}/api/answers/${answerId}`, { headers: practiceCookie() })).json()) as typeof answer;
    }
    ac.abort();
    await sse;
    expect(answer.error).toBeNull();
    expect(answer.status).toBe('done');
    expect(answer.report!.input.durationSec).toBeGreaterThan(37);
    expect(answer.report!.transcript.words.length).toBeGreaterThan(50);
    expect(answer.report!.speech.pauses.length).toBeGreaterThanOrEqual(3);
    // the analysis moved while the bytes arrived, and never went back
    const analysed = events.map((e) => e.analysedSec);
    expect(analysed.some((v) => v > 5 && v < 30)).toBe(true);
    expect(analysed.every((v, i) => i === 0 || v >= analysed[i - 1]!)).toBe(true);
    // the streamed session was used: the server logged no fallback to the file
    expect(server.logs()).not.toMatch(/streaming analysis (failed|unusable)/);
  }, 600_000);
});
