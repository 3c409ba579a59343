/** Makes small test videos with ffmpeg's generators, for inputs the shared fixtures do not cover. */
import { FFMPEG, run } from '../../server/media/ffmpeg.js';

export async function makeVideo(out: string, args: string[]): Promise<string> {
  const r = await run(FFMPEG, ['-v', 'error', '-y', ...args, out]);
  if (r.code !== 0) throw new Error(`ffmpeg failed making ${out}: ${r.stderr}`);
  return out;
}

/** A frame of `w`x`h` (MJPEG in Matroska: fast to make at any size) with a silent audio track. */
export const hugeFrameVideo = (out: string, w: number, h: number) =>
  makeVideo(out, ['-f', 'lavfi', '-i', `color=c=gray:size=${w}x${h}:rate=1:d=1`, '-f', 'lavfi', '-i', 'anullsrc=r=16000:cl=mono', '-t', '1', '-c:v', 'mjpeg', '-c:a', 'pcm_s16le']);

/** A tiny but long video (MJPEG + 8 kHz mu-law in Matroska: quick to make) of `sec` seconds. */
export const longVideo = (out: string, sec: number) =>
  makeVideo(out, ['-f', 'lavfi', '-i', `color=c=blue:size=64x48:rate=1:d=${sec}`, '-f', 'lavfi', '-i', 'anullsrc=r=8000:cl=mono', '-t', String(sec), '-c:v', 'mjpeg', '-c:a', 'pcm_mulaw']);
