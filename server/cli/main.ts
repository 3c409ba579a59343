/**
 * CLI entry. `analyze FILE`: prints one Report v1 JSON on stdout; progress on stderr when it is a TTY; exit 2 on
 * bad input. `eval DIR...`: the accuracy harness (eval.ts).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { AnalysisError, type AnalysisEngine } from '../engines/engine.js';
import type { EngineSettings } from '../engines/registry.js';
import { reportSchema } from '../analysis/report.js';
import { addCoaching } from '../analysis/summary/index.js';
import { USAGE, parseArgs } from './args.js';
import { ConfigError, engineSettingsFor, loadConfig, type Config } from '../config.js';
import { configureTools } from '../media/tools.js';
import { evalMain } from './eval.js';
import { modelsMain } from './models.js';
import { inputFor } from './input.js';

let config: Config | null = null;

async function engineFor(name: string, noVision = false): Promise<AnalysisEngine> {
  const speech: Pick<EngineSettings, 'speech'> | Record<string, never> = config ? { speech: config.engines.speech } : {};
  const verbose = config?.IA_VERBOSE ?? false;
  const logger = { info: (): void => {}, warn: (m: unknown): void => void (verbose && process.stderr.write(`${String(m)}\n`)) };
  const registry = new URL('../engines/registry.' + (import.meta.url.endsWith('.ts') ? 'ts' : 'js'), import.meta.url);
  if (noVision) {
    if (name !== 'local') throw new Error('--no-vision applies to the local engine only');
    const { createLocalEngine } = await import('../engines/local/index.js');
    return createLocalEngine({ logger, ...speech, vision: async () => Promise.reject(new Error('disabled by --no-vision')) });
  }
  if (existsSync(registry)) {
    const { createEngine } = await import('../engines/registry.js');
    return createEngine(name, engineSettingsFor(config!, name), logger);
  }
  if (name !== 'local') throw new Error(`engine "${name}" is not available in this build (only "local")`);
  const { createLocalEngine } = await import('../engines/local/index.js');
  return createLocalEngine({ logger, ...speech });
}

function bar(stage: string, p: number): void {
  const w = 30;
  const n = Math.round(p * w);
  process.stderr.write(`\r[${'#'.repeat(n)}${'.'.repeat(w - n)}] ${Math.round(p * 100)}% ${stage.padEnd(16)}`);
}

export async function main(argv: string[]): Promise<number> {
  try {
    config = loadConfig(process.env);
    configureTools(config.tools);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`interview-analyzer: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (argv[0] === 'eval') return evalMain(argv.slice(1), engineFor);
  if (argv[0] === 'models') return modelsMain(argv.slice(1), { modelsDir: config.modelsDir, baseUrl: config.SPEECH_MODEL_BASE_URL, speechModel: config.SPEECH_MODEL });
  const args = parseArgs(argv);
  if ('error' in args) {
    process.stderr.write(`interview-analyzer: ${args.error}\n${USAGE}\n`);
    return 2;
  }
  const input = await inputFor(args.file, args.question);
  if ('error' in input) {
    process.stderr.write(`interview-analyzer: ${input.error}\n`);
    return 2;
  }
  let jobDescription: string | null = null;
  if (args.jobFile) {
    try {
      jobDescription = await readFile(args.jobFile, 'utf8');
    } catch (e) {
      process.stderr.write(`interview-analyzer: --job ${args.jobFile}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}\n`);
      return 2;
    }
  }
  let engine: AnalysisEngine;
  try {
    engine = await engineFor(args.engine);
  } catch (e) {
    process.stderr.write(`interview-analyzer: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const tty = process.stderr.isTTY === true;
  const ac = new AbortController();
  process.once('SIGINT', () => ac.abort(new Error('interrupted')));
  try {
    const report = await engine.analyze(input, (p) => tty && bar(p.stage, p.progress), ac.signal);
    if (tty) process.stderr.write('\n');
    reportSchema.parse(report);
    addCoaching(report, { questionType: args.questionType, jobDescription });
    process.stdout.write(`${JSON.stringify(report, null, args.json ? 2 : 0)}\n`);
    return 0;
  } catch (e) {
    if (tty) process.stderr.write('\n');
    if (e instanceof AnalysisError) {
      process.stderr.write(`interview-analyzer: ${args.file}: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`interview-analyzer: analysis failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    return 1;
  } finally {
    await engine.close?.();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`interview-analyzer: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
