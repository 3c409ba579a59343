/**
 * Vision speed vs accuracy: samples the fixtures at several frame rates and prints, per rate, the face and
 * facing ratios found and the time per minute of video; model load is measured separately.
 * Run: npx tsx server/analysis/vision/bench.ts   (the lead's `npm run bench` calls benchVision()).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { probe } from '../../media/ffmpeg.js';
import { DEFAULT_FPS, DEFAULT_WIDTH } from './index.js';
import { observeVideo } from './observe.js';
import { VisionWorker } from './pool.js';
import { summarize } from './summarize.js';

const FIXTURES = ['clear-answer.webm', 'looking-away.webm', 'no-face.webm'];
const RATES = [1, 2, 3, 5];

export interface BenchRow {
  fps: number;
  hands: boolean;
  fixture: string;
  facePresentRatio: number | null;
  facingCameraRatio: number | null;
  frames: number;
  msPerFrame: number;
  /** wall time of the vision work per 60 s of video (decode + models, model load excluded) */
  secPerMinute: number;
  /** CPU time of this process (main thread + worker; ffmpeg's decoding excluded) per 60 s of video: unlike the
   * wall time, it does not grow when other processes compete for the cores */
  cpuSecPerMinute: number;
}

export async function benchVision(opts: { fixturesDir?: string; rates?: number[]; log?: (line: string) => void } = {}): Promise<BenchRow[]> {
  const dir = opts.fixturesDir ?? process.env.FIXTURES_DIR ?? resolve(import.meta.dirname, '../../../../shared/fixtures/media');
  const log = opts.log ?? ((l: string) => console.log(l));
  const rows: BenchRow[] = [];
  const run = async (worker: VisionWorker, fps: number, name: string) => {
    const path = resolve(dir, name);
    if (!existsSync(path)) throw new Error(`fixture ${path} not found`);
    const info = await probe(path);
    const cpu0 = process.cpuUsage();
    const obs = await observeVideo(worker, path, { fps, width: DEFAULT_WIDTH, srcWidth: info.width ?? 640, srcHeight: info.height ?? 480 });
    const cpu = process.cpuUsage(cpu0);
    const v = summarize(obs.frames, fps, (info.width ?? 4) / (info.height ?? 3));
    const row: BenchRow = {
      fps, hands: worker.hands, fixture: name,
      facePresentRatio: v.facePresentRatio, facingCameraRatio: v.facingCameraRatio, frames: obs.frames.length,
      msPerFrame: Math.round(obs.modelMs / Math.max(1, obs.frames.length)),
      secPerMinute: Math.round((obs.wallMs / 1000 / (info.durationSec ?? 1)) * 60 * 10) / 10,
      cpuSecPerMinute: Math.round(((cpu.user + cpu.system) / 1e6 / (info.durationSec ?? 1)) * 60 * 10) / 10,
    };
    rows.push(row);
    log(`  ${String(fps).padEnd(4)}${(worker.hands ? 'yes' : 'no').padEnd(6)}${name.padEnd(20)}${String(row.facePresentRatio).padEnd(8)}${String(row.facingCameraRatio).padEnd(8)}${String(row.frames).padEnd(7)}${String(row.msPerFrame).padEnd(8)}${String(row.secPerMinute).padEnd(9)}${row.cpuSecPerMinute}`);
  };
  for (const hands of [false, true]) {
    const t0 = performance.now();
    const worker = new VisionWorker(hands);
    const loadMs = await worker.ready;
    log(`vision model load (hands ${hands ? 'on' : 'off'}): ${loadMs} ms in the worker, ${Math.round(performance.now() - t0)} ms including worker start`);
    log('  fps hands fixture             face    facing  frames ms/frm  wall s   cpu s (per min of video)');
    try {
      for (const fps of hands ? [DEFAULT_FPS] : opts.rates ?? RATES) for (const name of FIXTURES) await run(worker, fps, name);
    } finally {
      await worker.close();
    }
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchVision();
