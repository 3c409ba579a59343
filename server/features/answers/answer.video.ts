import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Container } from '../../container.js';
import type { AnswerScope } from '../../db/schema.js';
import { HttpError, notFound } from '../../http/errors.js';

/** Parses a single-range `bytes=a-b` header against a size; null = whole file. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) throw new HttpError(416, 'BAD_RANGE', `Unsupported Range "${header.slice(0, 50)}".`);
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) throw new HttpError(416, 'BAD_RANGE', `Range "${header.slice(0, 50)}" is outside the ${size}-byte file.`);
  return { start, end };
}

/** Serves an answer's video; with `scope` (or `owner`), an answer of another scope (or owner) is not found. */
export async function serveVideo(c: Container, id: string, request: FastifyRequest, reply: FastifyReply, scope?: AnswerScope, owner?: string) {
  const row = await c.answerRepo.get(id);
  if (!row || (scope && row.scope !== scope) || (owner !== undefined && row.owner !== owner)) throw notFound('ANSWER_NOT_FOUND', `No answer with id "${id.slice(0, 80)}".`);
  return sendVideo(c, row, request, reply);
}

/** Streams a stored answer video (whole, or one Range). */
export async function sendVideo(c: Container, row: { media_key: string; mime: string }, request: FastifyRequest, reply: FastifyReply) {
  const obj = await c.storage.stat(row.media_key);
  if (!obj) throw notFound('VIDEO_NOT_FOUND', 'The video of this answer is no longer stored.');
  let range: { start: number; end: number } | null;
  try {
    range = parseRange(request.headers.range, obj.size);
  } catch (e) {
    void reply.header('content-range', `bytes */${obj.size}`);
    throw e;
  }
  void reply.header('accept-ranges', 'bytes').header('content-type', row.mime).header('cache-control', 'private, max-age=3600');
  if (!range) return reply.header('content-length', obj.size).send(c.storage.read(row.media_key));
  return reply
    .status(206)
    .header('content-range', `bytes ${range.start}-${range.end}/${obj.size}`)
    .header('content-length', range.end - range.start + 1)
    .send(c.storage.read(row.media_key, range));
}
