/** Streams a multipart upload to a temporary file (never buffered whole), with size and type checks. */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { disarmBodyIdle } from '../../http/body-idle.js';
import { badRequest, HttpError } from '../../http/errors.js';

export interface ReceivedUpload {
  fields: Record<string, string>;
  file: { path: string; size: number; mimetype: string; filename: string } | null;
  /** Removes the temporary file, if any. */
  cleanup(): Promise<void>;
}

/** Video containers a browser or phone produces; `application/octet-stream` when the client does not know. */
const ACCEPTED_TYPES = /^(video\/(webm|mp4|quicktime|x-matroska|ogg|3gpp|x-m4v)|application\/octet-stream)(;.*)?$/i;

export async function receiveUpload(request: FastifyRequest, tmpDir: string, maxBytes: number, fileField = 'video'): Promise<ReceivedUpload> {
  if (!request.isMultipart()) {
    throw new HttpError(415, 'UNSUPPORTED_CONTENT_TYPE', `Send the video as multipart/form-data with a "${fileField}" file field (got ${request.headers['content-type'] ?? 'no content type'}).`);
  }
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + 64 * 1024) throw tooLarge(maxBytes);

  const fields: Record<string, string> = {};
  let file: ReceivedUpload['file'] = null;
  const tmpPath = join(tmpDir, `upload-${randomUUID()}`);
  const cleanup = async () => {
    await rm(tmpPath, { force: true });
  };
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 10_000 } })) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      if (part.fieldname !== fileField || file) {
        part.file.resume();
        throw badRequest('UNEXPECTED_FILE', `Unexpected file field "${part.fieldname}": send one file in the "${fileField}" field.`);
      }
      if (!ACCEPTED_TYPES.test(part.mimetype)) {
        part.file.resume();
        throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', `"${part.mimetype}" is not a video type: upload a WebM or MP4 video.`);
      }
      await pipeline(part.file, createWriteStream(tmpPath, { flags: 'wx' }));
      if (part.file.truncated) throw tooLarge(maxBytes);
      const h = await open(tmpPath, 'r+');
      const size = (await h.stat()).size;
      await h.sync();
      await h.close();
      file = { path: tmpPath, size, mimetype: part.mimetype, filename: part.filename };
    }
  } catch (err) {
    await cleanup();
    throw mapMultipartError(err, maxBytes);
  } finally {
    disarmBodyIdle(request); // the body is read (or abandoned): a silent client no longer matters
  }
  return { fields, file, cleanup };
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, 'FILE_TOO_LARGE', `The video is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit.`);
}

function mapMultipartError(err: unknown, maxBytes: number): unknown {
  if (err instanceof HttpError) return err;
  const code = (err as { code?: string }).code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge(maxBytes);
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new HttpError(413, 'TOO_MANY_PARTS', 'Send one video file and the questionId field only.');
    case 'FST_PROTO_VIOLATION':
      return badRequest('BAD_FIELD_NAME', 'A form field has a forbidden name.');
    case 'FST_MP_PREMATURE_CLOSE':
    case 'ECONNRESET':
    case 'ERR_STREAM_PREMATURE_CLOSE':
      return badRequest('UPLOAD_INTERRUPTED', 'The upload was interrupted before it finished. Please try again.');
    default:
      if (err instanceof Error && /Unexpected end of (form|multipart)|Malformed|boundary|terminated early/i.test(err.message)) {
        return badRequest('MALFORMED_UPLOAD', `The upload is not valid multipart/form-data (${err.message}).`);
      }
      return err;
  }
}
