import type { IncomingMessage } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStore } from '@tus/file-store';
import { Upload } from '@tus/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creationLocation } from './practice-upload.js';
import { creationMetadata, OWNER_KEY, UploadAccess } from './upload-access.js';

describe('upload access', () => {
  let dir: string;
  let store: FileStore;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ia-upload-access-'));
    store = new FileStore({ directory: dir });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('binds an upload to its creator in its metadata, sealed; anyone else, nobody, a bad id and an unknown id get the same 404', async () => {
    const access = new UploadAccess(() => store);
    const raw = {} as IncomingMessage;
    const alice = { kind: 'practice', ownerKey: 'a:alice' } as const;
    access.bindCreation(raw, alice);
    const upload = new Upload({ id: 'up1', offset: 0, metadata: { filetype: 'video/webm', [OWNER_KEY]: 'forged by the client' } });
    const metadata = access.metadataFor({ runtime: { node: { req: raw } } }, upload);
    expect(metadata.filetype).toBe('video/webm');
    expect(metadata[OWNER_KEY]).toMatch(/^[0-9a-f]{64}$/); // the client's value is replaced; no owner key in clear
    expect(JSON.stringify(metadata)).not.toContain('alice');
    await store.create(new Upload({ ...upload, metadata }));

    await expect(access.check('up1', alice)).resolves.toMatchObject({ id: 'up1' });
    await expect(access.allow('up1', alice)).resolves.toBeUndefined();
    for (const [id, who] of [
      ['up1', { kind: 'practice', ownerKey: 'a:mallory' }],
      ['up1', { kind: 'invite', inviteId: 'a:alice' }], // the same string as another kind is another binding
      ['up1', null],
      ['nope', alice],
      ['../up1', alice],
    ] as const) {
      await expect(access.check(id, who)).rejects.toMatchObject({ statusCode: 404, code: 'UPLOAD_NOT_FOUND' });
      await expect(access.allow(id, who)).rejects.toMatchObject({ statusCode: 404, code: 'UPLOAD_NOT_FOUND' });
    }
  });

  it('refuses to create an upload no route bound', () => {
    const access = new UploadAccess(() => store);
    expect(() => access.metadataFor({ runtime: { node: { req: {} } } }, new Upload({ id: 'x', offset: 0 }))).toThrow();
  });

  it('reads tus creation metadata and places an upload under the URL that created it', () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    expect(creationMetadata(`filetype ${b64('video/webm')},questionId ${b64('q-1')},empty`)).toEqual({ filetype: 'video/webm', questionId: 'q-1', empty: '' });
    expect(creationMetadata(undefined)).toEqual({});
    expect(creationLocation('http://127.0.0.1:3000/api/uploads', 'abc')).toBe('/api/uploads/abc');
    expect(creationLocation('http://h/api/invite/TOKEN/uploads/', 'abc')).toBe('/api/invite/TOKEN/uploads/abc');
  });
});
