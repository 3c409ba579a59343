/**
 * Keeps one StreamingSession per upload in progress (this process), hands its measurements to the analysis job
 * of the answer the upload became, and publishes its progress. Everything here is an optimisation: when a
 * session is missing (another process, a restart) or failed, the job analyses the stored file as before.
 */
import type { StreamProgress } from '../../../contracts/uploads.js';
import type { Recognizer } from '../../analysis/audio/recognizer.js';
import { analyzeVisionSource } from '../../analysis/vision/index.js';
import type { StreamedParts } from '../../engines/engine.js';
import { type SpeechSettings, selectRecognizer } from '../../engines/local/recognizers.js';
import { type ByteSource, fileSource, StreamingSession } from './session.js';

export interface StreamingDeps {
  /** the engine's name: only the local engine can finish from streamed measurements */
  engineName: string;
  /** only a process that also runs the analysis jobs (ROLE=all) can hand a session to its job */
  role: 'all' | 'api' | 'worker';
  /** the local engine's recognizer choice (SPEECH_MODEL), the same the batch analysis uses */
  speech: SpeechSettings;
  log: { info(o: object, m?: string): void; warn(o: object, m?: string): void };
  /** test hook: a recognizer instead of the one selectRecognizer picks */
  recognizer?: Recognizer;
  /** false: no vision in the session (tests of the audio half) */
  vision?: boolean;
}

interface Entry {
  session: StreamingSession;
  answerId: string | null;
  listeners: Set<(p: StreamProgress) => void>;
  ticker: NodeJS.Timeout;
}

/** A session nobody submitted is dropped after this long without new bytes. */
const IDLE_MS = 30 * 60_000;

export class StreamingService {
  private readonly entries = new Map<string, Entry>();
  private readonly byAnswer = new Map<string, string>();
  private recognizer: Recognizer | null = null;

  constructor(private readonly d: StreamingDeps) {}

  get enabled(): boolean {
    return this.d.engineName === 'local' && this.d.role === 'all';
  }

  /**
   * A session on any byte source, with this process's recognizer and vision (the stream job of a worker uses it on
   * stored chunks). Null when the engine cannot finish from streamed measurements (only the local engine can).
   */
  newSession(source: ByteSource): StreamingSession | null {
    if (this.d.engineName !== 'local') return null;
    this.recognizer ??= this.d.recognizer ?? selectRecognizer(this.d.speech, { info: (m: string) => this.d.log.info({}, m), warn: (m: string) => this.d.log.warn({}, m) }).recognizer;
    return new StreamingSession({
      source,
      recognizer: this.recognizer,
      vision:
        this.d.vision === false
          ? null
          : (src, frame, o) => analyzeVisionSource(src, frame, { durationSec: 0, signal: o.signal, onFrame: o.onFrame }),
      log: this.d.log,
    });
  }

  /** A new upload: starts analysing it as its bytes arrive. */
  start(uploadId: string, path: string): void {
    if (!this.enabled || this.entries.has(uploadId)) return;
    const session = this.newSession(fileSource(path));
    if (!session) return;
    let last = '';
    let lastChange = Date.now();
    const ticker = setInterval(() => {
      const p = session.progress();
      const key = JSON.stringify(p);
      if (key !== last) {
        last = key;
        lastChange = Date.now();
        for (const l of entry.listeners) l(p);
      } else if (Date.now() - lastChange > IDLE_MS && !entry.answerId) this.discard(uploadId);
    }, 500);
    ticker.unref();
    const entry: Entry = { session, answerId: null, listeners: new Set(), ticker };
    this.entries.set(uploadId, entry);
  }

  poke(uploadId: string): void {
    this.entries.get(uploadId)?.session.poke();
  }

  /** Every byte is in: the session reads the rest and closes its inputs. */
  complete(uploadId: string): void {
    this.entries.get(uploadId)?.session.markComplete();
  }

  /** Resolves when the session (if any) has read the whole file. */
  async drained(uploadId: string): Promise<void> {
    await this.entries.get(uploadId)?.session.drained();
  }

  progress(uploadId: string): StreamProgress | null {
    return this.entries.get(uploadId)?.session.progress() ?? null;
  }

  subscribe(uploadId: string, fn: (p: StreamProgress) => void): () => void {
    const e = this.entries.get(uploadId);
    if (!e) return () => undefined;
    e.listeners.add(fn);
    return () => e.listeners.delete(fn);
  }

  /** The upload became answer `answerId`: its analysis job will take the session's measurements. */
  attach(uploadId: string, answerId: string): void {
    const e = this.entries.get(uploadId);
    if (!e) return;
    e.answerId = answerId;
    this.byAnswer.set(answerId, uploadId);
  }

  /**
   * For the analysis job: the streamed measurements of this answer, once (a retry analyses the file). Undefined
   * when there is no session for it in this process.
   */
  claim(answerId: string): Promise<StreamedParts> | undefined {
    const uploadId = this.byAnswer.get(answerId);
    if (!uploadId) return undefined;
    this.byAnswer.delete(answerId);
    const e = this.entries.get(uploadId);
    if (!e) return undefined;
    const parts = e.session.finish();
    // the session stays until its progress has been seen as finished, then goes
    const drop = (): void => {
      setTimeout(() => this.discard(uploadId), 5_000).unref();
    };
    parts.then((p) => Promise.allSettled([p.audio.transcription, p.vision])).then(drop, drop);
    return parts;
  }

  /** A retake or a deleted upload: stop and forget the session (unless `keepSubmitted` and it became an answer). */
  discard(uploadId: string, keepSubmitted = false): void {
    const e = this.entries.get(uploadId);
    if (!e || (keepSubmitted && e.answerId)) return;
    clearInterval(e.ticker);
    e.session.close();
    this.entries.delete(uploadId);
    if (e.answerId) this.byAnswer.delete(e.answerId);
    const final = e.session.progress();
    for (const l of e.listeners) l({ ...final, finished: true });
  }

  close(): void {
    for (const id of [...this.entries.keys()]) this.discard(id);
  }
}
