/**
 * One shared vision worker (the machine has few cores): models load once and are reused across analyses.
 * The worker is terminated after an idle timeout, or by closeVisionWorker().
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DetectRequest, WorkerMessage } from './worker.js';
import type { FrameObs } from './types.js';

export const IDLE_TIMEOUT_MS = 120_000;

/**
 * Under vitest/tsx this file is .ts and so is the worker; compiled, both are .js. On Node 20 a worker started
 * with execArgv ['--import', 'tsx'] still cannot load a .ts entry ("Unknown file extension"), so the .ts
 * worker is started by a two-line bootstrap that registers tsx's ESM hooks first, then imports it.
 */
function spawnWorker(workerData: { hands: boolean }): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url), { workerData });
  const require = createRequire(import.meta.url);
  const tsxApi = pathToFileURL(join(dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

interface Pending { resolve: (v: { obs: FrameObs; ms: number }) => void; reject: (e: Error) => void }

export class VisionWorker {
  readonly ready: Promise<number>;
  private worker: Worker;
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private dead: Error | null = null;

  constructor(readonly hands = false) {
    this.worker = spawnWorker({ hands });
    this.ready = new Promise<number>((resolve, reject) => {
      this.worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'ready') resolve(m.loadMs);
        else if (m.type === 'fatal') { this.fail(new Error(`vision models failed to load: ${m.message}`)); reject(this.dead); }
        else {
          const p = this.pending.get(m.id);
          this.pending.delete(m.id);
          if (m.type === 'result') p?.resolve({ obs: m.obs, ms: m.ms });
          else p?.reject(new Error(m.message));
        }
      });
      this.worker.on('error', (e) => { this.fail(e); reject(e); });
      this.worker.on('exit', (code) => { this.fail(new Error(`vision worker exited (${code})`)); reject(this.dead); });
    });
    this.ready.catch(() => undefined);
  }

  get alive(): boolean { return this.dead === null; }

  /** An idle worker must not keep the process alive (CLI, bench, tests). */
  setRef(on: boolean): void { if (on) this.worker.ref(); else this.worker.unref(); }

  /** Analyses one frame; the frame buffer is transferred to the worker (do not reuse it). */
  async detect(frame: Uint8Array, width: number, height: number, t: number): Promise<{ obs: FrameObs; ms: number }> {
    await this.ready;
    if (this.dead) throw this.dead;
    const id = this.nextId++;
    const req: DetectRequest = { id, frame, width, height, t };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage(req, [frame.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    this.fail(new Error('vision worker closed'));
    await this.worker.terminate();
  }

  private fail(err: Error): void {
    if (!this.dead) this.dead = err;
    for (const p of this.pending.values()) p.reject(this.dead);
    this.pending.clear();
  }
}

let shared: VisionWorker | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let users = 0;

/** Borrows the shared worker (starting it if needed); call release() when done so the idle timer can run. */
export function acquireVisionWorker(): { worker: VisionWorker; release: () => void } {
  if (idleTimer) { clearTimeout(idleTimer); idleTimer = null; }
  if (!shared || !shared.alive) shared = new VisionWorker(false);
  const worker = shared;
  worker.setRef(true);
  users++;
  let released = false;
  return {
    worker,
    release: () => {
      if (released) return;
      released = true;
      users--;
      if (users === 0 && shared === worker) {
        worker.setRef(false);
        idleTimer = setTimeout(() => void closeVisionWorker(), IDLE_TIMEOUT_MS);
        idleTimer.unref();
      }
    },
  };
}

/** Stops the shared worker (server shutdown, tests). */
export async function closeVisionWorker(): Promise<void> {
  if (idleTimer) { clearTimeout(idleTimer); idleTimer = null; }
  const w = shared;
  shared = null;
  if (w) await w.close();
}
