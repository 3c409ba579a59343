/**
 * A streamed upload as chunk objects in Storage (local disk or S3), for ROLE=api + ROLE=worker (docs/streaming.md
 * "Scale-out"). The API keeps the tus upload on its disk and, after every PATCH, stores the bytes it had not stored
 * yet as the next object `streams/<uploadId>/<seq>`: contiguous byte ranges, in order. A worker reads them back in
 * the same order (ChunkSource) and feeds its StreamingSession.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Storage } from '../../infra/storage/storage.js';
import type { ByteSource } from './session.js';
import type { StreamRepository } from './stream.repository.js';

/** The storage prefix of an upload's chunks. */
export const chunkPrefix = (uploadId: string): string => `streams/${uploadId}`;
export const chunkKey = (uploadId: string, seq: number): string => `${chunkPrefix(uploadId)}/${String(seq).padStart(6, '0')}`;

export interface ChunkWriterDeps {
  storage: Storage;
  repo: Pick<StreamRepository, 'get' | 'stored' | 'setSize'>;
  /** where a chunk is staged before it goes to storage (same file system as DATA_DIR) */
  tmpDir: string;
}

/**
 * Copies the new bytes of an upload file to storage, one chunk per call, one call at a time per upload. Each call
 * stores everything from the last stored byte to the file's current end, so a call that never happened (a crash
 * after tus acknowledged a PATCH) is made good by the next one.
 */
export class ChunkWriter {
  private readonly chains = new Map<string, Promise<void>>();

  constructor(private readonly d: ChunkWriterDeps) {}

  /** Runs `fn` after everything queued for this upload (errors are the caller's; the chain goes on). */
  run<T>(uploadId: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.chains.get(uploadId) ?? Promise.resolve();
    const p = prev.then(fn);
    const tail = p.then(
      () => undefined,
      () => undefined,
    );
    this.chains.set(uploadId, tail);
    void tail.then(() => {
      if (this.chains.get(uploadId) === tail) this.chains.delete(uploadId);
    });
    return p;
  }

  /** Stores the bytes of `path` not stored yet as the next chunk; `size` is the upload's length when known. */
  store(uploadId: string, path: string, size: number | undefined): Promise<void> {
    return this.run(uploadId, () => this.copy(uploadId, path, size));
  }

  private async copy(uploadId: string, path: string, size: number | undefined): Promise<void> {
    const row = await this.d.repo.get(uploadId);
    if (!row || row.state === 'closed') return;
    let end: number;
    try {
      end = (await stat(path)).size;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return; // terminated or already submitted
      throw e;
    }
    const known = size ?? row.size;
    if (end <= row.bytes) {
      if (known !== null && known !== row.size) await this.d.repo.setSize(uploadId, known);
      return;
    }
    const tmp = join(this.d.tmpDir, `chunk-${randomUUID()}`);
    try {
      await pipeline(createReadStream(path, { start: row.bytes, end: end - 1 }), createWriteStream(tmp));
      await this.d.storage.putFile(chunkKey(uploadId, row.chunks), tmp);
    } finally {
      await rm(tmp, { force: true });
    }
    await this.d.repo.stored(uploadId, row.chunks + 1, end, known ?? null);
  }
}

/** Reads an upload's chunks from storage in order, as far as `available` says they are stored. */
export class ChunkSource implements ByteSource {
  private next = 0;
  private available = 0;

  constructor(
    private readonly storage: Pick<Storage, 'read'>,
    private readonly uploadId: string,
  ) {}

  /** Chunks 0 .. n-1 are stored (the `streams` row says so). */
  setAvailable(n: number): void {
    this.available = Math.max(this.available, n);
  }

  /** Chunks read so far. */
  get read(): number {
    return this.next;
  }

  async *pull(): AsyncIterable<Buffer> {
    while (this.next < this.available) {
      const parts: Buffer[] = [];
      for await (const part of this.storage.read(chunkKey(this.uploadId, this.next))) parts.push(part as Buffer);
      this.next++;
      yield Buffer.concat(parts);
    }
  }
}
