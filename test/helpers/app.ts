/** An in-process app on a fresh temporary data directory, for Fastify `inject` tests. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../server/config.js';
import { type Container, createContainer } from '../../server/container.js';
import { startWorker } from '../../server/features/analysis/worker.js';
import { buildApp } from '../../server/http/app.js';

export interface TestApp {
  app: Awaited<ReturnType<typeof buildApp>>;
  c: Container;
  dataDir: string;
  close(): Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}, opts: { worker?: boolean } = {}): Promise<TestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ia-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, ANALYSIS_ENGINE: 'quick', LOG_LEVEL: 'silent', ...env });
  const c = await createContainer(config, { logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }) });
  const app = await buildApp(c);
  await app.ready();
  if (opts.worker !== false) await startWorker(c);
  return {
    app,
    c,
    dataDir,
    async close() {
      await app.close();
      await c.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Builds a multipart/form-data body (fields first, then the file) for `inject`. */
export function multipart(fields: Record<string, string>, file?: { field?: string; name: string; type: string; data: Buffer }): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----ia${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${file.field ?? 'video'}"; filename="${file.name}"\r\ncontent-type: ${file.type}\r\n\r\n`));
    chunks.push(file.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
