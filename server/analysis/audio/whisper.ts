/**
 * Optional Whisper recognizer through whisper.cpp's CLI (`whisper-cli`, or WHISPER_CLI), used only when a ggml
 * model is on disk in WHISPER_MODEL_DIR. Otherwise, and when a Whisper run fails, pocketsphinx is used and the
 * reason is logged. (@huggingface/transformers was not installed: no model hub is reachable here anyway.)
 */
import { existsSync, openSync, readSync, closeSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Word } from '../report.js';
import { run } from '../../media/ffmpeg.js';
import { writeWav, type Pcm } from './decode.js';
import { PocketsphinxRecognizer } from './pocketsphinx.js';
import { textOf, type Logger, type Recognizer, type Transcription } from './recognizer.js';

/** whisper.cpp model files start with the uint32 0x67676d6c ("ggml") little-endian = bytes "lmgg". */
const GGML_MAGIC = Buffer.from('lmgg', 'latin1');
const MIN_MODEL_BYTES = 1_000_000;

export type ModelCheck = { ok: true; modelPath: string } | { ok: false; reason: string };

/** Finds a usable ggml-*.bin in `dir`: present, big enough, with the ggml magic. */
export function findWhisperModel(dir: string | undefined): ModelCheck {
  if (!dir) return { ok: false, reason: 'WHISPER_MODEL_DIR is not set' };
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { ok: false, reason: `WHISPER_MODEL_DIR ${dir} does not exist` };
  const files = readdirSync(dir).filter((f) => /^ggml-.*\.bin$/.test(f)).sort();
  if (files.length === 0) return { ok: false, reason: `no ggml-*.bin model in ${dir}` };
  const problems: string[] = [];
  for (const f of files) {
    const p = join(dir, f);
    const size = statSync(p).size;
    if (size < MIN_MODEL_BYTES) {
      problems.push(`${f} is too small (${size} bytes)`);
      continue;
    }
    const head = Buffer.alloc(4);
    const fd = openSync(p, 'r');
    readSync(fd, head, 0, 4, 0);
    closeSync(fd);
    if (!head.equals(GGML_MAGIC)) {
      problems.push(`${f} is not a ggml model (bad header)`);
      continue;
    }
    return { ok: true, modelPath: p };
  }
  return { ok: false, reason: `unusable model: ${problems.join('; ')}` };
}

export const WHISPER_CLI = process.env.WHISPER_CLI ?? 'whisper-cli';

export function whisperCliAvailable(bin = WHISPER_CLI): boolean {
  const r = spawnSync(bin, ['--help'], { stdio: 'ignore', timeout: 5000 });
  return !r.error;
}

interface WhisperJson {
  transcription?: Array<{ text: string; offsets: { from: number; to: number } }>;
}

/** Parses whisper.cpp `-oj` output run with `-ml 1 -sow` (one segment per word). */
export function parseWhisperJson(json: WhisperJson): Word[] {
  return (json.transcription ?? [])
    .map((s) => ({ text: s.text.trim().toLowerCase().replace(/[^a-z0-9']/g, ''), start: s.offsets.from / 1000, end: s.offsets.to / 1000 }))
    .filter((w) => w.text.length > 0);
}

export class WhisperCliRecognizer implements Recognizer {
  readonly name: string;
  constructor(private readonly modelPath: string, private readonly bin = WHISPER_CLI) {
    this.name = `whisper.cpp:${modelPath.split('/').pop()}`;
  }
  async transcribe(pcm: Pcm, signal?: AbortSignal): Promise<Transcription> {
    const dir = await mkdtemp(join(tmpdir(), 'ia-whisper-'));
    try {
      const wav = join(dir, 'a.wav');
      await writeWav(wav, pcm.samples, pcm.sampleRate);
      const r = await run(this.bin, ['-m', this.modelPath, '-f', wav, '-l', 'en', '-ml', '1', '-sow', '-oj', '-of', join(dir, 'out'), '-np', '-t', '2'], { signal });
      if (r.code !== 0) throw new Error(`whisper-cli exit ${r.code}: ${r.stderr.trim().split('\n').pop() ?? ''}`);
      const words = parseWhisperJson(JSON.parse(await readFile(join(dir, 'out.json'), 'utf8')) as WhisperJson);
      return { words, text: textOf(words) };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

/** Tries `primary`; on failure logs the reason and uses `fallback`. */
export class FallbackRecognizer implements Recognizer {
  lastName: string;
  constructor(private readonly primary: Recognizer, private readonly fallback: Recognizer, private readonly log?: Logger) {
    this.lastName = primary.name;
  }
  get name(): string {
    return this.lastName;
  }
  async transcribe(pcm: Pcm, signal?: AbortSignal): Promise<Transcription> {
    try {
      this.lastName = this.primary.name;
      return await this.primary.transcribe(pcm, signal);
    } catch (err) {
      if (signal?.aborted) throw err;
      this.log?.warn(`${this.primary.name} failed, using ${this.fallback.name}: ${err instanceof Error ? err.message : String(err)}`);
      this.lastName = this.fallback.name;
      return this.fallback.transcribe(pcm, signal);
    }
  }
}

/** Whisper when a valid model and whisper-cli are present, else pocketsphinx; the reason is logged and returned. */
export function selectRecognizer(env: Record<string, string | undefined>, log?: Logger): { recognizer: Recognizer; reason: string } {
  const sphinx = new PocketsphinxRecognizer();
  const model = findWhisperModel(env.WHISPER_MODEL_DIR);
  let reason: string;
  if (!model.ok) reason = model.reason;
  else if (!whisperCliAvailable(env.WHISPER_CLI ?? WHISPER_CLI)) reason = `${env.WHISPER_CLI ?? WHISPER_CLI} is not on PATH`;
  else {
    const reasonOk = `using Whisper model ${model.modelPath}`;
    log?.info(reasonOk);
    return { recognizer: new FallbackRecognizer(new WhisperCliRecognizer(model.modelPath, env.WHISPER_CLI ?? WHISPER_CLI), sphinx, log), reason: reasonOk };
  }
  log?.info(`speech recognition: pocketsphinx (Whisper not used: ${reason})`);
  return { recognizer: sphinx, reason };
}
