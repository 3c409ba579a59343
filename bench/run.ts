/**
 * Benchmark of the local engine (audio + vision) on the fixtures and a 60 s answer (made by concatenating
 * fixtures). Prints wall time per stage, total, real-time factor, peak memory (this process + its children,
 * sampled every 100 ms from /proc), recognizer WER and wpm/pause/filler accuracy against truth.
 * Then the vision sampling-rate table and the load benchmark (bench/load.ts), unless --engine-only.
 * Not a timed test: it prints figures. Run: npm run bench   (or: npx tsx bench/run.ts [--no-vision] [--engine-only])
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpuSeconds, treeRssBytes } from './proc.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../server/config.js';
import { createLocalEngine } from '../server/engines/local/index.js';
import { configureTools } from '../server/media/tools.js';
import { FFMPEG, probe, run } from '../server/media/ffmpeg.js';
import { tokens, wordErrorRate } from '../server/analysis/text/wer.js';
import type { Report } from '../server/analysis/report.js';
import { fixture, truth, type Truth } from '../test/helpers/fixtures.js';

// The programs (FFMPEG_PATH, FFPROBE_PATH, POCKETSPHINX_*) are settings of config.ts: run the ones the server would.
configureTools(loadConfig().tools);
const noVision = process.argv.includes('--no-vision');
const engine = createLocalEngine(noVision ? { vision: async () => { throw new Error('disabled by --no-vision'); } } : {});

const treeRss = (): number => treeRssBytes(process.pid);

interface Row { name: string; dur: number; wall: number; rtf: number; cpu: number; peakMb: number; timings: Record<string, number>; wer: string; wpm: string; pauses: string; fillers: string; errors: number; refWords: number }

async function bench(name: string, path: string, t: Truth | null): Promise<Row> {
  const p = await probe(path);
  const dur = p.durationSec ?? t?.durationSec ?? 0;
  let peak = treeRss();
  const timer = setInterval(() => (peak = Math.max(peak, treeRss())), 100);
  const t0 = performance.now();
  const c0 = cpuSeconds();
  let r: Report;
  try {
    r = await engine.analyze({ videoPath: path, question: 'Tell me about yourself.', durationSec: dur, hasAudio: p.hasAudio, hasVideo: p.hasVideo }, () => {});
  } finally {
    clearInterval(timer);
  }
  const wall = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds() - c0;
  const s = r.speech;
  let wer = '-', wpm = '-', pauses = '-', fillers = '-', errors = 0, refWords = 0;
  if (t?.text && r.transcript) {
    const w = wordErrorRate(t.text, r.transcript?.text ?? '');
    refWords = tokens(t.text).length;
    errors = Math.round(w * refWords);
    wer = `${(w * 100).toFixed(1)}%`;
  }
  if (t?.wpm && s?.wpm) wpm = `${s.wpm} vs ${t.wpm} (${(((s.wpm - t.wpm) / t.wpm) * 100).toFixed(1)}%)`;
  if (t?.pauses && s) {
    const hit = t.pauses.filter((q) => s.pauses.some((x) => Math.abs(x.start - q.start) <= 0.3 && Math.abs(x.end - q.end) <= 0.3)).length;
    pauses = `${hit}/${t.pauses.length} found, ${s.pauses.length} reported`;
  }
  if (t?.fillerWords && s) fillers = `${s.fillers.filter((f) => f.kind === 'filled').map((f) => f.text).join(',') || 'none'} vs ${t.fillerWords.join(',') || 'none'}`;
  return { name, dur, wall, rtf: wall / dur, cpu, peakMb: peak / 1e6, timings: r.timingsMs, wer, wpm, pauses, fillers, errors, refWords };
}

async function make60s(dir: string): Promise<string> {
  const out = join(dir, 'answer-60s.webm');
  const a = fixture('clear-answer.webm');
  const b = fixture('fillers-pauses.webm');
  const r = await run(FFMPEG, ['-v', 'error', '-y', '-i', a, '-i', b, '-filter_complex', '[0:v][0:a][1:v][1:a]concat=n=2:v=1:a=1[v][a]', '-map', '[v]', '-map', '[a]', '-t', '60',
    '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '600k', '-c:a', 'libopus', out]);
  if (r.code !== 0) throw new Error(`could not make the 60 s answer: ${r.stderr}`);
  return out;
}

const names = ['clear-answer.webm', 'clear-answer.mp4', 'browser-like.webm', 'fillers-pauses.webm', 'fast.webm', 'slow.webm', 'no-face.webm', 'looking-away.webm', 'silent-face.webm', 'short.webm'];
const rows: Row[] = [];
const dir = mkdtempSync(join(tmpdir(), 'ia-bench-'));
try {
  console.log(`local engine benchmark${noVision ? ' (vision disabled)' : ''}, ${new Date().toISOString()}\n`);
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
  for (const n of names.filter((x) => !only || x.includes(only))) {
    rows.push(await bench(n, fixture(n), truth(n)));
    process.stderr.write(`done ${n}\n`);
  }
  rows.push(await bench('answer-60s.webm (concat)', await make60s(dir), null));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
for (const r of rows) {
  console.log(`${r.name}: ${r.dur.toFixed(1)} s media, wall ${r.wall.toFixed(1)} s, RTF ${r.rtf.toFixed(2)}, CPU ${r.cpu.toFixed(1)} s (CPU/2 cores RTF ${(r.cpu / 2 / r.dur).toFixed(2)}), peak RSS ${r.peakMb.toFixed(0)} MB`);
  console.log(`  stages ms: ${Object.entries(r.timings).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  console.log(`  WER ${r.wer}; wpm ${r.wpm}; pauses ${r.pauses}; filled pauses ${r.fillers}`);
}
const errs = rows.reduce((a, r) => a + r.errors, 0);
const ref = rows.reduce((a, r) => a + r.refWords, 0);
console.log(`\noverall recognizer WER: ${((errs / Math.max(1, ref)) * 100).toFixed(1)}% (${errs} errors / ${ref} reference words)`);
const long = rows[rows.length - 1]!;
console.log(`load average at the end: ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')} (other processes share the 2 cores)`);
console.log(`60 s answer: wall ${long.wall.toFixed(1)} s (target <= 15 s), peak RSS ${long.peakMb.toFixed(0)} MB (target <= 500 MB)`);
console.log(
  `60 s answer with vision: wall RTF ${long.rtf.toFixed(2)}, CPU ${long.cpu.toFixed(1)} s = ${(long.cpu / 2 / long.dur).toFixed(2)} RTF if the 2 cores were ours alone (target RTF <= 0.35; wall RTF is inflated by other processes on a shared machine)`,
);
console.log(`peak RSS over the whole run: ${Math.max(...rows.map((r) => r.peakMb)).toFixed(0)} MB; this process maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
await engine.close?.();

if (!process.argv.includes('--engine-only')) {
  console.log('\n== vision: sampling rate against accuracy and cost ==');
  const { benchVision } = await import('../server/analysis/vision/bench.js');
  await benchVision();
  const { closeVisionWorker } = await import('../server/analysis/vision/index.js');
  await closeVisionWorker();
  const { benchLoad } = await import('./load.js');
  await benchLoad('local');
}
