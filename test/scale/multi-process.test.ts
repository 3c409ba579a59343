/**
 * Scale-out end to end: one API process and two worker processes on Postgres + Redis (BullMQ) + S3.
 * 20 answers are uploaded, the browser-facing SSE streams on the API are opened, then the workers
 * start; one worker is SIGKILLed in the middle of a job. Every answer must finish exactly once, and
 * every stage the workers publish must reach the API's SSE streams (events across processes).
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers/fixtures.js';
import { practiceCookie, uploadAnswer } from '../helpers/http.js';
import { type RunningServer, startServer } from '../helpers/server.js';
import { startPostgres, startRedis, startS3 } from '../helpers/services.js';
import { until } from './queue-contract.js';

const N = 20;

interface SseEvent {
  status: string;
  stage: string | null;
  progress: number;
}

/** Reads an SSE stream to its end (the API closes it when the answer is done or failed). */
async function readEvents(url: string): Promise<SseEvent[]> {
  const res = await fetch(url, { headers: practiceCookie(url) }); // as the uploader (answers are their owner's only)
  expect(res.status).toBe(200);
  const text = await res.text();
  return text
    .split('\n\n')
    .map((block) => block.split('\n').find((l) => l.startsWith('data: ')))
    .filter((l): l is string => Boolean(l))
    .map((l) => JSON.parse(l.slice(6)) as SseEvent);
}

describe('API + 2 workers on Postgres, Redis and S3', () => {
  const stops: Array<() => Promise<unknown>> = [];
  let env: Record<string, string>;
  let api: RunningServer;
  let dbUrl: string;
  let redisUrl: string;

  beforeAll(async () => {
    const [postgres, redis, s3] = await Promise.all([startPostgres(), startRedis(), startS3()]);
    stops.push(() => s3.stop(), () => redis.stop(), () => postgres.stop());
    dbUrl = await postgres.createDatabase('scale');
    redisUrl = redis.url;
    env = { DATABASE_URL: dbUrl, REDIS_URL: redisUrl, ...s3.env, ANALYSIS_ENGINE: 'quick', JOB_LOCK_SEC: '2', JOB_CONCURRENCY: '1', UPLOAD_RATE_PER_MIN: '1000', ANALYSIS_MAX_QUEUED: '1000', ANALYSIS_MINUTES_PER_HOUR: '0', LOG_LEVEL: 'info' };
    api = await startServer({ env: { ...env, ROLE: 'api' } });
    stops.unshift(async () => {
      await api.stop();
      await api.cleanup();
    });
  }, 90_000);

  afterAll(async () => {
    for (const stop of stops) await stop().catch(() => {});
  }, 60_000);

  it('finishes every answer exactly once after a worker dies mid-job, and streams every stage through the API', async () => {
    const ids: string[] = [];
    for (let i = 0; i < N; i++) {
      const up = await uploadAnswer(api.url, fixture('short.webm'));
      expect(up.status).toBe(202);
      ids.push(up.body.id!);
    }
    // The API process runs no jobs: everything waits in the queue.
    const db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
    stops.unshift(() => db.end());
    const redis = new Redis(redisUrl);
    stops.unshift(() => redis.quit());
    // Waiting jobs: the wait list, or the prioritized set when the fair queue gives them priorities.
    expect(Number(await redis.llen('ia:analysis:wait')) + Number(await redis.zcard('ia:analysis:prioritized'))).toBe(N);

    const streams = ids.map((id) => readEvents(`${api.url}/api/answers/${id}/events`));
    await new Promise((r) => setTimeout(r, 300)); // let every stream subscribe before the workers start

    const [w1, w2] = await Promise.all([startServer({ env: { ...env, ROLE: 'worker' } }), startServer({ env: { ...env, ROLE: 'worker' } })]);
    stops.unshift(async () => {
      for (const w of [w1, w2]) {
        await w.stop();
        await w.cleanup();
      }
    });

    // Kill worker 1 while both workers hold a job (concurrency 1 each: 2 active jobs) and work remains.
    const doneCount = async () => Number((await db.query("select count(*) as n from answers where status = 'done'")).rows[0].n);
    await until(async () => (await doneCount()) >= 2 && Number(await redis.llen('ia:analysis:active')) === 2, 120_000, 'both workers busy');
    await w1.kill();
    const killedAt = await doneCount();
    expect(killedAt).toBeLessThan(N);

    // Done in the database, and every job filed as completed (a job whose worker died after recording
    // 'done' is filed once the stalled-job check has given it to the other worker).
    await until(async () => (await doneCount()) === N && Number(await redis.zcard('ia:analysis:completed')) === N, 180_000, 'all answers done');
    const rows = (await db.query('select id, status, stage, progress, report_json from answers')).rows as Array<{ id: string; status: string; stage: string; progress: number; report_json: string | null }>;
    expect(rows).toHaveLength(N);
    for (const r of rows) {
      expect(r).toMatchObject({ status: 'done', stage: 'done', progress: 1 });
      expect(JSON.parse(r.report_json!)).toMatchObject({ engine: 'quick' });
    }

    // Exactly once: no answer was analysed to the end twice, across both workers' logs. (The killed
    // worker may die after recording 'done' and before logging it, so one line may be missing.)
    const logs = `${w1.logs()}\n${w2.logs()}`;
    const completions = [...logs.matchAll(/"answerId":"([0-9a-f-]{36})"[^\n]*"msg":"analysis done"/g)].map((m) => m[1]!);
    const twice = completions.filter((id, i) => completions.indexOf(id) !== i);
    if (twice.length > 0 || completions.length < N - 1) await writeFile(join(tmpdir(), 'ia-scale-worker-logs.txt'), logs); // for diagnosis
    expect(twice).toEqual([]);
    expect(completions.length).toBeGreaterThanOrEqual(N - 1);
    expect(completions.every((id) => ids.includes(id))).toBe(true);

    // The queue agrees: all completed, none failed; one job was taken over after its worker died.
    const jobStates = await Promise.all(ids.map(async (id) => `${id} ${JSON.stringify(await redis.hgetall(`ia:analysis:answer-${id}`)).slice(0, 600)} completed=${await redis.zscore('ia:analysis:completed', `answer-${id}`)}`));
    if (Number(await redis.zcard('ia:analysis:completed')) !== N) await writeFile(join(tmpdir(), 'ia-scale-job-states.txt'), `${jobStates.join('\n')}\n${logs}`);
    expect(Number(await redis.zcard('ia:analysis:completed'))).toBe(N);
    expect(Number(await redis.zcard('ia:analysis:failed'))).toBe(0);
    const stalled = await Promise.all(ids.map(async (id) => Number((await redis.hget(`ia:analysis:answer-${id}`, 'stc')) ?? 0)));
    expect(stalled.filter((n) => n > 0)).toHaveLength(1);

    // Every stream saw the workers' stages, in order, and ended with done.
    const all = await Promise.all(streams);
    for (const events of all) {
      const stages = events.filter((e) => e.status === 'processing').map((e) => e.stage);
      expect(stages).toContain('starting');
      expect(stages).toContain('measuring silence');
      expect(stages.indexOf('starting')).toBeLessThan(stages.lastIndexOf('measuring silence'));
      expect(events.at(-1)).toMatchObject({ status: 'done', stage: 'done', progress: 1 });
    }
  }, 360_000); // about 20 s alone; generous because the whole suite shares 2 cores
});
