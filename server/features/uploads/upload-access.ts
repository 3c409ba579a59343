/**
 * Who may touch a resumable upload. Each upload is bound when it is created to whoever created it: the practice
 * owner (`features/practice/owner.ts`: a signed-in user or the anonymous `ia_practice` identity) or the invite whose
 * token created it. The binding is written into the upload's own metadata (`owner`, a SHA-256 of the binding, so
 * neither an owner key nor an invite id is handed back in `Upload-Metadata`) by tus' `onUploadCreate`, so it lives
 * as long as the upload, whatever store holds it. Every later request (HEAD, PATCH, DELETE, /events, /submit) from
 * anyone else gets the same 404 as an upload that does not exist: the answer never confirms that an id is in use.
 */
import type { IncomingMessage } from 'node:http';
import type { DataStore, Upload } from '@tus/server';
import { notFound } from '../../http/errors.js';
import { sha256 } from '../auth/tokens.js';

/** The metadata key that holds the sealed binding (whatever the client sent under it is replaced). */
export const OWNER_KEY = 'owner';

export type UploadBinding = { kind: 'practice'; ownerKey: string } | { kind: 'invite'; inviteId: string };

const seal = (b: UploadBinding): string => sha256(`upload-owner\n${b.kind === 'practice' ? `p:${b.ownerKey}` : `i:${b.inviteId}`}`);

/** The one 404 for an unknown upload and for someone else's. */
export const uploadNotFound = (id: string) => notFound('UPLOAD_NOT_FOUND', `No upload with id "${id.slice(0, 100)}".`);

const CACHE_MAX = 10_000;
const UPLOAD_ID = /^[A-Za-z0-9_-]{1,100}$/;

export class UploadAccess {
  /** the binding of a creation request in flight, read by onUploadCreate */
  private readonly creating = new WeakMap<IncomingMessage, string>();
  /** upload id -> sealed binding: PATCHes come about once a second per take, the store is not read for each */
  private readonly known = new Map<string, string>();

  constructor(private readonly store: () => DataStore) {}

  /** The route calls this before handing a creation request (POST) to tus. */
  bindCreation(raw: IncomingMessage, binding: UploadBinding): void {
    this.creating.set(raw, seal(binding));
  }

  /**
   * For tus' `onUploadCreate`: the upload's metadata with the binding of the route that let the request through.
   * A creation request that no route bound (it cannot happen through the routes) is refused.
   */
  metadataFor(req: { runtime?: { node?: { req?: unknown } | undefined } | undefined }, upload: Upload): Record<string, string | null> {
    const raw = req.runtime?.node?.req;
    const sealed = raw ? this.creating.get(raw as IncomingMessage) : undefined;
    if (!sealed) throw { status_code: 403, body: JSON.stringify({ error: 'This upload has no owner.', code: 'UPLOAD_OWNER_MISSING' }) };
    this.known.set(upload.id, sealed);
    this.trim();
    return { ...(upload.metadata ?? {}), [OWNER_KEY]: sealed };
  }

  /**
   * The upload `id` if it exists and belongs to `binding`; otherwise the same 404 either way. `binding` null (a
   * request without an owner, e.g. a browser with no practice cookie) never matches.
   */
  async check(id: string, binding: UploadBinding | null): Promise<Upload> {
    if (!UPLOAD_ID.test(id)) throw uploadNotFound(id); // never a path: the store is not even asked
    let upload: Upload;
    try {
      upload = await this.store().getUpload(id);
    } catch {
      this.known.delete(id);
      throw uploadNotFound(id);
    }
    const sealed = upload.metadata?.[OWNER_KEY] ?? null;
    if (sealed) {
      this.known.set(id, sealed);
      this.trim();
    }
    if (!binding || !sealed || sealed !== seal(binding)) throw uploadNotFound(id);
    return upload;
  }

  /** A cheaper check for the transport requests (HEAD, PATCH, DELETE): the store is read once per upload. */
  async allow(id: string, binding: UploadBinding | null): Promise<void> {
    const sealed = this.known.get(id);
    if (sealed !== undefined && binding && sealed === seal(binding)) return;
    await this.check(id, binding);
  }

  /** The upload is gone (submitted or deleted). */
  forget(id: string): void {
    this.known.delete(id);
  }

  private trim(): void {
    while (this.known.size > CACHE_MAX) {
      const first = this.known.keys().next().value;
      if (first === undefined) break;
      this.known.delete(first);
    }
  }
}

/** The `Upload-Metadata` header of a tus creation request (`key base64,key base64`), decoded. */
export function creationMetadata(header: string | string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  for (const pair of value.split(',')) {
    const [key, b64] = pair.trim().split(' ');
    if (!key) continue;
    out[key] = b64 ? Buffer.from(b64, 'base64').toString('utf8') : '';
  }
  return out;
}
