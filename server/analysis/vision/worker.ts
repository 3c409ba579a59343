/** worker_threads entry: loads Human once, then turns raw RGB frames into FrameObs, one message at a time. */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { backgroundThisThread } from '../../media/ffmpeg.js';
import { createHuman } from './human.js';
import { toFrameObs, type HumanResultLike } from './features.js';

// Analysis yields the CPU to the HTTP event loop (see BACKGROUND_NICENESS).
backgroundThisThread();

export interface DetectRequest {
  id: number;
  frame: Uint8Array;
  width: number;
  height: number;
  t: number;
}
export type WorkerMessage =
  | { type: 'ready'; loadMs: number }
  | { type: 'fatal'; message: string }
  | { type: 'result'; id: number; obs: import('./types.js').FrameObs; ms: number }
  | { type: 'error'; id: number; message: string };

if (!parentPort) throw new Error('vision worker must run in a worker thread');
const port: MessagePort = parentPort;
const hands = Boolean((workerData as { hands?: boolean } | null)?.hands);
const started = performance.now();

createHuman({ hands }).then(
  ({ human, tf }) => {
    port.postMessage({ type: 'ready', loadMs: Math.round(performance.now() - started) } satisfies WorkerMessage);
    // one frame at a time: Human is not re-entrant, and messages can arrive while a frame is being analysed
    let queue: Promise<void> = Promise.resolve();
    port.on('message', (req: DetectRequest) => {
      queue = queue.then(() => detectOne(req));
    });
    async function detectOne(req: DetectRequest): Promise<void> {
      const t0 = performance.now();
      const input = tf.tensor3d(req.frame, [req.height, req.width, 3], 'int32');
      try {
        const r = await human.detect(input);
        if (r.error) throw new Error(r.error);
        const obs = toFrameObs(req.t, r as unknown as HumanResultLike, hands);
        port.postMessage({ type: 'result', id: req.id, obs, ms: performance.now() - t0 } satisfies WorkerMessage);
      } catch (err) {
        port.postMessage({ type: 'error', id: req.id, message: (err as Error).message } satisfies WorkerMessage);
      } finally {
        tf.dispose(input);
      }
    }
  },
  (err: unknown) => port.postMessage({ type: 'fatal', message: (err as Error).message } satisfies WorkerMessage),
);
