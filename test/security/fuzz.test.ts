/** A short, bounded fuzzing run: random and mutated uploads, random JSON and paths. No 5xx, no leaked temp files. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, multipart, type TestApp } from '../helpers/app.js';
import { fixture } from '../helpers/fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ UPLOAD_RATE_PER_MIN: '100000' }, { worker: false });
});
afterAll(() => t.close());

/** Deterministic PRNG (mulberry32) so that a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(src: Buffer, r: () => number): Buffer {
  const b = Buffer.from(src.subarray(0, Math.max(1, Math.floor(src.length * (0.05 + r() * 0.95)))));
  const flips = 1 + Math.floor(r() * 64);
  for (let i = 0; i < flips; i++) b[Math.floor(r() * b.length)] = Math.floor(r() * 256);
  return b;
}

function randomJson(r: () => number, depth = 0): unknown {
  const k = Math.floor(r() * (depth > 2 ? 4 : 7));
  switch (k) {
    case 0: return null;
    case 1: return r() * 1e6 - 5e5;
    case 2: return String.fromCharCode(...Array.from({ length: Math.floor(r() * 40) }, () => Math.floor(r() * 0xd800))); // no lone surrogates: URLs must stay encodable
    case 3: return r() > 0.5;
    case 4: return Array.from({ length: Math.floor(r() * 5) }, () => randomJson(r, depth + 1));
    default: return Object.fromEntries(Array.from({ length: Math.floor(r() * 5) }, (_, i) => [['__proto__', 'constructor', 'questionId', 'id', `k${i}`][Math.floor(r() * 5)]!, randomJson(r, depth + 1)]));
  }
}

it('never answers 5xx to random or mutated input, and leaks no temp files', async () => {
  const seed = Number(process.env.FUZZ_SEED ?? 20261124);
  const r = rng(seed);
  const sources = await Promise.all(['short.webm', 'clear-answer.mp4'].map((f) => readFile(fixture(f))));
  const deadline = Date.now() + Number(process.env.FUZZ_MS ?? 15_000);
  const failures: string[] = [];
  let n = 0;
  while (Date.now() < deadline && n < 400) {
    n++;
    const kind = Math.floor(r() * 4);
    let res;
    if (kind === 0) {
      const data = mutate(sources[Math.floor(r() * sources.length)]!, r);
      res = await t.app.inject({ method: 'POST', url: '/api/answers', ...multipart({ questionId: r() > 0.2 ? 'q-gen-01' : String(randomJson(r)) }, { name: 'f.webm', type: r() > 0.3 ? 'video/webm' : 'application/octet-stream', data }) });
    } else if (kind === 1) {
      const data = Buffer.from(Array.from({ length: Math.floor(r() * 4096) }, () => Math.floor(r() * 256)));
      res = await t.app.inject({ method: 'POST', url: r() > 0.5 ? '/api/answers' : '/upload', payload: data, headers: { 'content-type': r() > 0.5 ? 'multipart/form-data; boundary=xyz' : 'application/octet-stream' } });
    } else if (kind === 2) {
      const path = ['/api/answers', '/api/answers/x/retry', '/api/questions/random', '/api/answers/%00/video'][Math.floor(r() * 4)]!;
      res = await t.app.inject({ method: r() > 0.5 ? 'POST' : 'GET', url: path, payload: JSON.stringify(randomJson(r)), headers: { 'content-type': 'application/json' } });
    } else {
      const q = encodeURIComponent(String(randomJson(r)));
      res = await t.app.inject({ method: 'GET', url: `/api/answers?limit=${q}` });
    }
    if (res.statusCode >= 500) failures.push(`#${n} kind ${kind}: ${res.statusCode} ${res.payload.slice(0, 200)}`);
  }
  expect(failures, `seed ${seed}`).toEqual([]);
  expect(n).toBeGreaterThan(30);
  expect(await readdir(join(t.dataDir, 'tmp'))).toEqual([]);
});
