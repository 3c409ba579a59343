import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, multipart, type TestApp } from '../helpers/app.js';
import { fixture } from '../helpers/fixtures.js';
import { hugeFrameVideo, longVideo } from '../helpers/media.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ UPLOAD_RATE_PER_MIN: '1000' });
});
afterAll(() => t.close());

const post = (data: Buffer, type = 'video/webm', name = 'a.webm') =>
  t.app.inject({ method: 'POST', url: '/api/answers', ...multipart({ questionId: 'q-gen-01' }, { name, type, data }) });

describe('hostile uploads', () => {
  it('refuses HTML sent with a video content type (the type lies about the bytes)', async () => {
    const res = await post(Buffer.from('<!doctype html><script>alert(1)</script>'), 'video/mp4', 'x.mp4');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('NOT_A_VIDEO');
  });

  it('never serves the uploaded bytes back: a webm carrying a script payload is stored as a clean remux', async () => {
    const payload = Buffer.from('<html><script>document.cookie</script></html>');
    const res = await post(Buffer.concat([await readFile(fixture('short.webm')), payload]));
    expect(res.statusCode).toBe(202);
    const owner = { ia_practice: res.cookies.find((c) => c.name === 'ia_practice')!.value };
    const video = await t.app.inject({ method: 'GET', url: `/api/answers/${res.json().id}/video`, cookies: owner });
    expect(video.statusCode).toBe(200);
    expect(video.headers['content-type']).toBe('video/webm');
    expect(video.rawPayload.includes(payload)).toBe(false);
  });

  it('refuses huge frame dimensions', async () => {
    const file = await hugeFrameVideo(join(t.dataDir, 'huge.mkv'), 6000, 4000);
    const res = await post(await readFile(file), 'video/x-matroska', 'huge.mkv');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VIDEO_TOO_LARGE_FRAME' });
    expect(res.json().message).toContain('6000x4000');
  });

  it('refuses a very long video with the default limit', async () => {
    const file = await longVideo(join(t.dataDir, 'long.mkv'), 700);
    const res = await post(await readFile(file), 'video/x-matroska', 'long.mkv');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VIDEO_TOO_LONG' });
    expect(res.json().message).toMatch(/700 s long; the limit is 600 s/);
  });

  it('refuses a second file and unknown file fields', async () => {
    const data = await readFile(fixture('short.webm'));
    const res = await t.app.inject({ method: 'POST', url: '/api/answers', ...multipart({ questionId: 'q-gen-01' }, { field: 'other', name: 'a.webm', type: 'video/webm', data }) });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('UNEXPECTED_FILE');
  });

  it('refuses a multipart body that ends in the middle', async () => {
    const body = multipart({ questionId: 'q-gen-01' }, { name: 'a.webm', type: 'video/webm', data: await readFile(fixture('short.webm')) });
    const cut = body.payload.subarray(0, Math.floor(body.payload.length / 2));
    const res = await t.app.inject({ method: 'POST', url: '/api/answers', payload: cut, headers: body.headers });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });

  it('treats ids as opaque: path traversal in ids finds nothing', async () => {
    for (const id of ['..%2F..%2Fetc%2Fpasswd', '..', '%2e%2e', 'a/../../b']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/answers/${id}/video` });
      expect([400, 404]).toContain(res.statusCode);
      expect(res.payload).not.toContain('root:');
    }
  });

  it('leaves no temporary files behind', async () => {
    expect(await readdir(join(t.dataDir, 'tmp'))).toEqual([]);
  });
});

describe('rate limits and body limits', () => {
  it('limits uploads per client per minute', async () => {
    const limited = await createTestApp({ UPLOAD_RATE_PER_MIN: '2' }, { worker: false });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await limited.app.inject({ method: 'POST', url: '/api/answers', payload: 'x', headers: { 'content-type': 'text/plain' } });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([415, 415, 429]);
    } finally {
      await limited.close();
    }
  });

  it('refuses oversized JSON bodies with 413', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/answers/x/retry', payload: JSON.stringify({ pad: 'x'.repeat(300 * 1024) }), headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(413);
  });
});
