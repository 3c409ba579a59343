/**
 * The modern recognizer: sherpa-onnx (sherpa-onnx-node, prebuilt binaries from npm) with a downloaded model
 * (Moonshine, Whisper or a NeMo transducer; see server/engines/local/models). The audio is cut at silences
 * (Silero VAD) into chunks of at most 20 s, each chunk decoded on its own. Transducer models give token
 * times; for the others each chunk's words are spread over its speech time in proportion to their length
 * (good enough for pace and pauses, which use the VAD; said in docs/engines.md).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Span, Word } from '../report.js';
import type { Pcm } from './decode.js';
import { textOf, type RecognizedWord, type Recognizer, type Transcription } from './recognizer.js';
import { segmentSpeech, speechProbabilities } from './vad.js';

const require = createRequire(import.meta.url);

export type SherpaFamily = 'moonshine' | 'whisper' | 'transducer';

export interface SherpaModel {
  name: string;
  family: SherpaFamily;
  dir: string;
  /** role -> file name inside dir (tokens, encoder, decoder, ...) */
  files: Record<string, string>;
}

export interface SherpaResult {
  text: string;
  tokens?: string[];
  timestamps?: number[];
}

/**
 * The child process that hosts sherpa-onnx. The native library calls exit() on a damaged model (e.g. a bad
 * tokens file), which would take the whole server down, so it runs in its own process: if that process dies,
 * the pending decodes fail with its last error line and the caller falls back to pocketsphinx.
 */
const CHILD = `
const { OfflineRecognizer } = require(process.env.SHERPA_MODULE);
const config = JSON.parse(process.env.SHERPA_CONFIG);
OfflineRecognizer.createAsync(config).then((rec) => {
  process.send({ ready: true });
  process.on('message', async (m) => {
    try {
      const s = rec.createStream();
      s.acceptWaveform({ samples: m.samples, sampleRate: m.sampleRate });
      await rec.decodeAsync(s);
      const r = rec.getResult(s);
      process.send({ id: m.id, ok: true, text: r.text, tokens: r.tokens, timestamps: r.timestamps });
    } catch (e) {
      process.send({ id: m.id, ok: false, error: String(e && e.message || e) });
    }
  });
}, (e) => { process.stderr.write(String(e && e.message || e) + '\\n'); process.exit(3); });
process.on('disconnect', () => process.exit(0));
`;

type Pending = { resolve: (r: SherpaResult) => void; reject: (e: Error) => void };

export class SherpaProcess {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private stderr = '';
  /** set once the process died: the model is not retried in this process's lifetime */
  broken: string | null = null;
  constructor(private readonly config: Record<string, unknown>) {}

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const child = spawn(process.execPath, ['-e', CHILD], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
      env: { ...process.env, SHERPA_MODULE: require.resolve('sherpa-onnx-node'), SHERPA_CONFIG: JSON.stringify(this.config) },
    });
    this.child = child;
    child.stderr?.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString('utf8')).slice(-2000);
    });
    this.ready = new Promise<void>((resolve, reject) => {
      child.on('message', (m: { ready?: true; id?: number; ok?: boolean; error?: string } & SherpaResult) => {
        if (m.ready) return resolve();
        const p = m.id === undefined ? undefined : this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id!);
        if (m.ok) p.resolve({ text: m.text, ...(m.tokens ? { tokens: m.tokens } : {}), ...(m.timestamps ? { timestamps: m.timestamps } : {}) });
        else p.reject(new Error(m.error ?? 'decode failed'));
      });
      child.on('exit', (code, sig) => {
        const last = this.stderr.trim().split('\n').pop()?.replace(/[^\x20-\x7e]+/g, '?').slice(0, 300) ?? '';
        const why = `sherpa-onnx stopped (${sig ?? `exit ${code}`})${last ? `: ${last}` : ''}`;
        if (code !== 0 || sig) this.broken = why;
        this.child = null;
        this.ready = null;
        reject(new Error(why));
        for (const p of this.pending.values()) p.reject(new Error(why));
        this.pending.clear();
      });
      child.on('error', (e) => reject(e));
    });
    this.ready.catch(() => undefined);
    return this.ready;
  }

  async decode(samples: Float32Array, sampleRate: number, signal?: AbortSignal): Promise<SherpaResult> {
    if (this.broken) throw new Error(this.broken);
    await this.start();
    const child = this.child;
    if (!child) throw new Error(this.broken ?? 'sherpa-onnx is not running');
    const id = this.nextId++;
    return new Promise<SherpaResult>((resolve, reject) => {
      const onAbort = (): void => {
        this.pending.delete(id);
        reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        resolve: (r) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(r);
        },
        reject: (e) => {
          signal?.removeEventListener('abort', onAbort);
          reject(e);
        },
      });
      child.send({ id, samples, sampleRate });
    });
  }

  close(): void {
    this.child?.disconnect();
    this.child = null;
  }
}

/** The sherpa-onnx OfflineRecognizer configuration for a model. */
export function sherpaConfig(m: SherpaModel, numThreads = 2): Record<string, unknown> {
  const f = (role: string): string => join(m.dir, m.files[role] ?? '');
  const model: Record<string, unknown> = { tokens: f('tokens'), numThreads, provider: 'cpu', debug: 0 };
  if (m.family === 'moonshine') model.moonshine = { preprocessor: f('preprocessor'), encoder: f('encoder'), uncachedDecoder: f('uncachedDecoder'), cachedDecoder: f('cachedDecoder') };
  else if (m.family === 'whisper') model.whisper = { encoder: f('encoder'), decoder: f('decoder'), language: 'en', task: 'transcribe' };
  else model.transducer = { encoder: f('encoder'), decoder: f('decoder'), joiner: f('joiner') };
  if (m.family === 'transducer') model.modelType = 'nemo_transducer';
  return { featConfig: { sampleRate: 16_000, featureDim: 80 }, modelConfig: model, decodingMethod: 'greedy_search' };
}

/** Joins VAD speech spans into chunks of at most maxSec (cut only at silences). */
export function chunkSpans(speech: readonly Span[], maxSec = 20): Span[] {
  const out: Span[] = [];
  for (const s of speech) {
    const last = out[out.length - 1];
    if (last && s.end - last.start <= maxSec) last.end = s.end;
    else out.push({ ...s });
  }
  return out;
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Spreads a chunk's words over its speech spans in proportion to their letters (+1 for the gap between words). */
export function spreadWords(text: string, speech: readonly Span[]): Word[] {
  const words = text.toLowerCase().replace(/[^a-z0-9'\s-]/g, ' ').split(/\s+/).filter(Boolean);
  const total = speech.reduce((a, s) => a + s.end - s.start, 0);
  if (words.length === 0 || total <= 0) return [];
  const weights = words.map((w) => w.length + 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  // map "speech time elapsed" to a clock time across the spans
  const at = (e: number): number => {
    let left = e;
    for (const s of speech) {
      const d = s.end - s.start;
      if (left <= d + 1e-9) return s.start + left;
      left -= d;
    }
    return speech[speech.length - 1]!.end;
  };
  let acc = 0;
  return words.map((w, i) => {
    const a = (acc / sum) * total;
    acc += weights[i]!;
    const b = ((acc - 1) / sum) * total;
    return { text: w, start: r3(at(a)), end: r3(at(Math.max(a, b))) };
  });
}

/** Words from transducer tokens with times (SentencePiece "▁" starts a word). */
export function wordsFromTokens(tokens: readonly string[], times: readonly number[], offset: number, chunkEnd: number): Word[] {
  const out: Word[] = [];
  tokens.forEach((tok, i) => {
    const t = offset + (times[i] ?? 0);
    const starts = tok.startsWith('\u2581') || tok.startsWith(' ') || out.length === 0;
    const piece = tok.replace(/^[\u2581 ]/, '').toLowerCase().replace(/[^a-z0-9'-]/g, '');
    if (starts && piece) out.push({ text: piece, start: r3(t), end: r3(t) });
    else if (piece && out.length) out[out.length - 1]!.text += piece;
    if (out.length) out[out.length - 1]!.end = r3(Math.min(chunkEnd, t + 0.08));
  });
  return out.filter((w) => w.text.length > 0);
}

export class SherpaRecognizer implements Recognizer {
  readonly name: string;
  private readonly proc: SherpaProcess;
  constructor(model: SherpaModel, numThreads = 2) {
    this.name = `sherpa-onnx:${model.name}`;
    this.proc = new SherpaProcess(sherpaConfig(model, numThreads));
  }
  async transcribe(pcm: Pcm, signal?: AbortSignal): Promise<Transcription> {
    const speech = segmentSpeech(await speechProbabilities(pcm.samples, signal));
    const words: RecognizedWord[] = [];
    for (const c of chunkSpans(speech)) {
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      const a = Math.max(0, Math.round((c.start - 0.1) * pcm.sampleRate));
      const b = Math.min(pcm.samples.length, Math.round((c.end + 0.1) * pcm.sampleRate));
      const res = await this.proc.decode(pcm.samples.slice(a, b), pcm.sampleRate, signal);
      const inChunk = speech.filter((s) => s.start >= c.start && s.end <= c.end);
      const got = res.tokens?.length && res.timestamps?.length === res.tokens.length ? wordsFromTokens(res.tokens, res.timestamps, a / pcm.sampleRate, c.end) : spreadWords(res.text, inChunk);
      words.push(...got);
    }
    return { words, text: textOf(words) };
  }
  close(): void {
    this.proc.close();
  }
}
