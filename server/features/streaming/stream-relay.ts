/**
 * The API side of streamed uploads in scale-out mode (ROLE=api, docs/streaming.md "Scale-out"): a `streams` row and a
 * `stream` job per upload, the upload's bytes copied to storage as chunks after every PATCH, the answer attached to
 * the stream job at submit, and the chunks removed on a retake or expiry. Disabled (every call a no-op) with ROLE=all,
 * where the session runs in the API process itself (StreamingService).
 */
import type { StreamProgress } from '../../../contracts/uploads.js';
import type { JobQueue } from '../../infra/queue/queue.js';
import type { Storage } from '../../infra/storage/storage.js';
import { ChunkWriter, chunkPrefix } from './chunks.js';
import type { StreamRepository } from './stream.repository.js';

export const STREAM_JOB = 'stream';

export interface StreamRelayDeps {
  /** true with ROLE=api: the workers analyse streamed uploads from their chunks */
  enabled: boolean;
  repo: StreamRepository;
  storage: Storage;
  /** the queue of stream jobs (infra: `stream_jobs` table or BullMQ queue `stream`) */
  queue: JobQueue;
  tmpDir: string;
  log: { warn(o: object, m?: string): void };
}

export class StreamRelay {
  private readonly writer: ChunkWriter;

  constructor(private readonly d: StreamRelayDeps) {
    this.writer = new ChunkWriter({ storage: d.storage, repo: d.repo, tmpDir: d.tmpDir });
  }

  get enabled(): boolean {
    return this.d.enabled;
  }

  /** A new upload: its row and its stream job (queued first, so the PATCHes that follow find the row). */
  created(uploadId: string): void {
    if (!this.d.enabled) return;
    void this.writer
      .run(uploadId, async () => {
        await this.d.repo.create(uploadId);
        await this.d.queue.enqueue(uploadId, STREAM_JOB);
      })
      .catch((e: unknown) => this.d.log.warn({ uploadId, err: (e as Error).message }, 'streamed upload not relayed to the workers; it will be analysed after submit'));
  }

  /** Bytes arrived (after a PATCH): store the new ones as the next chunk. `size`: the upload's length, once known. */
  received(uploadId: string, path: string, size: number | undefined): void {
    if (!this.d.enabled) return;
    void this.writer.store(uploadId, path, size).catch((e: unknown) => this.d.log.warn({ uploadId, err: (e as Error).message }, 'chunk not stored yet; the next PATCH or the submit stores it'));
  }

  /** Before submit: every byte of the complete upload is stored (rejects when storage fails: the submit then fails, nothing is lost). */
  async flush(uploadId: string, path: string, size: number): Promise<void> {
    if (!this.d.enabled) return;
    await this.writer.store(uploadId, path, size);
  }

  /**
   * The upload became `answerId`: true when its stream job will write the report (then no analyze job is queued);
   * false when there is no stream job for it (relay off, or the job gave up on the upload).
   */
  async attach(uploadId: string, answerId: string): Promise<boolean> {
    if (!this.d.enabled) return false;
    const row = await this.d.repo.get(uploadId);
    if (!row || row.size === null || row.bytes < row.size) return false;
    return this.d.repo.attach(uploadId, answerId);
  }

  /** A retake (tus DELETE) or an expired upload: the stream job ends and the chunks go. */
  async discard(uploadId: string): Promise<void> {
    if (!this.d.enabled) return;
    await this.writer.run(uploadId, async () => {
      const row = await this.d.repo.get(uploadId);
      if (!row || row.state === 'submitted') return;
      await this.d.repo.close(uploadId);
      await this.d.storage.deletePrefix(chunkPrefix(uploadId));
    });
  }

  /** The expiry sweep: uploads without a byte for `idleMs` are discarded; closed rows older than that are forgotten. */
  async expire(idleMs: number): Promise<number> {
    if (!this.d.enabled) return 0;
    const before = new Date(Date.now() - idleMs);
    const ids = await this.d.repo.idleSince(before);
    for (const id of ids) await this.discard(id);
    await this.d.repo.forgetClosed(before);
    return ids.length;
  }

  /** For reconcile() (on a worker too): the answer is analysed by a stream job that is still queued or running. */
  async analysesAnswer(answerId: string): Promise<boolean> {
    const uploadId = await this.d.repo.submittedFor(answerId);
    return uploadId !== null && (await this.d.queue.hasActiveJob(uploadId));
  }

  /** What the worker's session has measured so far (null: no stream for this upload). */
  async progress(uploadId: string): Promise<StreamProgress | null> {
    if (!this.d.enabled) return null;
    const row = await this.d.repo.get(uploadId);
    if (!row) return null;
    const complete = row.size !== null && row.bytes >= row.size;
    // once submitted (or closed) the answer's own events tell the rest
    return { receivedSec: row.received_sec, analysedSec: row.analysed_sec, complete, finished: row.state !== 'receiving', error: null };
  }

  /** Follows the progress the worker writes to the `streams` row (every `everyMs`); returns the unsubscribe function. */
  subscribe(uploadId: string, fn: (p: StreamProgress) => void, everyMs = 500): () => void {
    let last = '';
    const timer = setInterval(() => {
      void this.progress(uploadId).then((p) => {
        const key = JSON.stringify(p);
        if (!p || key === last) return;
        last = key;
        fn(p);
      }, () => undefined);
    }, everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
