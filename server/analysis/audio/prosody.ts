/**
 * Runs measureProsody in a worker_threads Worker so a 2-minute YIN pass does not block the server's event loop.
 * Compiled, the worker is plain .js. Under tsx/vitest it is .ts: Node 20 ignores `execArgv: ['--import', 'tsx']` for a
 * .ts entry (ERR_UNKNOWN_FILE_EXTENSION), so a tiny eval'd bootstrap registers tsx's loader, then imports the .ts file.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ProsodyRaw } from './prosodyCore.js';

function spawnWorker(): Worker {
  const js = new URL('./prosody.worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return new Worker(js);
  const ts = new URL('./prosody.worker.ts', import.meta.url).href;
  const api = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(ts)}); })`;
  return new Worker(boot, { eval: true });
}

export function measureProsodyInWorker(samples: Float32Array, sampleRate: number, signal?: AbortSignal): Promise<ProsodyRaw> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'));
    const worker = spawnWorker();
    const onAbort = (): void => {
      void worker.terminate();
      reject(signal?.reason ?? new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = (): void => {
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
    };
    worker.once('message', (m: { ok: true; result: ProsodyRaw } | { ok: false; error: string }) => {
      done();
      if (m.ok) resolve(m.result);
      else reject(new Error(`prosody worker: ${m.error}`));
    });
    worker.once('error', (e) => {
      done();
      reject(e);
    });
    const copy = samples.slice(); // the caller keeps its samples; the copy is transferred
    worker.postMessage({ samples: copy, sampleRate }, [copy.buffer]);
  });
}
