/**
 * The worker side of streamed uploads in scale-out mode (docs/streaming.md "Scale-out"). A `stream` job is queued
 * when an upload is created; the worker that claims it reads the upload's chunks from storage in order as the API
 * stores them (polling the `streams` row) and feeds a StreamingSession. When the upload has become an answer (the
 * API attached it at submit), the worker finishes the tail and writes the report with the analysis handler, the same
 * path as every analysis (AnswerService.transition). A worker that dies loses its lease; the next one starts a new
 * session from the stored chunks, and the handler's `done` check keeps the answer finishing once.
 */
import type { StreamedParts } from '../../engines/engine.js';
import type { Job, JobHandler } from '../../infra/queue/queue.js';
import type { Storage } from '../../infra/storage/storage.js';
import type { AnswerRepository } from '../answers/answer.repository.js';
import { ANALYZE_JOB } from '../answers/answer.service.js';
import { ChunkSource, chunkPrefix } from './chunks.js';
import type { ByteSource, StreamingSession } from './session.js';
import type { StreamRepository } from './stream.repository.js';

export interface StreamJobDeps {
  repo: Pick<StreamRepository, 'get' | 'closeIfReceiving' | 'close' | 'setProgress'>;
  storage: Pick<Storage, 'read' | 'deletePrefix'>;
  answers: Pick<AnswerRepository, 'get'>;
  /** A session on the chunks (null: the engine cannot use one; the answer is then analysed from its file). */
  newSession: (source: ByteSource) => StreamingSession | null;
  /** The analysis handler (createAnalysisHandler) with the session's measurements for this answer. */
  analyse: (job: Job, signal: AbortSignal, streamed: (answerId: string) => Promise<StreamedParts> | undefined) => Promise<void>;
  log: { info(o: object, m?: string): void; warn(o: object, m?: string): void };
  /** how often the `streams` row is read for new chunks (ms) */
  pollMs?: number;
  /** an upload never submitted that gets no byte for this long ends its job (ms) */
  idleMs?: number;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

export function createStreamHandler(d: StreamJobDeps): JobHandler {
  const pollMs = d.pollMs ?? 250;
  const idleMs = d.idleMs ?? 30 * 60_000;
  /** Uploads this process is analysing: a job it claims again (its lock lapsed in a stall) waits for the run in progress. */
  const running = new Map<string, Promise<void>>();
  return async (job, signal) => {
    const uploadId = job.answerId; // a stream job's subject is the upload
    const current = running.get(uploadId);
    if (current) {
      d.log.warn({ uploadId }, 'stream job claimed again while this process still runs it (its lock lapsed): waiting for that run');
      return current;
    }
    const run = runJob(job, signal);
    running.set(uploadId, run);
    try {
      await run;
    } finally {
      running.delete(uploadId);
    }
  };

  async function runJob(job: Job, signal: AbortSignal): Promise<void> {
    const uploadId = job.answerId;
    let row = await d.repo.get(uploadId);
    if (!row || row.state === 'closed') return; // a retake, or expired
    if (row.answer_id) {
      const answer = await d.answers.get(row.answer_id);
      if (!answer || answer.status === 'done') return void (await cleanUp(uploadId));
    }
    const source = new ChunkSource(d.storage, uploadId);
    const session = d.newSession(source);
    // a second start for the same upload: its first worker died (or failed), this one begins again from the stored chunks
    d.log.info({ uploadId, attempt: job.attempt, storedChunks: row.chunks }, 'stream job started');
    try {
      let lastBytes = -1;
      let lastChange = Date.now();
      let marked = false;
      let shown = '';
      for (;;) {
        if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('aborted');
        row = await d.repo.get(uploadId);
        if (!row || row.state === 'closed') return; // a retake, or expired: the API removed the chunks
        source.setAvailable(row.chunks);
        session?.poke();
        if (row.bytes !== lastBytes) {
          lastBytes = row.bytes;
          lastChange = Date.now();
        }
        const complete = row.size !== null && row.bytes >= row.size;
        if (complete && !marked) {
          marked = true;
          session?.markComplete();
        }
        if (complete && row.state === 'submitted' && row.answer_id) break;
        if (row.state === 'receiving' && Date.now() - lastChange > idleMs && (await d.repo.closeIfReceiving(uploadId))) {
          d.log.info({ uploadId }, 'streamed upload idle and never submitted: stream job ends');
          await d.storage.deletePrefix(chunkPrefix(uploadId));
          return;
        }
        if (session) {
          const p = session.progress();
          const key = `${p.receivedSec}/${p.analysedSec}`;
          if (key !== shown) {
            shown = key;
            await d.repo.setProgress(uploadId, p.receivedSec, p.analysedSec).catch(() => undefined);
          }
        }
        await sleep(pollMs, signal);
      }
      const answerId = row.answer_id;
      await session?.drained();
      d.log.info({ uploadId, answerId, chunks: source.read }, 'streamed upload submitted: finishing its analysis');
      await d.analyse({ ...job, answerId, kind: ANALYZE_JOB }, signal, (id) => (id === answerId && session ? session.finish() : undefined));
      await cleanUp(uploadId);
    } catch (err) {
      // the answer failed for good: nobody reads the chunks again (a later retry analyses the stored video)
      if (job.attempt >= job.maxAttempts && !signal.aborted) await cleanUp(uploadId).catch(() => undefined);
      throw err;
    } finally {
      session?.close();
    }
  }

  async function cleanUp(uploadId: string): Promise<void> {
    await d.storage.deletePrefix(chunkPrefix(uploadId));
  }
}
