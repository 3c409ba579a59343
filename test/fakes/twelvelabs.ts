/**
 * A local fake of the Twelve Labs REST API v1.3, as twelvelabs-js 1.3.4 speaks it (paths, snake_case bodies,
 * multipart field names read from the SDK's request code). A real node:http server on 127.0.0.1, random port.
 * Scriptable per test: inject failures (status, headers, times), delays, status progressions, the model reply.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = 'listIndexes' | 'createIndex' | 'createAsset' | 'getAsset' | 'createIndexedAsset' | 'getIndexedAsset' | 'analyze';
type Json = Record<string, unknown>;

export interface FakeIndex { id: string; name: string; models: unknown; createdAt: string }
export interface FakeAsset { id: string; filename: string; bytes: number; fileType: string; userMetadata: Json | undefined; statuses: string[]; error?: string }
export interface FakeIndexed { id: string; indexId: string; assetId: string; userMetadata: Json | undefined; statuses: string[] }
interface Injection { status: number; body?: Json; headers?: Record<string, string>; times: number }

const newId = () => randomBytes(12).toString('hex');
const UNSUPPORTED = ['additionalProperties', 'minLength', 'maxLength', 'uniqueItems', 'maxItems'];

/** First unsupported json_schema keyword found (the real API answers 422 for these). */
export function unsupportedKeyword(v: unknown): string | undefined {
  if (Array.isArray(v)) return v.map(unsupportedKeyword).find(Boolean);
  if (v === null || typeof v !== 'object') return undefined;
  for (const [k, x] of Object.entries(v)) {
    if (UNSUPPORTED.includes(k)) return k;
    if (k === 'minItems' && x !== 0 && x !== 1) return 'minItems (only 0 or 1)';
    const inner = unsupportedKeyword(x);
    if (inner) return inner;
  }
  return undefined;
}

/** A value that conforms to a JSON schema (the subset the API supports), as a well-behaved model would answer. */
export function sampleFromSchema(s: Json): unknown {
  if (Array.isArray(s.anyOf)) return sampleFromSchema(s.anyOf[0] as Json);
  switch (s.type) {
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, Json>;
      return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, sampleFromSchema(v)]));
    }
    case 'array': return [sampleFromSchema(s.items as Json), sampleFromSchema(s.items as Json)];
    case 'integer': return Math.round(((s.minimum as number | undefined ?? 0) + (s.maximum as number | undefined ?? 100)) / 2);
    case 'number': return 2.5;
    case 'boolean': return true;
    case 'null': return null;
    default: return 'The candidate looks at the camera and describes a concrete project step by step.';
  }
}

export class FakeTwelveLabs {
  url = '';
  readonly calls: Array<{ route: Route; method: string; path: string; status: number }> = [];
  readonly indexes = new Map<string, FakeIndex>();
  readonly assets = new Map<string, FakeAsset>();
  readonly indexed = new Map<string, FakeIndexed>();
  readonly analyzeRequests: Json[] = [];
  /** Status sequence of the next created asset / indexed asset: one step per GET, the last one sticks. */
  assetStatuses = ['processing', 'ready'];
  indexingStatuses = ['pending', 'indexing', 'ready'];
  /** The model's generated text; default: JSON conforming to the request's json_schema. */
  analyzeReply: ((req: Json) => string) | undefined;
  private injections = new Map<Route, Injection[]>();
  private delays = new Map<Route, number>();
  private server = createServer((req, res) => void this.handle(req, res));

  constructor(readonly apiKey = 'tlk_test_0123456789secret') {}

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1.3`;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  /** The next `times` calls of `route` answer `status` with an error body {code, message}. */
  fail(route: Route, status: number, o: { times?: number; headers?: Record<string, string>; body?: Json } = {}): void {
    const list = this.injections.get(route) ?? [];
    list.push({ status, times: o.times ?? 1, ...(o.headers ? { headers: o.headers } : {}), ...(o.body ? { body: o.body } : {}) });
    this.injections.set(route, list);
  }

  delay(route: Route, ms: number): void {
    this.delays.set(route, ms);
  }

  count(route: Route, status?: number): number {
    return this.calls.filter((c) => c.route === route && (status === undefined || c.status === status)).length;
  }

  seedIndex(name: string): FakeIndex {
    const ix = { id: newId(), name, models: [{ model_name: 'marengo3.0', model_options: ['visual', 'audio'] }], createdAt: new Date().toISOString() };
    this.indexes.set(ix.id, ix);
    return ix;
  }

  private route(method: string, path: string): { route: Route; params: string[] } | undefined {
    const p = path.replace(/^\/v1\.3/, '').split('/').filter(Boolean);
    const key = `${method} ${p.map((s, i) => (i % 2 === 1 && !['indexed-assets'].includes(s) ? ':' : s)).join('/')}`;
    const table: Record<string, Route> = {
      'GET indexes': 'listIndexes', 'POST indexes': 'createIndex', 'POST assets': 'createAsset', 'GET assets/:': 'getAsset',
      'POST indexes/:/indexed-assets': 'createIndexedAsset', 'GET indexes/:/indexed-assets/:': 'getIndexedAsset',
      'POST analyze': 'analyze',
    };
    const route = table[key];
    return route ? { route, params: p.filter((_, i) => i % 2 === 1 && p[i] !== 'indexed-assets') } : undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      if (r) this.calls.push({ route: r.route, method: req.method ?? '', path: url.pathname, status });
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(data === undefined ? '' : JSON.stringify(data));
    };
    const r = this.route(req.method ?? '', url.pathname);
    if (!r || !url.pathname.startsWith('/v1.3/')) return send(404, { code: 'endpoint_not_exists', message: `No route ${req.method} ${url.pathname}` });
    if (req.headers['x-api-key'] !== this.apiKey) return send(401, { code: 'api_key_invalid', message: 'The API key you provided is not valid.' });
    const wait = this.delays.get(r.route);
    if (wait) await new Promise((ok) => setTimeout(ok, wait));
    const inj = this.injections.get(r.route)?.find((i) => i.times > 0);
    if (inj) {
      inj.times--;
      return send(inj.status, inj.body ?? { code: inj.status === 429 ? 'too_many_requests' : 'internal_error', message: `Injected ${inj.status}` }, inj.headers);
    }
    try {
      const [status, data] = await this.dispatch(r.route, r.params, url, req.headers['content-type'] ?? '', body);
      send(status, data);
    } catch (e) {
      send(500, { code: 'internal_error', message: String(e) });
    }
  }

  private async dispatch(route: Route, params: string[], url: URL, contentType: string, body: Buffer): Promise<[number, unknown]> {
    const bad = (message: string, status = 400): [number, unknown] => [status, { code: 'parameter_invalid', message }];
    const json = (): Json => (body.length ? (JSON.parse(body.toString('utf8')) as Json) : {});
    switch (route) {
      case 'listIndexes': {
        const page = Number(url.searchParams.get('page') ?? 1);
        const limit = Number(url.searchParams.get('page_limit') ?? 10);
        if (limit > 50) return bad('page_limit must be at most 50');
        const name = url.searchParams.get('index_name');
        const all = [...this.indexes.values()].filter((i) => !name || i.name.includes(name)).reverse();
        const data = all.slice((page - 1) * limit, page * limit).map((i) => ({ _id: i.id, index_name: i.name, models: i.models, created_at: i.createdAt, video_count: 0 }));
        return [200, { data, page_info: { page, limit_per_page: limit, total_page: Math.ceil(all.length / limit), total_results: all.length } }];
      }
      case 'createIndex': {
        const b = json();
        const models = b.models as Array<{ model_name?: string; model_options?: string[] }> | undefined;
        if (typeof b.index_name !== 'string' || !b.index_name) return bad('index_name is required');
        if (!models?.length || models.some((m) => m.model_name !== 'marengo3.0' || !m.model_options?.length || m.model_options.some((o) => !['visual', 'audio'].includes(o)))) return bad('models: invalid model_name or model_options');
        if ([...this.indexes.values()].some((i) => i.name === b.index_name)) return [409, { code: 'index_name_already_exists', message: `Index ${b.index_name} already exists` }];
        const ix = { id: newId(), name: b.index_name, models, createdAt: new Date().toISOString() };
        this.indexes.set(ix.id, ix);
        return [201, { _id: ix.id }];
      }
      case 'createAsset': {
        if (!contentType.startsWith('multipart/form-data')) return bad('Expected multipart/form-data');
        const form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
        const method = form.get('method');
        const file = form.get('file');
        if (method !== 'direct') return bad('method must be "direct" for a file upload');
        if (!(file instanceof Blob) || file.size === 0) return bad('file is required and must not be empty');
        const meta = form.get('user_metadata');
        let userMetadata: Json | undefined;
        try { userMetadata = typeof meta === 'string' ? (JSON.parse(meta) as Json) : undefined; } catch { return bad('user_metadata must be a JSON string'); }
        const filename = String(form.get('filename') ?? (file as File).name ?? 'upload');
        const a: FakeAsset = { id: newId(), filename, bytes: file.size, fileType: file.type || 'video/webm', userMetadata, statuses: [...this.assetStatuses] };
        this.assets.set(a.id, a);
        return [201, { _id: a.id, method: 'direct', status: 'processing', filename, file_type: a.fileType, created_at: new Date().toISOString(), user_metadata: userMetadata }];
      }
      case 'getAsset': {
        const a = this.assets.get(params[0] ?? '');
        if (!a) return [404, { code: 'resource_not_exists', message: 'Asset not found' }];
        const status = a.statuses.length > 1 ? a.statuses.shift()! : a.statuses[0]!;
        return [200, { _id: a.id, method: 'direct', status, filename: a.filename, file_type: a.fileType, user_metadata: a.userMetadata, ...(status === 'ready' ? { size: a.bytes } : {}), ...(status === 'failed' ? { error: { message: a.error ?? 'The file could not be decoded.' } } : {}) }];
      }
      case 'createIndexedAsset': {
        const ix = this.indexes.get(params[0] ?? '');
        if (!ix) return [404, { code: 'resource_not_exists', message: 'Index not found' }];
        const b = json();
        const a = this.assets.get(String(b.asset_id));
        if (!a) return bad('asset_id does not exist');
        if (a.statuses[0] !== 'ready') return bad('The asset status must be ready');
        const item: FakeIndexed = { id: newId(), indexId: ix.id, assetId: a.id, userMetadata: b.user_metadata as Json | undefined, statuses: [...this.indexingStatuses] };
        this.indexed.set(item.id, item);
        return [202, { _id: item.id, asset_id: a.id }];
      }
      case 'getIndexedAsset': {
        const item = this.indexed.get(params[1] ?? '');
        if (!item || item.indexId !== params[0]) return [404, { code: 'resource_not_exists', message: 'Indexed asset not found' }];
        const status = item.statuses.length > 1 ? item.statuses.shift()! : item.statuses[0]!;
        return [200, { _id: item.id, asset_id: item.assetId, status, user_metadata: item.userMetadata, system_metadata: { filename: this.assets.get(item.assetId)?.filename } }];
      }
      case 'analyze': {
        const b = json();
        this.analyzeRequests.push(b);
        const video = b.video as { type?: string; asset_id?: string } | undefined;
        if ((b.model_name ?? 'pegasus1.5') !== 'pegasus1.5') return bad('model_name must be pegasus1.5');
        if (typeof b.prompt !== 'string' || !b.prompt) return bad('prompt is required');
        if (video?.type !== 'asset_id' || !video.asset_id) return bad('video must be {type: "asset_id", asset_id}');
        const a = this.assets.get(video.asset_id);
        if (!a || a.statuses[0] !== 'ready') return bad('The asset does not exist or is not ready');
        const rf = b.response_format as { type?: string; json_schema?: Json } | undefined;
        if (rf && (rf.type !== 'json_schema' || !rf.json_schema)) return bad('response_format.type must be json_schema');
        const kw = rf?.json_schema ? unsupportedKeyword(rf.json_schema) : undefined;
        if (kw) return [422, { code: 'parameter_invalid', message: `response_format.json_schema: the keyword ${kw} is not supported. Remove it from your schema.` }];
        const text = this.analyzeReply ? this.analyzeReply(b) : JSON.stringify(rf?.json_schema ? sampleFromSchema(rf.json_schema) : 'A candidate answers.');
        return [200, { id: newId(), data: text, finish_reason: 'stop', usage: { output_tokens: Math.ceil(text.length / 4) } }];
      }
    }
  }
}

export async function startFakeTwelveLabs(apiKey?: string): Promise<FakeTwelveLabs> {
  return new FakeTwelveLabs(apiKey).start();
}
