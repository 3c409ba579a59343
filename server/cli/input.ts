/** Turns a file path into an AnalysisInput, or a one-line reason why it cannot be analysed. */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { FFPROBE, NotMediaError, probe, run } from '../media/ffmpeg.js';
import type { AnalysisInput } from '../engines/engine.js';

/** Last packet end, for files without a container duration (MediaRecorder webm). */
export async function durationFromPackets(path: string): Promise<number | null> {
  const r = await run(FFPROBE, ['-v', 'error', '-show_entries', 'packet=pts_time,duration_time', '-of', 'csv=p=0', path]);
  let end = 0;
  for (const line of r.stdout.toString('utf8').split('\n')) {
    const [pts, dur] = line.split(',').map(Number);
    if (pts !== undefined && Number.isFinite(pts)) end = Math.max(end, pts + (dur !== undefined && Number.isFinite(dur) ? dur : 0));
  }
  return end > 0 ? end : null;
}

export async function inputFor(file: string, question: string): Promise<AnalysisInput | { error: string }> {
  const path = resolve(file);
  if (!existsSync(path)) return { error: `${file}: no such file` };
  if (!statSync(path).isFile()) return { error: `${file}: not a file` };
  if (statSync(path).size === 0) return { error: `${file}: the file is empty` };
  try {
    const p = await probe(path);
    if (p.image) return { error: `${file}: this is an image (${p.image}), not a video` };
    if (!p.hasVideo && !p.hasAudio) return { error: `${file}: no audio or video stream` };
    const durationSec = p.durationSec ?? (await durationFromPackets(path));
    if (durationSec === null) return { error: `${file}: could not read the duration` };
    return { videoPath: path, question, durationSec, hasAudio: p.hasAudio, hasVideo: p.hasVideo };
  } catch (e) {
    if (e instanceof NotMediaError) return { error: `${file}: ${e.message}` };
    throw e;
  }
}
