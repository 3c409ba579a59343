/**
 * `interview-analyzer eval DIR... [--json] [--only TEXT] [--no-vision] [--engine NAME]`: runs the analysis on
 * every media file in DIR that has an `X.truth.json` beside it and prints accuracy per set and per kind
 * (WER, pace error, filled-pause and pause precision/recall, face accuracy, real-time factor).
 * A progress line per file goes to stderr; the table (or, with --json, the rows and summaries) to stdout.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { AnalysisError, type AnalysisEngine } from '../engines/engine.js';
import { parseTruth, rowFromError, rowFromReport } from '../analysis/eval/row.js';
import { formatPitchSummaries, pitchProgress, summarisePitchAll } from '../analysis/eval/pitch.js';
import { formatSummaries, summariseAll, type EvalRow } from '../analysis/eval/summary.js';
import { inputFor } from './input.js';

export const EVAL_USAGE = 'usage: interview-analyzer eval DIR... [--json] [--only TEXT] [--no-vision] [--engine local|twelvelabs|hybrid]';

export interface EvalArgs {
  dirs: string[];
  json: boolean;
  only: string | null;
  noVision: boolean;
  engine: string;
}

export function parseEvalArgs(argv: readonly string[]): EvalArgs | { error: string } {
  const out: EvalArgs = { dirs: [], json: false, only: null, noVision: false, engine: 'local' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') out.json = true;
    else if (a === '--no-vision') out.noVision = true;
    else if (a === '--only' || a === '--engine') {
      const v = argv[++i];
      if (v === undefined) return { error: `${a} needs a value` };
      if (a === '--only') out.only = v;
      else out.engine = v;
    } else if (a.startsWith('--')) return { error: `unknown option ${a}` };
    else out.dirs.push(a);
  }
  if (out.dirs.length === 0) return { error: 'missing DIR (a folder of media files with X.truth.json beside them)' };
  return out;
}

/** Media files with a truth file, sorted, per directory. */
export function labelledFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => !f.endsWith('.truth.json') && existsSync(join(dir, `${f}.truth.json`)) && statSync(join(dir, f)).isFile())
    .sort();
}

const pct = (x: number | null): string => (x === null ? '-' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`);

function progressLine(i: number, n: number, r: EvalRow): string {
  const head = `[${String(i).padStart(String(n).length)}/${n}] ${r.set}/${r.file}`;
  if (r.outcome !== 'ok') return `${head}: ${r.outcome}${r.expect === 'error' ? ' (expected)' : ''}: ${r.message ?? ''}`;
  const parts = [`${(r.durationSec ?? 0).toFixed(1)} s`, `RTF ${r.rtf?.toFixed(2) ?? '-'}`];
  if (r.wer !== null) parts.push(`WER ${(r.wer * 100).toFixed(0)}%`);
  if (r.paceTruth !== null) parts.push(`pace ${r.paceShown ?? '-'} vs ${r.paceTruth} (${pct(r.paceError)}${r.notes.paceSource ? `, ${r.notes.paceSource}` : ''})`);
  if (r.fillers) parts.push(`fillers ${r.fillersFound.length} found / ${r.fillersTruth.length} true`);
  if (r.pauses) parts.push(`pauses tp ${r.pauses.tp} fp ${r.pauses.fp} fn ${r.pauses.fn}`);
  if (r.notes.reliability) parts.push(`transcript ${r.notes.reliability}`);
  const pitch = pitchProgress(r.pitch);
  if (pitch) parts.push(pitch);
  return `${head}: ${parts.join(', ')}`;
}

export async function runEval(args: EvalArgs, engine: AnalysisEngine, err: (s: string) => void = (s) => process.stderr.write(s)): Promise<EvalRow[]> {
  const jobs: Array<{ dir: string; set: string; file: string }> = [];
  for (const d of args.dirs) {
    const dir = resolve(d);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`${d}: not a directory`);
    for (const f of labelledFiles(dir)) if (!args.only || f.includes(args.only)) jobs.push({ dir, set: basename(dir), file: f });
  }
  if (jobs.length === 0) throw new Error(`no media file with an X.truth.json beside it in ${args.dirs.join(', ')}`);
  const rows: EvalRow[] = [];
  for (const [k, j] of jobs.entries()) {
    const path = join(j.dir, j.file);
    const truth = parseTruth(JSON.parse(readFileSync(`${path}.truth.json`, 'utf8')));
    const t0 = performance.now();
    const meta = (): { file: string; set: string; wallSec: number } => ({ file: j.file, set: j.set, wallSec: (performance.now() - t0) / 1000 });
    let row: EvalRow;
    const input = await inputFor(path, 'Tell me about yourself.');
    if ('error' in input) row = rowFromError(truth, meta(), 'rejected', input.error);
    else {
      try {
        const report = await engine.analyze(input, () => {});
        row = rowFromReport(truth, report, meta());
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        row = rowFromError(truth, meta(), e instanceof AnalysisError ? 'rejected' : 'failed', msg);
      }
    }
    rows.push(row);
    err(`${progressLine(k + 1, jobs.length, row)}\n`);
  }
  return rows;
}

/** Runs the command; returns the exit code (2 on bad usage, 1 when a file that should analyse failed). */
export async function evalMain(argv: readonly string[], engineFor: (name: string, noVision: boolean) => Promise<AnalysisEngine>): Promise<number> {
  const args = parseEvalArgs(argv);
  if ('error' in args) {
    process.stderr.write(`interview-analyzer: ${args.error}\n${EVAL_USAGE}\n`);
    return 2;
  }
  for (const d of args.dirs)
    if (!existsSync(d) || !statSync(d).isDirectory()) {
      process.stderr.write(`interview-analyzer: ${d}: not a directory\n`);
      return 2;
    }
  const engine = await engineFor(args.engine, args.noVision);
  try {
    const t0 = Date.now();
    const rows = await runEval(args, engine);
    const summaries = summariseAll(rows);
    const pitchSummaries = summarisePitchAll(rows);
    if (args.json) process.stdout.write(`${JSON.stringify({ generatedAt: new Date().toISOString(), command: `interview-analyzer eval ${argv.join(' ')}`, engine: engine.name, wallSec: (Date.now() - t0) / 1000, summaries, pitchSummaries, rows }, null, 2)}\n`);
    else process.stdout.write(`\n${formatSummaries(summaries)}\n\n${formatPitchSummaries(pitchSummaries)}\n`);
    return summaries.some((s) => s.failures > 0) ? 1 : 0;
  } catch (e) {
    process.stderr.write(`interview-analyzer: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  } finally {
    await engine.close?.();
  }
}
