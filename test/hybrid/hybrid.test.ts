/**
 * Hybrid engine end to end: a real measuring engine on a real fixture video + the Twelve Labs engine against the fake.
 * The happy path runs the real local engine; the failure cases use the ffmpeg-only quick engine as "local" (faster).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportSchema } from '../../server/analysis/report.js';
import { AnalysisError, type AnalysisEngine, type AnalysisInput, type Progress } from '../../server/engines/engine.js';
import { createHybridEngine } from '../../server/engines/hybrid/index.js';
import { createLocalEngine } from '../../server/engines/local/index.js';
import { createQuickEngine } from '../../server/engines/quick/index.js';
import { parseTwelveLabsConfig } from '../../server/engines/twelvelabs/config.js';
import { createTwelveLabsEngine } from '../../server/engines/twelvelabs/index.js';
import { fixture, truth } from '../helpers/fixtures.js';
import { startFakeTwelveLabs, type FakeTwelveLabs } from '../fakes/twelvelabs.js';

const VIDEO = 'fillers-pauses.webm';
let fake: FakeTwelveLabs;
beforeEach(async () => { fake = await startFakeTwelveLabs(); });
afterEach(async () => { await fake.close(); });

const input = (): AnalysisInput => ({ videoPath: fixture(VIDEO), question: 'Describe a conflict at work.', durationSec: truth(VIDEO).durationSec ?? 0, hasAudio: true, hasVideo: true, answerId: 'h1' });
const cloud = (key = fake.apiKey) =>
  createTwelveLabsEngine(parseTwelveLabsConfig({ TWELVE_LABS_API_KEY: key, TWELVELABS_BASE_URL: fake.url, TWELVE_LABS_POLL_MS: '20' }), { retry: { baseDelayMs: 5 } });

describe('hybrid engine', () => {
  it('keeps the local measurements and adds the Pegasus reading', async () => {
    const local = createLocalEngine();
    const alone = await local.analyze(input(), () => {});
    const progress: Progress[] = [];
    const r = await createHybridEngine({ local, cloud: cloud() }).analyze(input(), (p) => progress.push(p));
    expect(reportSchema.safeParse(r).success).toBe(true);
    expect(r.engine).toBe('hybrid');
    // measured on the real file by the local engine, untouched by the cloud reading
    expect(r.speech).toEqual(alone.speech);
    expect(r.transcript).toEqual(alone.transcript);
    expect(r.visual).toEqual(alone.visual);
    expect(r.speech?.pauses.length).toBe(3);
    for (const name of Object.keys(r.scores) as Array<keyof typeof r.scores>) expect(r.scores[name].value).toBe(alone.scores[name].value);
    expect(r.scores.clarity.evidence.some((l) => l.startsWith('Pegasus: '))).toBe(true);
    // the local key points first, then Pegasus's, each marked as such
    expect(alone.keyPoints.length).toBeGreaterThan(0);
    expect(r.keyPoints.slice(0, alone.keyPoints.length)).toEqual(alone.keyPoints);
    const cloudPoints = r.keyPoints.slice(alone.keyPoints.length);
    expect(cloudPoints.length).toBeGreaterThan(0);
    expect(cloudPoints.every((k) => k.startsWith('Pegasus: '))).toBe(true);
    expect((r as { cloud?: { error: unknown; engine: string } }).cloud).toMatchObject({ engine: 'twelvelabs', error: null });
    expect(progress.at(-1)?.progress).toBe(1);
    expect(progress.map((p) => p.progress)).toEqual([...progress.map((p) => p.progress)].sort((a, b) => a - b));
    await local.close?.();
  });

  it('delivers the local report with a warning when the cloud fails', async () => {
    const warned: object[] = [];
    const r = await createHybridEngine({ local: createQuickEngine(), cloud: cloud('tlk_bad_key_000'), logger: { warn: (o) => warned.push(o) } }).analyze(input(), () => {});
    expect(r.engine).toBe('hybrid');
    expect(r.warnings.join(' ')).toMatch(/Pegasus \(Twelve Labs\) reading is missing: Twelve Labs rejected the API key/);
    expect(r.warnings.join(' ')).not.toContain('tlk_bad_key_000');
    expect(r.speech?.speechDetected).toBe(true);
    expect(warned).toHaveLength(1);
  });

  it('fails when the local engine fails, and stops the cloud call', async () => {
    fake.delay('analyze', 3000);
    const broken: AnalysisEngine = { name: 'local', analyze: async () => { await new Promise((r) => setTimeout(r, 200)); throw new AnalysisError('ffmpeg could not decode the audio track'); } };
    const t0 = Date.now();
    await expect(createHybridEngine({ local: broken, cloud: cloud() }).analyze(input(), () => {})).rejects.toThrow('ffmpeg could not decode');
    expect(Date.now() - t0).toBeLessThan(2500);
  });
});
