/** The behaviour every Storage adapter must have (local disk, S3). */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../../server/infra/storage/storage.js';

async function text(r: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of r) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString();
}

export function storageContract(name: string, make: () => Promise<{ storage: Storage; close(): Promise<void> }>): void {
  describe(`Storage contract: ${name}`, () => {
    let storage: Storage;
    let close: () => Promise<void>;
    let dir: string;
    const body = 'The quick brown fox jumps over the lazy dog. 0123456789';

    beforeAll(async () => {
      ({ storage, close } = await make());
      dir = await mkdtemp(join(tmpdir(), 'ia-storage-'));
    });
    afterAll(async () => {
      await close();
      await rm(dir, { recursive: true, force: true });
    });

    async function put(key: string, content = body) {
      const file = join(dir, randomUUID());
      await writeFile(file, content);
      return { stored: await storage.putFile(key, file), file };
    }

    it('stores a file under a key (moving it) and reports its size', async () => {
      const id = randomUUID();
      const { stored, file } = await put(`answers/${id}/answer.webm`);
      expect(stored.size).toBe(Buffer.byteLength(body));
      expect(existsSync(file)).toBe(false);
      expect(await storage.stat(`answers/${id}/answer.webm`)).toEqual({ size: Buffer.byteLength(body) });
      expect(await storage.stat(`answers/${id}/other.webm`)).toBeNull();
    });

    it('reads the whole object or an inclusive byte range', async () => {
      const key = `answers/${randomUUID()}/answer.webm`;
      await put(key);
      expect(await text(storage.read(key))).toBe(body);
      expect(await text(storage.read(key, { start: 4, end: 8 }))).toBe('quick');
      expect(await text(storage.read(key, { start: body.length - 10, end: body.length - 1 }))).toBe('0123456789');
    });

    it('a read of a missing object fails with an error, not an empty stream', async () => {
      await expect(text(storage.read(`answers/${randomUUID()}/none.webm`))).rejects.toThrow();
    });

    it('gives a local file to analyse (same bytes, same extension) and releases it', async () => {
      const key = `answers/${randomUUID()}/answer.mp4`;
      await put(key, 'video bytes');
      const local = await storage.localFile(key);
      expect(local.path.endsWith('.mp4')).toBe(true);
      expect(await readFile(local.path, 'utf8')).toBe('video bytes');
      await local.release();
      expect(await storage.stat(key)).toEqual({ size: 11 }); // the stored object stays
    });

    it('deletes everything under a prefix, and only that', async () => {
      const a = randomUUID();
      const b = `${a.slice(0, -1)}${a.endsWith('0') ? '1' : '0'}`; // a sibling sharing all but the last character
      await put(`answers/${a}/answer.webm`);
      await put(`answers/${a}/thumb.jpg`);
      await put(`answers/${b}/answer.webm`);
      await put(`answers/${a}x/answer.webm`);
      await storage.deletePrefix(`answers/${a}`);
      expect(await storage.stat(`answers/${a}/answer.webm`)).toBeNull();
      expect(await storage.stat(`answers/${a}/thumb.jpg`)).toBeNull();
      expect(await storage.stat(`answers/${b}/answer.webm`)).not.toBeNull();
      expect(await storage.stat(`answers/${a}x/answer.webm`)).not.toBeNull();
      await storage.deletePrefix(`answers/${randomUUID()}`); // nothing there: no error
    });

    it('stores a large file intact (S3: a multipart upload) and reads a range across part boundaries', async () => {
      const key = `answers/${randomUUID()}/answer.webm`;
      const big = Buffer.alloc(17 * 1024 * 1024);
      for (let i = 0; i < big.length; i += 4) big.writeUInt32LE(i, i);
      const file = join(dir, randomUUID());
      await writeFile(file, big);
      expect(await storage.putFile(key, file)).toEqual({ size: big.length });
      const at = 8 * 1024 * 1024 - 8; // straddles the first 8 MiB part boundary
      const chunks: Buffer[] = [];
      for await (const c of storage.read(key, { start: at, end: at + 15 })) chunks.push(c as Buffer);
      expect(Buffer.concat(chunks)).toEqual(big.subarray(at, at + 16));
      const local = await storage.localFile(key);
      expect((await readFile(local.path)).equals(big)).toBe(true);
      await local.release();
      await storage.deletePrefix(key.slice(0, key.lastIndexOf('/')));
    });

    it('refuses keys that could escape or that the app never makes', async () => {
      const file = join(dir, 'x');
      await writeFile(file, 'x');
      for (const bad of ['../etc/passwd', 'answers/../../x', '/abs/path', 'answers//x', 'answers/x y', '']) {
        await expect(storage.putFile(bad, file)).rejects.toThrow(/invalid storage key/);
        await expect(storage.stat(bad)).rejects.toThrow(/invalid storage key/);
        expect(() => storage.read(bad)).toThrow(/invalid storage key/);
      }
      await expect(storage.deletePrefix('..')).rejects.toThrow(/invalid storage key/);
    });
  });
}
