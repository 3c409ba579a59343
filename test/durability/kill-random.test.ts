/**
 * 20 answers, the server killed with SIGKILL at random moments (during uploads, queueing, analysis),
 * restarted each time: every accepted answer still reaches a finished report, exactly once.
 */
import { afterAll, expect, it } from 'vitest';
import { fixture } from '../helpers/fixtures.js';
import { getAnswer, uploadAnswer, waitForAnswer } from '../helpers/http.js';
import { type RunningServer, startServer } from '../helpers/server.js';

const env = { ANALYSIS_ENGINE: 'quick', JOB_CONCURRENCY: '2', UPLOAD_RATE_PER_MIN: '1000', ANALYSIS_MAX_QUEUED: '1000', ANALYSIS_MINUTES_PER_HOUR: '0' };
let server: RunningServer | null = null;
afterAll(async () => {
  await server?.kill();
  await server?.cleanup();
});

it('loses no accepted answer across random kill -9 and restarts', async () => {
  server = await startServer({ env });
  const dataDir = server.dataDir;
  const accepted: string[] = [];
  const clips = ['short.webm', 'clear-answer.webm', 'fast.webm', 'silent-face.webm'];
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  let kills = 0;
  while (accepted.length < 20 && kills < 20) {
    // a burst of uploads, with a kill at a random moment inside it
    const burst = Array.from({ length: 5 }, (_, i) => uploadAnswer(server!.url, fixture(clips[(accepted.length + i) % clips.length]!)).catch(() => null));
    // kill at a random moment after the first upload is acknowledged: others are mid-upload, queued or analysing
    await Promise.race(burst);
    await new Promise((r) => setTimeout(r, rand() * 1500));
    await server.kill();
    kills++;
    for (const r of await Promise.all(burst)) if (r?.status === 202 && r.body.id) accepted.push(r.body.id);
    server = await startServer({ env, dataDir });
  }
  expect(accepted.length).toBeGreaterThanOrEqual(20);
  expect(kills).toBeGreaterThanOrEqual(4);
  for (const id of accepted) {
    const a = await waitForAnswer(server.url, id, (x) => x.status === 'done' || x.status === 'failed', 120_000, 200);
    expect(a.status, `answer ${id}: ${a.error}`).toBe('done');
    expect(a.report).not.toBeNull();
  }
  // exactly once: one finished job per answer, none left over
  const states = await Promise.all(accepted.map((id) => getAnswer(server!.url, id)));
  expect(states.every((a) => a.progress === 1)).toBe(true);
  const { default: SQLite } = await import('better-sqlite3');
  await server.stop();
  const db = new SQLite(`${dataDir}/interview-analyzer.sqlite`, { readonly: true });
  const done = db.prepare("select answer_id, count(*) n from jobs where status = 'done' group by answer_id").all() as Array<{ answer_id: string; n: number }>;
  const open = db.prepare("select count(*) n from jobs where status in ('queued','running')").get() as { n: number };
  db.close();
  for (const id of accepted) expect(done.find((d) => d.answer_id === id)?.n, id).toBe(1);
  expect(open.n).toBe(0);
}, 600_000);
