/** Where answer videos live. Local disk by default; S3-compatible storage can implement the same interface. */
import type { Readable } from 'node:stream';

export interface StoredObject {
  size: number;
}

export interface Storage {
  /** Moves a finished local file (already fsynced) into storage under `key`. */
  putFile(key: string, localPath: string): Promise<StoredObject>;
  stat(key: string): Promise<StoredObject | null>;
  /** A byte range, both ends inclusive, like HTTP Range. */
  read(key: string, range?: { start: number; end: number }): Readable;
  /** A local path to analyse; `release` cleans up any temporary copy. */
  localFile(key: string): Promise<{ path: string; release(): Promise<void> }>;
  /** Removes every object whose key starts with `prefix`. */
  deletePrefix(prefix: string): Promise<void>;
}
