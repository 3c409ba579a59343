/** The tus protocol as a browser's tus-js-client speaks it (creation with a deferred length, PATCH per chunk), over fetch. */
export const TUS = { 'tus-resumable': '1.0.0' };
const b64 = (s: string) => Buffer.from(s).toString('base64');

export interface TusClient {
  /** POST to the collection URL (e.g. `/api/uploads`, `/api/invite/<token>/uploads`) with the given metadata. */
  create(collection: string, metadata?: Record<string, string>, headers?: Record<string, string>): Promise<Response>;
  patch(url: string, offset: number, body: Uint8Array, opts?: { length?: number; headers?: Record<string, string> }): Promise<Response>;
  head(url: string, headers?: Record<string, string>): Promise<Response>;
  del(url: string, headers?: Record<string, string>): Promise<Response>;
}

export function tusClient(baseUrl: string): TusClient {
  return {
    create: (collection, metadata = { filetype: 'video/webm;codecs=vp8,opus', filename: 'answer.webm' }, headers = {}) =>
      fetch(`${baseUrl}${collection}`, {
        method: 'POST',
        headers: { ...TUS, 'upload-defer-length': '1', 'upload-metadata': Object.entries(metadata).map(([k, v]) => `${k} ${b64(v)}`).join(','), ...headers },
      }),
    patch: (url, offset, body, opts = {}) =>
      fetch(`${baseUrl}${url}`, {
        method: 'PATCH',
        headers: { ...TUS, 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset), ...(opts.length !== undefined ? { 'upload-length': String(opts.length) } : {}), ...(opts.headers ?? {}) },
        body: new Uint8Array(body),
      }),
    head: (url, headers = {}) => fetch(`${baseUrl}${url}`, { method: 'HEAD', headers: { ...TUS, ...headers } }),
    del: (url, headers = {}) => fetch(`${baseUrl}${url}`, { method: 'DELETE', headers: { ...TUS, ...headers } }),
  };
}

/** Sends all of `bytes` in `pieces` PATCHes, the last one with the length; returns the final offset. */
export async function sendAll(tus: TusClient, url: string, bytes: Uint8Array, pieces = 4, headers: Record<string, string> = {}): Promise<number> {
  const step = Math.ceil(bytes.length / pieces);
  let offset = 0;
  while (offset < bytes.length) {
    const piece = bytes.subarray(offset, offset + step);
    const last = offset + piece.length >= bytes.length;
    const r = await tus.patch(url, offset, piece, { headers, ...(last ? { length: bytes.length } : {}) });
    if (r.status !== 204) throw new Error(`PATCH ${url} at ${offset}: ${r.status} ${await r.text()}`);
    offset = Number(r.headers.get('upload-offset'));
  }
  return offset;
}
