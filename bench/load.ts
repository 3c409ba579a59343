/**
 * Load benchmark (issue 7): requests per second and p99 latency of light routes on one process,
 * then 20 concurrent uploads of the fixture videos draining through the queue, with the p99 of a
 * light route measured while analyses run and the peak memory of the server and its children.
 * Prints figures; never fails on a number. Run alone: `npx tsx bench/load.ts [--engine local]`.
 */
import autocannon from 'autocannon';
import { treeRssBytes } from './proc.js';
import { fixture } from '../test/helpers/fixtures.js';
import { practiceCookie, uploadAnswer, waitForAnswer } from '../test/helpers/http.js';
import { startServer } from '../test/helpers/server.js';

const treeRssMb = (pid: number): number => treeRssBytes(pid) / 1024 / 1024;

async function cannon(url: string, seconds: number, connections = 10, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, duration: seconds, connections, headers });
  return { rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

export async function benchLoad(engine = process.argv.includes('--engine') ? process.argv[process.argv.indexOf('--engine') + 1]! : 'local'): Promise<void> {
  const concurrency = process.env.JOB_CONCURRENCY ?? '1';
  const server = await startServer({ env: { ANALYSIS_ENGINE: engine, JOB_CONCURRENCY: concurrency, UPLOAD_RATE_PER_MIN: '100000', ANALYSIS_MAX_QUEUED: '10000', ANALYSIS_MINUTES_PER_HOUR: '0' } });
  try {
    const pid = server.child.pid!;
    console.log(`\n== load (engine ${engine}, JOB_CONCURRENCY=${concurrency}) ==`);
    const first = await uploadAnswer(server.url, fixture('short.webm'));
    await waitForAnswer(server.url, first.body.id!, (a) => a.status === 'done' || a.status === 'failed', 300_000, 200);
    for (const [name, path] of [['GET /api/questions/random', '/api/questions/random'], ['GET /api/answers/:id (with report)', `/api/answers/${first.body.id}`], ['GET /api/health', '/api/health']] as const) {
      // as the uploader's browser: answers are visible to their owner only (issue 11)
      const r = await cannon(server.url + path, 5, 10, practiceCookie(server.url));
      console.log(`${name.padEnd(36)} ${String(r.rps).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}`);
    }

    const clips = ['clear-answer.webm', 'fillers-pauses.webm', 'fast.webm', 'slow.webm', 'no-face.webm', 'looking-away.webm', 'short.webm', 'silent-face.webm', 'clear-answer.mp4', 'browser-like.webm'];
    let peakMb = treeRssMb(pid);
    const sampler = setInterval(() => (peakMb = Math.max(peakMb, treeRssMb(pid))), 250);
    const t0 = Date.now();
    const ups = await Promise.all(Array.from({ length: 20 }, (_, i) => uploadAnswer(server.url, fixture(clips[i % clips.length]!))));
    const uploadedMs = Date.now() - t0;
    const during = await cannon(`${server.url}/api/health`, 5, 5);
    await Promise.all(ups.map((u) => waitForAnswer(server.url, u.body.id!, (a) => a.status === 'done' || a.status === 'failed', 1_800_000, 500)));
    const drainedMs = Date.now() - t0;
    clearInterval(sampler);
    console.log(`20 concurrent uploads accepted in ${(uploadedMs / 1000).toFixed(1)} s (statuses: ${[...new Set(ups.map((u) => u.status))].join(',')})`);
    console.log(`GET /api/health while analysing: ${during.rps} req/s  p99 ${during.p99} ms (target < 100 ms)`);
    console.log(`queue drained in ${(drainedMs / 1000).toFixed(1)} s; peak RSS of server + children ${peakMb.toFixed(0)} MB`);
  } finally {
    await server.kill();
    await server.cleanup();
  }
}

if (process.argv[1]?.endsWith('load.ts')) await benchLoad();
