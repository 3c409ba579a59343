/**
 * Installed speech models under DATA_DIR/models: download (resumable with HTTP Range, SHA-256 checked),
 * tar.bz2 extraction (Debian tar + bzip2), listing and removal. Each installed model is a directory
 * DATA_DIR/models/NAME with the model files and a model.json manifest written last (so a half-extracted
 * model is never taken for an installed one).
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { run } from '../../../media/ffmpeg.js';
import { findModel, MODELS, type ModelEntry } from './catalog.js';

export interface Manifest {
  name: string;
  archive: string;
  url: string;
  sha256: string;
  /** pinned: matched the catalogue's digest; recorded: no digest was known, this one was recorded on download */
  checksum: 'pinned' | 'recorded';
  installedAt: string;
}

export class ModelError extends Error {}

export function modelDir(modelsDir: string, name: string): string {
  return join(modelsDir, name);
}

/** The manifest of an installed model, or the reason it is not usable. */
export function installedModel(modelsDir: string, entry: ModelEntry): { ok: true; dir: string; manifest: Manifest } | { ok: false; reason: string } {
  const dir = modelDir(modelsDir, entry.name);
  const mf = join(dir, 'model.json');
  if (!existsSync(mf)) return { ok: false, reason: `${entry.name} is not installed (run: interview-analyzer models download ${entry.name})` };
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(mf, 'utf8')) as Manifest;
  } catch {
    return { ok: false, reason: `${entry.name}: model.json is unreadable (remove and download it again)` };
  }
  const missing = Object.values(entry.files).filter((f) => !existsSync(join(dir, f)));
  if (missing.length) return { ok: false, reason: `${entry.name}: files missing (${missing.join(', ')}); remove and download it again` };
  return { ok: true, dir, manifest };
}

export function listModels(modelsDir: string): Array<{ entry: ModelEntry; installed: boolean; reason: string | null }> {
  return MODELS.map((entry) => {
    const i = installedModel(modelsDir, entry);
    return { entry, installed: i.ok, reason: i.ok ? null : i.reason };
  });
}

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  await pipeline(createReadStream(path), h);
  return h.digest('hex');
}

export interface DownloadOptions {
  modelsDir: string;
  /** release base URL (default: the official sherpa-onnx release; tests point it at a local server) */
  baseUrl: string;
  onProgress?: (received: number, total: number | null) => void;
  signal?: AbortSignal;
  /** the model list (default: catalog.ts MODELS) */
  catalog?: readonly ModelEntry[];
}

/**
 * Downloads, checks and installs a model. A partial download (DATA_DIR/models/.partial/ARCHIVE) is resumed
 * with a Range request; a checksum mismatch or a corrupt archive deletes the partial file and throws.
 */
export async function downloadModel(name: string, o: DownloadOptions): Promise<Manifest> {
  const catalog = o.catalog ?? MODELS;
  const entry = catalog.find((m) => m.name === name);
  if (!entry) throw new ModelError(`unknown model "${name}": choose one of ${catalog.map((m) => m.name).join(', ')}`);
  const partialDir = join(o.modelsDir, '.partial');
  await mkdir(partialDir, { recursive: true });
  const part = join(partialDir, entry.archive);
  const url = `${o.baseUrl.replace(/\/+$/, '')}/${entry.archive}`;
  const have = existsSync(part) ? statSync(part).size : 0;
  let res: Response;
  try {
    res = await fetch(url, { headers: have > 0 ? { Range: `bytes=${have}-` } : {}, redirect: 'follow', ...(o.signal ? { signal: o.signal } : {}) });
  } catch (e) {
    throw new ModelError(`could not reach ${url}: ${e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e)}`);
  }
  if (res.status === 416 && have > 0) {
    // the server has nothing after what we hold: the partial file is complete
    await res.body?.cancel();
  } else if (res.status === 200 || res.status === 206) {
    const append = res.status === 206 && have > 0;
    const total = totalSize(res, append ? have : 0);
    let received = append ? have : 0;
    o.onProgress?.(received, total);
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, ctl) {
        received += chunk.byteLength;
        o.onProgress?.(received, total);
        ctl.enqueue(chunk);
      },
    });
    if (!res.body) throw new ModelError(`${url}: empty response`);
    await pipeline(Readable.fromWeb(res.body.pipeThrough(counter) as import('node:stream/web').ReadableStream), createWriteStream(part, { flags: append ? 'a' : 'w' }));
    if (total !== null && received !== total) throw new ModelError(`download of ${entry.archive} stopped at ${received} of ${total} bytes; run the command again to resume`);
  } else {
    await res.body?.cancel();
    throw new ModelError(`${url}: HTTP ${res.status}`);
  }
  const sha = await sha256File(part);
  if (entry.sha256 && sha !== entry.sha256) {
    await rm(part, { force: true });
    throw new ModelError(`checksum mismatch for ${entry.archive}: expected sha256 ${entry.sha256}, got ${sha}; the download was deleted, run the command again`);
  }
  const tmp = join(o.modelsDir, `.extract-${entry.name}`);
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  const tar = await run('tar', ['-xjf', part, '-C', tmp]);
  if (tar.code !== 0) {
    await rm(tmp, { recursive: true, force: true });
    await rm(part, { force: true });
    throw new ModelError(`${entry.archive} is not a valid tar.bz2 archive (${tar.stderr.toString().trim().split('\n')[0] ?? 'tar failed'}); the download was deleted, run the command again`);
  }
  const src = join(tmp, entry.dir);
  const missing = Object.values(entry.files).filter((f) => !existsSync(join(src, f)));
  if (missing.length) {
    await rm(tmp, { recursive: true, force: true });
    await rm(part, { force: true });
    throw new ModelError(`${entry.archive} does not contain the expected model files (${missing.join(', ')} missing under ${entry.dir}/)`);
  }
  const dest = modelDir(o.modelsDir, entry.name);
  await rm(dest, { recursive: true, force: true });
  await rename(src, dest);
  await rm(tmp, { recursive: true, force: true });
  const manifest: Manifest = { name: entry.name, archive: entry.archive, url, sha256: sha, checksum: entry.sha256 ? 'pinned' : 'recorded', installedAt: new Date().toISOString() };
  await writeFile(join(dest, 'model.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await rm(part, { force: true });
  return manifest;
}

function totalSize(res: Response, offset: number): number | null {
  const cr = res.headers.get('content-range');
  const m = cr ? /\/(\d+)$/.exec(cr) : null;
  if (m) return Number(m[1]);
  const len = res.headers.get('content-length');
  return len ? offset + Number(len) : null;
}

export async function removeModel(modelsDir: string, name: string): Promise<boolean> {
  const entry = findModel(name);
  if (!entry) throw new ModelError(`unknown model "${name}": choose one of ${MODELS.map((m) => m.name).join(', ')}`);
  const dir = modelDir(modelsDir, name);
  const had = existsSync(dir) || existsSync(join(modelsDir, '.partial', entry.archive));
  await rm(dir, { recursive: true, force: true });
  await rm(join(modelsDir, '.partial', entry.archive), { force: true });
  return had;
}
