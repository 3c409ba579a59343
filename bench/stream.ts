/**
 * npm run bench:stream — Stop-to-report in a real browser. Chromium with fake camera and microphone (files made
 * here with ffmpeg from the shared fixtures: a 60 s and a 120 s answer, synthetic voice and real voices) records
 * through the practice page against a real server (local engine), presses Stop, submits, and waits for the report.
 * Prints per run: Stop -> report, upload lag at Stop (Stop -> the last upload request acknowledged by the server),
 * peak RSS of the server process plus its children (ffmpeg, pocketsphinx, workers), and the server's stage timings.
 * Not a timed test: it prints figures.
 *
 * --one-shot measures the path before issue 16: the page's streaming upload is refused (404 on POST /api/uploads),
 * so it sends the whole take after Stop with POST /api/answers and the server analyses the file from scratch.
 *
 * --scale runs the scale-out shape instead of one process: Postgres, Redis and S3 (started here as the tests do), one
 * ROLE=api process and one ROLE=worker process; the session runs on the worker from the chunks the API stores in S3
 * (docs/streaming.md "Scale-out"). RSS and CPU are the two processes' trees together.
 *
 *   npx tsx bench/stream.ts [--one-shot] [--scale] [--only synthetic-60,real-120] [--json out.json]
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ensureWebBuilt, type FakeMedia, launchBrowser, waitForExpr } from '../test/e2e/support.js';
import { fixture, repoRoot } from '../test/helpers/fixtures.js';
import { type RunningServer, startServer } from '../test/helpers/server.js';
import { startPostgres, startRedis, startS3 } from '../test/helpers/services.js';
import { treeCpuSec, treeRssBytes } from './proc.js';

const exec = promisify(execFile);
const realDir = resolve(repoRoot, '../shared/fixtures/real');

/** Synthetic voice: the flite fixtures one after another (audio only; the camera loops clear-answer's face). */
const SYNTHETIC = ['clear-answer.webm', 'fillers-pauses.webm', 'slow.webm', 'looking-away.webm', 'fast.webm', 'clear-answer.webm'].map((f) => fixture(f));
/** Real voices (LibriVox, Harvard sentences, MFA corpus, LibriSpeech, VCTK): over 120 s together. */
const REAL = [
  'librivox_shakespeare_sonnet1.wav',
  'osr_us_000_0034_harvard72.wav',
  'mfa_acoustic_corpus.wav',
  'ls_1221-135766_a.wav',
  'mfa_cold_corpus.wav',
  'ls_1089-134686-0000.wav',
  'ljspeech_LJ001-0001.wav',
].map((f) => join(realDir, f));

interface Scenario {
  name: string;
  voice: 'synthetic' | 'real';
  seconds: number;
}
const ALL: Scenario[] = [
  { name: 'synthetic-60', voice: 'synthetic', seconds: 60 },
  { name: 'real-60', voice: 'real', seconds: 60 },
  { name: 'synthetic-120', voice: 'synthetic', seconds: 120 },
  { name: 'real-120', voice: 'real', seconds: 120 },
];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Camera: 10 s of clear-answer's face at 640x480, 15 fps (Chromium loops the file). Microphone: `seconds` of voice, 48 kHz mono. */
async function makeMedia(s: Scenario): Promise<FakeMedia> {
  const dir = await mkdtemp(join(tmpdir(), 'ia-bench-media-'));
  const y4m = join(dir, 'camera.y4m');
  const wav = join(dir, 'mic.wav');
  await exec('ffmpeg', ['-nostdin', '-v', 'error', '-y', '-i', fixture('clear-answer.webm'), '-t', '10', '-an', '-vf', 'scale=640:480,fps=15,format=yuv420p', '-f', 'yuv4mpegpipe', y4m]);
  const inputs = s.voice === 'synthetic' ? SYNTHETIC : REAL;
  const filter = `${inputs.map((_, i) => `[${i}:a]aresample=48000,aformat=channel_layouts=mono,apad=pad_dur=0.6[a${i}]`).join(';')};${inputs.map((_, i) => `[a${i}]`).join('')}concat=n=${inputs.length}:v=0:a=1[out]`;
  await exec('ffmpeg', ['-nostdin', '-v', 'error', '-y', ...inputs.flatMap((f) => ['-i', f]), '-filter_complex', filter, '-map', '[out]', '-t', String(s.seconds + 5), '-ac', '1', '-ar', '48000', '-c:a', 'pcm_s16le', wav]);
  return { dir, y4m, wav, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

interface Row {
  name: string;
  recordedSec: number;
  stopToReportSec: number;
  uploadLagSec: number;
  peakRssMb: number;
  serverTimings: Record<string, number>;
  words: number;
  /** CPU seconds the server and its children used while recording, and from Stop to the report */
  cpuRecordingSec: number;
  cpuAfterStopSec: number;
  /** 1-minute load average of the machine at Stop (2 cores; other people's work included) */
  loadAtStop: number;
}

async function runScenario(s: Scenario, env: Record<string, string>): Promise<Row> {
  const media = await makeMedia(s);
  const base = { ANALYSIS_ENGINE: 'local', THINK_TIME_SEC: '0', RECORDING_MAX_SEC: '180', ...env };
  const stops: Array<() => Promise<unknown>> = [];
  let server: RunningServer;
  const processes: RunningServer[] = [];
  if (process.argv.includes('--scale')) {
    const [postgres, redis, s3] = await Promise.all([startPostgres(), startRedis(), startS3()]);
    stops.push(() => s3.stop(), () => redis.stop(), () => postgres.stop());
    const scale = { ...base, DATABASE_URL: await postgres.createDatabase('bench'), REDIS_URL: redis.url, ...s3.env };
    server = await startServer({ env: { ...scale, ROLE: 'api' } });
    processes.push(server, await startServer({ env: { ...scale, ROLE: 'worker' }, timeoutMs: 180_000 }));
  } else {
    server = await startServer({ env: base });
    processes.push(server);
  }
  const browser = await launchBrowser(media);
  let peak = 0;
  const pids = processes.map((p) => p.child.pid!);
  const rss = () => pids.reduce((n, pid) => n + treeRssBytes(pid), 0);
  const cpu = () => pids.reduce((n, pid) => n + treeCpuSec(pid), 0);
  const timer = setInterval(() => (peak = Math.max(peak, rss())), 100);
  try {
    const { page } = browser;
    if (process.argv.includes('--one-shot')) await page.route('**/api/uploads', (route) => (route.request().method() === 'POST' ? route.fulfill({ status: 404, body: 'off for the one-shot measurement' }) : route.continue()));
    let lastUploadAck = 0;
    page.on('requestfinished', (req) => {
      const u = new URL(req.url());
      if ((u.pathname === '/api/answers' && req.method() === 'POST') || u.pathname.startsWith('/api/uploads')) lastUploadAck = Date.now();
    });
    await page.goto(`${server.url}/interview`);
    await waitForExpr(page, `(() => { const v = document.querySelector('[data-testid=preview]'); return v && v.readyState >= 2; })()`, 30_000);
    await waitForExpr(page, `!document.querySelector('[data-testid=question-text]').textContent.includes('Loading')`, 30_000);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    const ready = page.getByRole('button', { name: 'I’m ready' });
    if (await ready.isVisible().catch(() => false)) await ready.click().catch(() => undefined);
    await page.getByTestId('recording').waitFor({ timeout: 30_000 });
    const recStart = Date.now();
    const cpu0 = cpu();
    await page.waitForTimeout(s.seconds * 1000);
    const stopAt = Date.now();
    const loadAtStop = loadavg()[0]!;
    const cpuStop = cpu();
    await page.getByRole('button', { name: 'Stop recording' }).click();
    await page.getByRole('button', { name: 'Submit for analysis' }).click();
    await page.waitForURL(/\/answers\/[^/]+$/, { timeout: 600_000 });
    await page.getByTestId('report').waitFor({ timeout: 600_000 });
    const reportAt = Date.now();
    const cpuEnd = cpu();
    const id = page.url().split('/').pop()!;
    // read as the page (the answer belongs to the page's practice owner)
    const answer = (await page.evaluate(async (answerId) => (await fetch(`/api/answers/${answerId}`)).json(), id)) as { report: { timingsMs: Record<string, number>; transcript: { words: unknown[] } | null } | null };
    return {
      name: s.name,
      recordedSec: (stopAt - recStart) / 1000,
      stopToReportSec: (reportAt - stopAt) / 1000,
      uploadLagSec: Math.max(0, lastUploadAck - stopAt) / 1000,
      peakRssMb: Math.round(peak / 1e6),
      serverTimings: answer.report?.timingsMs ?? {},
      words: answer.report?.transcript?.words.length ?? 0,
      loadAtStop: Math.round(loadAtStop * 10) / 10,
      cpuRecordingSec: Math.round((cpuStop - cpu0) * 10) / 10,
      cpuAfterStopSec: Math.round((cpuEnd - cpuStop) * 10) / 10,
    };
  } finally {
    clearInterval(timer);
    await browser.close();
    for (const p of processes.reverse()) {
      await p.stop();
      await p.cleanup();
    }
    for (const stop of stops) await stop().catch(() => undefined);
    await media.cleanup();
  }
}

async function main(): Promise<void> {
  const only = arg('--only')?.split(',');
  const scenarios = only ? ALL.filter((s) => only.includes(s.name)) : ALL;
  const extraEnv = Object.fromEntries((arg('--env') ?? '').split(',').filter(Boolean).map((kv) => kv.split('=') as [string, string]));
  await ensureWebBuilt();
  console.log(`mode: ${process.argv.includes('--one-shot') ? 'one-shot upload after Stop, batch analysis (before)' : 'streaming upload and analysis while recording (after)'}${process.argv.includes('--scale') ? ', ROLE=api + ROLE=worker on Postgres, Redis and S3' : ', one process (ROLE=all)'}`);
  const rows: Row[] = [];
  for (const s of scenarios) {
    process.stdout.write(`${s.name}: recording ${s.seconds} s ...\n`);
    const row = await runScenario(s, extraEnv);
    rows.push(row);
    process.stdout.write(
      `${row.name}: recorded ${row.recordedSec.toFixed(1)} s, Stop->report ${row.stopToReportSec.toFixed(1)} s, upload lag at Stop ${row.uploadLagSec.toFixed(1)} s, peak RSS (server + children) ${row.peakRssMb} MB, ${row.words} words, load average at Stop ${row.loadAtStop}, server CPU ${row.cpuRecordingSec} s while recording + ${row.cpuAfterStopSec} s after Stop\n   server timings (ms): ${JSON.stringify(row.serverTimings)}\n`,
    );
  }
  console.log('\n| answer | recorded s | Stop -> report s | upload lag at Stop s | peak RSS MB | server CPU s recording / after Stop | load avg at Stop |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.name} | ${r.recordedSec.toFixed(1)} | ${r.stopToReportSec.toFixed(1)} | ${r.uploadLagSec.toFixed(1)} | ${r.peakRssMb} | ${r.cpuRecordingSec} / ${r.cpuAfterStopSec} | ${r.loadAtStop} |`);
  const out = arg('--json');
  if (out) await writeFile(out, JSON.stringify(rows, null, 2));
}

await main();
