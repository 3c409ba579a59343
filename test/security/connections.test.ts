import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixture } from '../helpers/fixtures.js';
import { uploadAnswer } from '../helpers/http.js';
import { type RunningServer, startServer } from '../helpers/server.js';

let s: RunningServer;
beforeAll(async () => {
  s = await startServer({ env: { ANALYSIS_ENGINE: 'quick', HEADERS_TIMEOUT_SEC: '2', UPLOAD_RATE_PER_MIN: '1000', ANALYSIS_MAX_QUEUED: '1000', ANALYSIS_MINUTES_PER_HOUR: '0', JOB_CONCURRENCY: '2' } });
});
afterAll(async () => {
  await s.kill();
  await s.cleanup();
});

it('closes a slow-loris connection that never finishes its headers', async () => {
  const { port } = new URL(s.url);
  const closedAfterMs = await new Promise<number>((resolve, reject) => {
    const t0 = Date.now();
    const sock = connect(Number(port), '127.0.0.1', () => sock.write('GET /api/health HTTP/1.1\r\nHost: x\r\n'));
    // one more header byte now and then, never the blank line
    const drip = setInterval(() => sock.write('X-a: b\r\n'), 500);
    sock.on('close', () => {
      clearInterval(drip);
      resolve(Date.now() - t0);
    });
    sock.on('error', () => {});
    setTimeout(() => reject(new Error('connection still open after 60 s')), 60_000).unref();
  });
  expect(closedAfterMs).toBeGreaterThanOrEqual(1_900);
  // the server still answers others
  expect((await fetch(`${s.url}/api/health`)).status).toBe(200);
});

it('takes many parallel uploads without a server error, and stays responsive', async () => {
  const files = ['short.webm', 'clear-answer.webm', 'short.webm', 'clear-answer.mp4', 'short.webm', 'fast.webm', 'short.webm', 'slow.webm', 'short.webm', 'no-face.webm'];
  const uploads = Promise.all(files.map((f) => uploadAnswer(s.url, fixture(f))));
  const t0 = Date.now();
  const health = await fetch(`${s.url}/api/health`);
  const healthMs = Date.now() - t0;
  const results = await uploads;
  expect(health.status).toBe(200);
  expect(healthMs).toBeLessThan(5_000); // generous: the figure that matters is measured by the bench
  expect(results.map((r) => r.status)).toEqual(files.map(() => 202));
});
