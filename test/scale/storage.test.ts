/** Local disk and S3 (s3rver on loopback) pass the same storage contract. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDiskStorage } from '../../server/infra/storage/local-storage.js';
import { S3Storage } from '../../server/infra/storage/s3-storage.js';
import { startS3 } from '../helpers/services.js';
import { storageContract } from './storage-contract.js';

storageContract('local disk', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ia-local-'));
  return { storage: new LocalDiskStorage(dir), close: () => rm(dir, { recursive: true, force: true }) };
});

storageContract('S3 (s3rver)', async () => {
  const s3 = await startS3();
  const tmp = await mkdtemp(join(tmpdir(), 'ia-s3tmp-'));
  const storage = new S3Storage({ bucket: s3.bucket, endpoint: s3.url, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true, tmpDir: tmp });
  await storage.check();
  return {
    storage,
    async close() {
      storage.close();
      await s3.stop();
      await rm(tmp, { recursive: true, force: true });
    },
  };
});
