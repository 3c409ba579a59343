/** The Twelve Labs engine, through the real SDK (twelvelabs-js 1.3.4), against the local fake API. */
import { statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportSchema } from '../../server/analysis/report.js';
import { AnalysisError, type AnalysisInput, type Progress } from '../../server/engines/engine.js';
import { parseTwelveLabsConfig } from '../../server/engines/twelvelabs/config.js';
import { createTwelveLabsEngine, type TwelveLabsDeps } from '../../server/engines/twelvelabs/index.js';
import { fixture, truth } from '../helpers/fixtures.js';
import { startFakeTwelveLabs, type FakeTwelveLabs } from '../fakes/twelvelabs.js';

const VIDEO = 'clear-answer.webm';
const QUESTION = 'Tell me about a time you led a team through a difficult project.';
let fake: FakeTwelveLabs;

function input(answerId = 'ans-1'): AnalysisInput {
  const t = truth(VIDEO);
  return { videoPath: fixture(VIDEO), question: QUESTION, durationSec: t.durationSec ?? 0, hasAudio: true, hasVideo: true, answerId };
}

function engine(env: Record<string, string> = {}, deps: TwelveLabsDeps = {}) {
  const config = parseTwelveLabsConfig({ TWELVE_LABS_API_KEY: fake.apiKey, TWELVELABS_BASE_URL: fake.url, TWELVE_LABS_POLL_MS: '20', ...env });
  return createTwelveLabsEngine(config, { retry: { baseDelayMs: 10, maxDelayMs: 2000 }, ...deps });
}

async function rejection(p: Promise<unknown>): Promise<AnalysisError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(AnalysisError);
  return err as AnalysisError;
}

beforeEach(async () => { fake = await startFakeTwelveLabs(); });
afterEach(async () => { await fake.close(); });

describe('twelvelabs engine against the fake API', () => {
  it('uploads the real video, indexes it, asks Pegasus with a json_schema and returns a valid Report v1', async () => {
    const progress: Progress[] = [];
    const report = await engine().analyze(input(), (p) => progress.push(p));

    expect(reportSchema.safeParse(report).success).toBe(true);
    expect(report.engine).toBe('twelvelabs');
    expect(report.question).toBe(QUESTION);
    expect(report.speech).toBeNull();
    expect(report.visual).toBeNull();
    expect(report.transcript).toBeNull();
    expect(report.warnings.join(' ')).toMatch(/does not measure/);
    expect(report.keyPoints.length).toBeGreaterThan(0);
    for (const s of Object.values(report.scores)) {
      expect(s.value).toBe(50); // the fake model's rating (midpoint of minimum/maximum)
      expect(s.evidence[0]).toMatch(/^Pegasus \(model opinion\): /);
      expect(s.tip.length).toBeGreaterThan(10);
    }
    // the real file went up, with the answer id in the filename and user metadata
    const [asset] = [...fake.assets.values()];
    expect(asset?.bytes).toBe(statSync(fixture(VIDEO)).size);
    expect(asset?.filename).toBe('answer-ans-1.webm');
    expect(asset?.userMetadata).toEqual({ answer_id: 'ans-1' });
    expect([...fake.indexed.values()][0]?.userMetadata).toEqual({ answer_id: 'ans-1' });
    // the analyze request, as the SDK serialised it
    const req = fake.analyzeRequests[0] as { model_name: string; video: unknown; prompt: string; response_format: { type: string } };
    expect(req.model_name).toBe('pegasus1.5');
    expect(req.video).toEqual({ type: 'asset_id', asset_id: asset?.id });
    expect(req.response_format.type).toBe('json_schema');
    expect(req.prompt).toContain(QUESTION);
    expect(req.prompt).toMatch(/Do not infer emotions/);
    // progress: the three stages in order, never going back
    const stages = [...new Set(progress.map((p) => p.stage))];
    expect(stages).toEqual(['uploading', 'indexing', 'analyzing']);
    progress.slice(1).forEach((p, i) => expect(p.progress).toBeGreaterThanOrEqual(progress[i]!.progress));
    expect(progress.at(-1)?.progress).toBe(1);
  });

  it('creates the index on first use and reuses it afterwards', async () => {
    const e = engine();
    await e.analyze(input('a'), () => {});
    await e.analyze(input('b'), () => {});
    expect(fake.count('createIndex')).toBe(1);
    expect(fake.count('listIndexes')).toBe(1); // memoised within the process
    await engine().analyze(input('c'), () => {}); // a new process finds it by name
    expect(fake.count('createIndex')).toBe(1);
    expect([...fake.indexes.values()].map((i) => i.name)).toEqual(['interview-analyzer']);
  });

  it('pages through indexes until an empty page before creating one', async () => {
    for (let i = 0; i < 60; i++) fake.seedIndex(`interview-analyzer-old-${i}`);
    await engine().analyze(input(), () => {});
    expect(fake.count('listIndexes')).toBe(3); // 50 + 10 + empty page
    expect(fake.count('createIndex')).toBe(1);

    const target = fake.seedIndex('my-index'); // newest first: make it sit on page 2
    for (let i = 0; i < 55; i++) fake.seedIndex(`my-index-other-${i}`);
    await engine({ TWELVE_LABS_INDEX: 'my-index' }).analyze(input(), () => {});
    expect(fake.count('createIndex')).toBe(1);
    expect([...fake.indexed.values()].at(-1)?.indexId).toBe(target.id);
  });

  it('polls a slow indexing several times, reporting each status', async () => {
    fake.assetStatuses = ['processing', 'processing', 'ready'];
    fake.indexingStatuses = ['pending', 'queued', 'indexing', 'indexing', 'ready'];
    const messages: string[] = [];
    await engine().analyze(input(), (p) => messages.push(p.message ?? ''));
    expect(fake.count('getIndexedAsset')).toBe(5);
    expect(fake.count('getAsset')).toBe(3);
    expect(messages).toContain('Twelve Labs indexing: queued');
    expect(messages).toContain('Twelve Labs indexing: indexing');
  });

  it('fails clearly when Twelve Labs cannot process the video', async () => {
    fake.assetStatuses = ['processing', 'failed'];
    const err = await rejection(engine().analyze(input(), () => {}));
    expect(err.message).toMatch(/could not process the video: The file could not be decoded/);
    expect(err.permanent).toBe(true);
    expect(fake.count('analyze')).toBe(0);
  });

  it('still delivers the analysis when indexing fails, with a warning', async () => {
    fake.indexingStatuses = ['pending', 'failed'];
    const report = await engine().analyze(input(), () => {});
    expect(report.warnings.join(' ')).toMatch(/could not index this answer/);
    expect(report.scores.clarity.value).toBe(50);
  });

  it('waits as asked by Retry-After on 429, then succeeds', async () => {
    fake.fail('analyze', 429, { headers: { 'retry-after': '1' } });
    const t0 = Date.now();
    const report = await engine().analyze(input(), () => {});
    expect(report.engine).toBe('twelvelabs');
    expect(fake.count('analyze', 429)).toBe(1);
    expect(fake.count('analyze', 200)).toBe(1);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
  });

  it('retries a failed upload with a fresh stream (500 twice, then success)', async () => {
    fake.fail('createAsset', 500, { times: 2 });
    await engine().analyze(input(), () => {});
    expect(fake.count('createAsset', 500)).toBe(2);
    expect(fake.count('createAsset', 201)).toBe(1);
    expect([...fake.assets.values()][0]?.bytes).toBe(statSync(fixture(VIDEO)).size);
  });

  it('gives up after the retry budget with a transient error naming the status', async () => {
    fake.fail('createAsset', 503, { times: 10 });
    const err = await rejection(engine({}, { retry: { maxAttempts: 3, baseDelayMs: 5 } }).analyze(input(), () => {}));
    expect(err.message).toMatch(/uploading the video \(HTTP 503\)/);
    expect(err.permanent).toBe(false);
    expect(fake.count('createAsset')).toBe(3);
  });

  it('reports an invalid API key clearly, without the key in the message or the logs', async () => {
    const key = 'tlk_WRONG_KEY_1234567890';
    const logs: string[] = [];
    const logger = { info: (o: object, m?: string) => logs.push(JSON.stringify(o) + m), warn: (o: object, m?: string) => logs.push(JSON.stringify(o) + m) };
    const err = await rejection(engine({ TWELVE_LABS_API_KEY: key }, { logger }).analyze(input(), () => {}));
    expect(err.message).toMatch(/^Twelve Labs rejected the API key \(HTTP 401\)/);
    expect(err.permanent).toBe(true);
    expect(err.message).not.toContain(key);
    expect(err.stack ?? '').not.toContain(key);
    expect(logs.join('\n')).not.toContain(key);
    expect(fake.count('listIndexes', 401)).toBe(1); // not retried
  });

  it('rejects a reply that is not JSON, never returning zero scores', async () => {
    fake.analyzeReply = () => 'Sure! Here is my analysis: {"summary": "good';
    const err = await rejection(engine().analyze(input(), () => {}));
    expect(err.message).toMatch(/not valid JSON/);
    expect(err.permanent).toBe(true);
  });

  it('rejects JSON that does not match the schema', async () => {
    fake.analyzeReply = () => JSON.stringify({ summary: 'ok', key_points: [], readings: { clarity: { rating: 'high' } } });
    const err = await rejection(engine().analyze(input(), () => {}));
    expect(err.message).toMatch(/unexpected format \(key_points/);
  });

  it('stops at the overall time limit', async () => {
    fake.delay('analyze', 4000);
    const t0 = Date.now();
    const err = await rejection(engine({ TWELVE_LABS_TIMEOUT_MS: '800' }).analyze(input(), () => {}));
    expect(err.message).toMatch(/time limit/);
    expect(err.permanent).toBe(false);
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('honours an abort signal from the caller', async () => {
    fake.delay('analyze', 4000);
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(new Error('cancelled by user')), 300);
    const err = await engine().analyze(input(), () => {}, ctl.signal).catch((e: unknown) => e);
    expect((err as Error).message).toBe('cancelled by user');
  });
});
