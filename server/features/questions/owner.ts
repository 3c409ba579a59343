/**
 * Who the practice user is, for their own questions, question sets and mock interviews: the practice owner key
 * of server/features/practice/owner.ts (`u:<user id>` when signed in, `a:<sha256>` of the anonymous
 * `ia_practice` cookie otherwise). No raw cookie value is stored.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../http/errors.js';
import type { Practice } from '../practice/practice.js';

/** The practice owner of this request (a browser without one gets an anonymous identity; 401 in accounts mode). */
export async function practiceOwner(p: Practice, request: FastifyRequest, reply: FastifyReply): Promise<string> {
  const owner = await p.identity.resolve(request, reply, { create: true });
  if (!owner) throw new Error('a practice identity was asked for with create: true and none was made');
  return owner.key;
}

/** The practice owner when the request already has one; null otherwise (public reads set no cookie and never need a sign-in). */
export async function existingPracticeOwner(p: Practice, request: FastifyRequest, reply: FastifyReply): Promise<string | null> {
  if (!p.enabled) return null;
  try {
    return (await p.identity.resolve(request, reply, { create: false }))?.key ?? null;
  } catch (err) {
    // accounts mode without a sign-in: the public bank only (any other failure is a real error)
    if (err instanceof HttpError && err.statusCode === 401) return null;
    throw err;
  }
}
