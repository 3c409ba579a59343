/** Small helpers of the tus routes: who a practice upload belongs to, and where an upload lives. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Practice } from '../practice/practice.js';
import type { UploadBinding } from './upload-access.js';

/**
 * The practice owner of a tus request, as an upload binding. Creating an upload (POST) gives a browser without a
 * practice identity a new one; its cookie goes on the raw response, since tus writes that response itself.
 * Other requests never create an identity: no owner, no upload.
 */
export async function practiceBinding(p: Practice, request: FastifyRequest, reply: FastifyReply, app: FastifyInstance): Promise<UploadBinding | null> {
  const create = request.method === 'POST';
  const sink = {
    setCookie(name: string, value: string, opts: Parameters<FastifyInstance['serializeCookie']>[2]) {
      reply.raw.appendHeader('set-cookie', app.serializeCookie(name, value, opts));
      return sink;
    },
  };
  const owner = await p.identity.resolve(request, create ? (sink as unknown as FastifyReply) : reply, { create });
  return owner ? { kind: 'practice', ownerKey: owner.key } : null;
}

/** The relative URL of a new upload: under the URL that created it (`/api/uploads/<id>`, `/api/invite/<token>/uploads/<id>`). */
export function creationLocation(requestUrl: string, id: string): string {
  const path = new URL(requestUrl, 'http://localhost').pathname.replace(/\/+$/, '');
  return `${path}/${id}`;
}
