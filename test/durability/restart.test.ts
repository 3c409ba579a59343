import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers/fixtures.js';
import { uploadAnswer, waitForAnswer } from '../helpers/http.js';
import { type RunningServer, startServer } from '../helpers/server.js';

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.kill();
  await servers[0]?.cleanup();
});

describe('a crash while a job is running', () => {
  it('resumes the job after a restart and finishes it with the local engine', async () => {
    const first = await startServer();
    servers.push(first);
    const up = await uploadAnswer(first.url, fixture('clear-answer.webm'));
    expect(up.status).toBe(202);
    const id = up.body.id!;
    await waitForAnswer(first.url, id, (a) => a.status === 'processing', 60_000, 20);
    await first.kill(); // kill -9 in the middle of the analysis

    const second = await startServer({ dataDir: first.dataDir });
    servers.push(second);
    const done = await waitForAnswer(second.url, id, (a) => a.status === 'done' || a.status === 'failed', 180_000);
    expect(done.error).toBeNull();
    expect(done.status).toBe('done');
    expect(done.report).toMatchObject({ engine: 'local', schemaVersion: 1 });
    expect(second.logs()).toContain('took back jobs interrupted by a previous stop');

    // and a clean stop exits 0
    expect(await second.stop()).toBe(0);
  });
});
