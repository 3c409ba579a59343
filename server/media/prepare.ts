/**
 * Checks an uploaded file and turns it into a seekable video for analysis and playback:
 * ffprobe says whether it is a video with an audio track; ffmpeg remuxes it (browser webm has no
 * duration or cues) and the result's duration exposes truncated files.
 */
import { rm } from 'node:fs/promises';
import { badRequest } from '../http/errors.js';
import { decodeProblems, FFMPEG, type ProbeResult, probe, run, NotMediaError } from './ffmpeg.js';

export interface PreparedVideo {
  path: string;
  mime: string;
  durationSec: number;
  hasAudio: boolean;
  hasVideo: boolean;
  width: number | null;
  height: number | null;
}

export interface PrepareLimits {
  maxDurationSec: number;
  /** Largest frame side accepted (pixels). */
  maxDimension?: number;
}

const WEBM_VIDEO = new Set(['vp8', 'vp9', 'av1']);
const WEBM_AUDIO = new Set(['opus', 'vorbis']);
const MP4_VIDEO = new Set(['h264', 'hevc', 'av1']);
const MP4_AUDIO = new Set(['aac', 'mp3', 'opus']);

/** Validates `input` and writes the playable copy to `outBase` + extension. Throws HttpError (400) for bad input. */
export async function prepareVideo(input: string, outBase: string, limits: PrepareLimits, signal?: AbortSignal): Promise<PreparedVideo> {
  let info: ProbeResult;
  try {
    info = await probe(input, signal);
  } catch (e) {
    if (e instanceof NotMediaError) throw badRequest('NOT_A_VIDEO', `The upload is ${e.message}.`);
    throw e;
  }
  if (info.image) throw badRequest('IMAGE_NOT_VIDEO', `This is an image (${info.image}), not a video. Upload the recorded answer as a video (WebM or MP4).`);
  if (!info.hasVideo) throw badRequest('NO_VIDEO_TRACK', 'The file has no video track. Please record with your camera on.');
  if (!info.hasAudio) throw badRequest('NO_AUDIO_TRACK', 'The video has no audio track. Check that your microphone is on and allowed, then record again.');
  const maxDim = limits.maxDimension ?? 4096;
  if ((info.width ?? 0) > maxDim || (info.height ?? 0) > maxDim) {
    throw badRequest('VIDEO_TOO_LARGE_FRAME', `The video frame is ${info.width}x${info.height}; the largest accepted side is ${maxDim} pixels.`);
  }
  if (info.durationSec !== null && info.durationSec > limits.maxDurationSec + 1) throw tooLong(info.durationSec, limits.maxDurationSec);

  const plan = remuxPlan(info);
  const out = `${outBase}.${plan.ext}`;
  const r = await run(FFMPEG, ['-v', 'error', '-nostdin', '-y', '-i', input, ...plan.args, out], { signal });
  const problems = decodeProblems(r.stderr);
  const fail = async (code: string, msg: string) => {
    await rm(out, { force: true });
    return badRequest(code, msg);
  };
  if (r.code !== 0 && /No space left on device|Disk quota exceeded/i.test(r.stderr)) {
    await rm(out, { force: true });
    throw Object.assign(new Error('no space left to write the prepared video'), { code: 'ENOSPC' }); // 507, not the user's fault
  }
  if (r.code !== 0) throw await fail('UNDECODABLE_VIDEO', `The video could not be read (${lastLine(r.stderr)}). Please record again.`);

  let outInfo: ProbeResult;
  try {
    outInfo = await probe(out, signal);
  } catch {
    throw await fail('UNDECODABLE_VIDEO', 'The video could not be read after conversion. Please record again.');
  }
  const duration = outInfo.durationSec ?? 0;
  const truncated = problems.some((p) => /ended prematurely|truncat/i.test(p)) || (info.durationSec !== null && duration < info.durationSec * 0.9 - 0.5);
  if (truncated) {
    throw await fail('TRUNCATED_VIDEO', `The video file is incomplete: it stops at ${duration.toFixed(1)} s${info.durationSec ? ` of the ${info.durationSec.toFixed(1)} s its header announces` : ''}. The upload may have been cut off; please try again.`);
  }
  if (duration <= 0) throw await fail('EMPTY_VIDEO', 'The video contains no frames.');
  if (duration > limits.maxDurationSec + 1) {
    await rm(out, { force: true });
    throw tooLong(duration, limits.maxDurationSec);
  }
  return { path: out, mime: plan.mime, durationSec: duration, hasAudio: outInfo.hasAudio, hasVideo: outInfo.hasVideo, width: outInfo.width, height: outInfo.height };
}

interface RemuxPlan {
  ext: string;
  mime: string;
  args: string[];
}

/** Copy the streams when the target container takes them; transcode otherwise. */
export function remuxPlan(info: Pick<ProbeResult, 'videoCodec' | 'audioCodec'>): RemuxPlan {
  const v = info.videoCodec ?? '';
  const a = info.audioCodec ?? '';
  const map = ['-map', '0:v:0', '-map', '0:a:0'];
  if (WEBM_VIDEO.has(v) && WEBM_AUDIO.has(a)) return { ext: 'webm', mime: 'video/webm', args: [...map, '-c', 'copy'] };
  if (MP4_VIDEO.has(v) && MP4_AUDIO.has(a)) return { ext: 'mp4', mime: 'video/mp4', args: [...map, '-c', 'copy', '-movflags', '+faststart'] };
  return {
    ext: 'mp4',
    mime: 'video/mp4',
    args: [...map, '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '128k', '-movflags', '+faststart'],
  };
}

function tooLong(sec: number, max: number) {
  return badRequest('VIDEO_TOO_LONG', `The video is ${Math.round(sec)} s long; the limit is ${max} s.`);
}

/** ffmpeg's last line, without its [component] prefix or any file path (a message never shows a server path). */
export function lastLine(s: string): string {
  return (s.trim().split('\n').pop() ?? 'unknown error')
    .replace(/^\[[^\]]*\]\s*/, '')
    .replace(/(^|[\s'"(])\/[^\s'":]+:?/g, '$1')
    .trim()
    .slice(0, 200);
}
