/**
 * Scale-out end to end: one API process and two worker processes on Postgres + Redis (BullMQ) + S3.
 * 20 answers are uploaded, the browser-facing SSE streams on the API are opened, then the workers
 * start; one worker is SIGKILLed in the middle of a job. Every answer must finish exactly once, and
 * every stage the workers publish must reach the API's SSE streams (events across processes).
 *
 * Streamed uploads (docs/streaming.md "Scale-out"): answers sent in pieces through tus while "recording"; the API
 * stores each piece in S3 as a chunk, a worker analyses the chunks as they arrive (a `stream` job), one worker is
 * SIGKILLed mid-answer, the other resumes from the stored chunks, and every answer finishes once with a full report;
 * with BullMQ and with the database queue (the `stream_jobs` table on Postgres).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
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

const TUS = { 'tus-resumable': '1.0.0' };
const b64 = (s: string) => Buffer.from(s).toString('base64');

for (const queueKind of ['bullmq', 'database'] as const) describe(`streamed uploads: API + 2 workers on Postgres, ${queueKind === 'bullmq' ? 'Redis (BullMQ)' : 'the database queue'} and S3 (local engine)`, () => {
  const stops: Array<() => Promise<unknown>> = [];
  let api: RunningServer;
  let workers: RunningServer[];
  let db: pg.Client;
  let redis: Redis | null = null;
  /** The queue's view, whichever queue runs the jobs: stream jobs done and failed, analyze jobs ever queued. */
  const count = async (what: 'streamDone' | 'streamFailed' | 'analyzeJobs'): Promise<number> => {
    if (redis) {
      if (what === 'analyzeJobs') return (await redis.keys('ia:analysis:answer-*')).length;
      return Number(await redis.zcard(what === 'streamDone' ? 'ia:stream:completed' : 'ia:stream:failed'));
    }
    if (what === 'analyzeJobs') return Number((await db.query('select count(*) as n from jobs')).rows[0].n);
    return Number((await db.query('select count(*) as n from stream_jobs where status = $1', [what === 'streamDone' ? 'done' : 'failed'])).rows[0].n);
  };
  let s3: S3Client;
  let bucket: string;

  beforeAll(async () => {
    const [postgres, redisServer, s3Server] = await Promise.all([startPostgres(), queueKind === 'bullmq' ? startRedis() : null, startS3()]);
    stops.push(() => s3Server.stop(), async () => redisServer?.stop(), () => postgres.stop());
    const dbUrl = await postgres.createDatabase('streams');
    bucket = s3Server.bucket;
    s3 = new S3Client({ endpoint: s3Server.url, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    stops.unshift(async () => s3.destroy());
    const env = { DATABASE_URL: dbUrl, ...(redisServer ? { REDIS_URL: redisServer.url } : {}), ...s3Server.env, ANALYSIS_ENGINE: 'local', JOB_LOCK_SEC: '10', JOB_CONCURRENCY: '1', STREAM_JOB_CONCURRENCY: '4', UPLOAD_RATE_PER_MIN: '1000', ANALYSIS_MAX_QUEUED: '1000', ANALYSIS_MINUTES_PER_HOUR: '0', LOG_LEVEL: 'info' };
    api = await startServer({ env: { ...env, ROLE: 'api' } });
    stops.unshift(async () => {
      await api.stop();
      await api.cleanup();
    });
    workers = await Promise.all([startServer({ env: { ...env, ROLE: 'worker' }, timeoutMs: 180_000 }), startServer({ env: { ...env, ROLE: 'worker' }, timeoutMs: 180_000 })]);
    stops.unshift(async () => {
      for (const w of workers) {
        await w.stop();
        await w.cleanup();
      }
    });
    db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
    stops.unshift(() => db.end());
    if (redisServer) {
      const r = new Redis(redisServer.url);
      redis = r;
      stops.unshift(() => r.quit());
    }
  }, 240_000);

  afterAll(async () => {
    for (const stop of stops) await stop().catch(() => {});
  }, 60_000);

  const listChunks = async (uploadId: string): Promise<string[]> => {
    const res = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `streams/${uploadId}/` }));
    return (res.Contents ?? []).map((o) => o.Key!).sort();
  };
  const startsOf = (logs: string, uploadId: string) => [...logs.matchAll(/"uploadId":"([0-9a-f]+)"[^\n]*"msg":"stream job started"/g)].filter((m) => m[1] === uploadId).length;

  it('analyses streamed answers on the workers while they arrive, resumes from the stored chunks after a worker dies, and finishes each once', async () => {
    try {
      await streamedScenario();
    } catch (e) {
      const r = redis;
      const jobs = r ? await Promise.all((await r.keys('ia:stream:answer-*')).map(async (k) => `${k} ${JSON.stringify(await r.hgetall(k)).slice(0, 800)}`)) : [JSON.stringify((await db.query('select * from stream_jobs')).rows)];
      const lists = r ? `active=${JSON.stringify(await r.lrange('ia:stream:active', 0, -1))} wait=${JSON.stringify(await r.lrange('ia:stream:wait', 0, -1))} completed=${JSON.stringify(await r.zrange('ia:stream:completed', '0', '-1'))}` : '';
      await writeFile(join(tmpdir(), 'ia-scale-stream-logs.txt'), `${jobs.join('\n')}\n${lists}\n----\n${workers[0]!.logs()}\n----\n${workers[1]!.logs()}\n----\n${api.logs()}`); // for diagnosis
      throw e;
    }
  }, 900_000);

  async function streamedScenario(): Promise<void> {
    const files = ['clear-answer.webm', 'fillers-pauses.webm', 'browser-like.webm'];
    const bodies = await Promise.all(files.map((f) => readFile(fixture(f))));
    const PIECES = 30;
    const ids: string[] = [];
    for (const _ of files) {
      const res = await fetch(`${api.url}/api/uploads`, { method: 'POST', headers: { ...TUS, ...practiceCookie(), 'upload-defer-length': '1', 'upload-metadata': `filetype ${b64('video/webm;codecs=vp8,opus')},filename ${b64('answer.webm')}` } });
      expect(res.status).toBe(201);
      ids.push(res.headers.get('location')!.split('/').pop()!);
    }
    // "Recording": every upload gets a piece every 300 ms (about 1.2 s of the take each), all three at once.
    let sent = 0;
    const upload = async (k: number): Promise<void> => {
      const bytes = bodies[k]!;
      const step = Math.ceil(bytes.length / PIECES);
      for (let offset = 0; offset < bytes.length; offset += step) {
        const piece = bytes.subarray(offset, offset + step);
        const last = offset + piece.length >= bytes.length;
        const res = await fetch(`${api.url}/api/uploads/${ids[k]}`, {
          method: 'PATCH',
          headers: { ...TUS, ...practiceCookie(), 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset), ...(last ? { 'upload-length': String(bytes.length) } : {}) },
          body: new Uint8Array(piece),
        });
        expect(res.status).toBe(204);
        sent++;
        await new Promise((r) => setTimeout(r, 300));
      }
    };
    const uploads = Promise.all(files.map((_, k) => upload(k)));
    // The page's "analysed up to" line: the worker's progress reaches the API's upload events (through the streams row).
    const progress = (async () => {
      const res = await fetch(`${api.url}/api/uploads/${ids[0]}/events`, { headers: practiceCookie() });
      expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
      return (await res.text())
        .split('\n\n')
        .map((block) => block.split('\n').find((l) => l.startsWith('data: ')))
        .filter((l): l is string => Boolean(l))
        .map((l) => JSON.parse(l.slice(6)) as { receivedSec: number; analysedSec: number; finished: boolean });
    })();

    // Mid-answer: every stream job has been claimed and has read stored chunks; the chunks are in S3; then the
    // worker holding the most streams is killed.
    await until(async () => ids.every((id) => startsOf(workers[0]!.logs() + workers[1]!.logs(), id) === 1) && sent >= PIECES, 120_000, 'every stream job claimed');
    await until(async () => Number((await db.query('select min(chunks) as n from streams')).rows[0].n) >= 8, 120_000, 'chunks stored');
    for (const id of ids) {
      const stored = Number((await db.query('select chunks from streams where upload_id = $1', [id])).rows[0].chunks);
      expect((await listChunks(id)).length).toBeGreaterThanOrEqual(stored); // the API stores the chunk before it counts it
    }
    const held = workers.map((w) => ids.filter((id) => startsOf(w.logs(), id) > 0).length);
    const victim = held[0]! >= held[1]! ? 0 : 1;
    const survivor = workers[1 - victim]!;
    const killed = ids.filter((id) => startsOf(workers[victim]!.logs(), id) > 0);
    expect(killed.length).toBeGreaterThan(0);
    await workers[victim]!.kill();
    expect(sent).toBeLessThan(PIECES * files.length); // still "recording"

    await uploads;
    const q = ((await (await fetch(`${api.url}/api/questions/random`, { headers: practiceCookie() })).json()) as { id: string }).id;
    const answerIds: string[] = [];
    for (const id of ids) {
      const sub = await fetch(`${api.url}/api/uploads/${id}/submit`, { method: 'POST', headers: { 'content-type': 'application/json', ...practiceCookie() }, body: JSON.stringify({ questionId: q }) });
      expect(sub.status).toBe(202);
      answerIds.push(((await sub.json()) as { id: string }).id);
    }

    // the events stream ends once the upload became an answer; it saw the worker decode the take as it arrived
    const seen = await progress;
    expect(seen.some((e) => e.receivedSec > 5 && !e.finished)).toBe(true);
    expect(seen.at(-1)?.finished).toBe(true);

    const doneCount = async () => Number((await db.query("select count(*) as n from answers where status in ('done', 'failed')")).rows[0].n);
    await until(
      async () => {
        expect(await count('streamFailed'), 'failed stream jobs').toBe(0);
        return (await doneCount()) === files.length && (await count('streamDone')) === files.length;
      },
      600_000,
      'all streamed answers done',
    );
    const logs = `${workers[0]!.logs()}\n${workers[1]!.logs()}`;
    const rows = (await db.query('select id, status, error, report_json from answers')).rows as Array<{ id: string; status: string; error: string | null; report_json: string | null }>;
    if (rows.some((r) => r.status !== 'done')) await writeFile(join(tmpdir(), 'ia-scale-stream-logs.txt'), logs);
    expect(rows).toHaveLength(files.length);
    for (const [k, answerId] of answerIds.entries()) {
      const r = rows.find((x) => x.id === answerId)!;
      expect(r).toMatchObject({ status: 'done', error: null });
      const report = JSON.parse(r.report_json!) as { engine: string; input: { durationSec: number }; transcript: { words: unknown[] }; speech: { pauses: unknown[] }; visual: unknown; timingsMs: Record<string, number> };
      expect(report.engine).toBe('local');
      expect(report.input.durationSec).toBeGreaterThan(30);
      expect(report.transcript.words.length).toBeGreaterThan(30);
      expect(report.visual).not.toBeNull();
      // finished from the worker's streaming session (only it records these), not by analysing the file afresh
      expect(report.timingsMs['stream.finishMs'], files[k]).toBeTypeOf('number');
      expect(report.timingsMs['stream.audioLagAtStopSec'], files[k]).toBeTypeOf('number');
    }
    expect(logs).not.toMatch(/streaming analysis (failed|unusable)/);

    // Exactly once: one "analysis done" per answer, all on the survivor (the victim died before any submit).
    const completions = [...logs.matchAll(/"answerId":"([0-9a-f-]{36})"[^\n]*"msg":"analysis done"/g)].map((m) => m[1]!);
    expect(completions.sort()).toEqual([...answerIds].sort());
    expect([...survivor.logs().matchAll(/"msg":"analysis done"/g)]).toHaveLength(files.length);
    // The killed worker's streams started again on the survivor, from the stored chunks.
    for (const id of killed) expect(startsOf(survivor.logs(), id), id).toBe(1);
    // The stream jobs did the analysis: no analyze job was queued, no stream job failed.
    expect(await count('analyzeJobs')).toBe(0);
    expect(await count('streamDone')).toBe(files.length);
    expect(await count('streamFailed')).toBe(0);

    // Every byte was stored, the answers were attached to their streams, and the chunks are gone once the reports are written.
    for (const [k, id] of ids.entries()) {
      const s = (await db.query('select state, answer_id, bytes, size from streams where upload_id = $1', [id])).rows[0] as { state: string; answer_id: string; bytes: string; size: string };
      expect({ ...s, bytes: Number(s.bytes), size: Number(s.size) }).toEqual({ state: 'submitted', answer_id: answerIds[k], bytes: bodies[k]!.length, size: bodies[k]!.length });
      await until(async () => (await listChunks(id)).length === 0, 10_000, 'chunks removed');
    }
  }
});
