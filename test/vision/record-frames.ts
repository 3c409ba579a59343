/** Records per-frame observations of the fixtures as test data: npx tsx test/vision/record-frames.ts [fps] */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { probe } from '../../server/media/ffmpeg.js';
import { acquireVisionWorker, closeVisionWorker } from '../../server/analysis/vision/pool.js';
import { observeVideo } from '../../server/analysis/vision/observe.js';
import { fixture, repoRoot } from '../helpers/fixtures.js';

const names = ['clear-answer.webm', 'clear-answer.mp4', 'fillers-pauses.webm', 'silent-face.webm', 'looking-away.webm', 'no-face.webm', 'fast.webm'];
const fps = Number(process.argv[2] ?? 2);
const { worker, release } = acquireVisionWorker();
console.log('model load ms', await worker.ready);
for (const name of names) {
  const p = await probe(fixture(name));
  const r = await observeVideo(worker, fixture(name), { fps, width: 320, srcWidth: p.width ?? 640, srcHeight: p.height ?? 480 });
  console.log(name, r.frames.length, 'frames', r.wallMs, 'ms wall', r.modelMs, 'ms model');
  writeFileSync(join(repoRoot, 'test/vision/data', `${name}.frames.json`), JSON.stringify({ fixture: name, fps, frames: r.frames }));
}
release();
await closeVisionWorker();
