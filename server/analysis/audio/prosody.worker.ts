/** Worker thread: the CPU-heavy pure-JS measurements (YIN pitch, intensity, syllable nuclei). */
import { parentPort } from 'node:worker_threads';
import { backgroundThisThread } from '../../media/ffmpeg.js';
import { measureProsody } from './prosodyCore.js';

// Analysis yields the CPU to the HTTP event loop (see BACKGROUND_NICENESS).
backgroundThisThread();

parentPort?.on('message', (msg: { samples: Float32Array; sampleRate: number }) => {
  try {
    parentPort?.postMessage({ ok: true, result: measureProsody(msg.samples, msg.sampleRate) });
  } catch (err) {
    parentPort?.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
