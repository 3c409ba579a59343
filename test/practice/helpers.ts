/** Practice-side clients for `inject`: each one is a browser with its own cookie jar. */
import { readFile } from 'node:fs/promises';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../helpers/app.js';
import { multipart } from '../helpers/app.js';
import { fixture } from '../helpers/fixtures.js';

export interface Browser {
  /** Cookies this browser holds (name -> value), updated from every reply like a real browser. */
  jar: Record<string, string>;
  req(method: InjectOptions['method'], url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  upload(name?: string, questionId?: string): Promise<string>;
  waitSettled(id: string, timeoutMs?: number): Promise<{ status: string; report: unknown }>;
}

export function browser(t: TestApp): Browser {
  const jar: Record<string, string> = {};
  const keep = (res: LightMyRequestResponse) => {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) delete jar[c.name];
      else jar[c.name] = c.value;
    }
    return res;
  };
  const headers = (method: string | undefined): Record<string, string> => {
    const h: Record<string, string> = {};
    const cookie = Object.entries(jar)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    if (cookie) h.cookie = cookie;
    if (method !== 'GET' && jar.ia_csrf) h['x-csrf-token'] = jar.ia_csrf;
    return h;
  };
  const b: Browser = {
    jar,
    req: async (method, url, payload) =>
      keep(await t.app.inject({ method, url, headers: headers(method), ...(payload !== undefined ? { payload: payload as InjectOptions['payload'] } : {}) })),
    async upload(name = 'short.webm', questionId = 'q-gen-01') {
      const body = multipart({ questionId }, { name, type: 'video/webm', data: await readFile(fixture(name)) });
      const res = keep(await t.app.inject({ method: 'POST', url: '/api/answers', payload: body.payload, headers: { ...headers('POST'), ...body.headers } }));
      if (res.statusCode !== 202) throw new Error(`upload: ${res.statusCode} ${res.body}`);
      return res.json().id as string;
    },
    async waitSettled(id, timeoutMs = 120_000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const res = await b.req('GET', `/api/answers/${id}`);
        const a = res.json();
        if (res.statusCode !== 200) throw new Error(`GET answer: ${res.statusCode} ${res.body}`);
        if (a.status === 'done' || a.status === 'failed') return a;
        if (Date.now() > end) throw new Error(`answer ${id} still ${a.status}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
  return b;
}
