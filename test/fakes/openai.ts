/**
 * A local fake of an OpenAI-compatible chat endpoint (POST /v1/chat/completions), as Ollama / llama.cpp / hosted
 * servers expose it. Real node:http server on 127.0.0.1, random port. Scripted replies, one per request.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedReply {
  status?: number;
  /** Assistant message content (for 200), or the error body (otherwise). */
  content?: string;
  delayMs?: number;
}

export interface ChatRequestRecord {
  authorization: string | undefined;
  body: { model: string; messages: Array<{ role: string; content: string }>; response_format?: { type: string } };
}

export class FakeOpenAI {
  url = '';
  readonly requests: ChatRequestRecord[] = [];
  /** Replies used in order; the last one repeats. */
  replies: ScriptedReply[] = [];
  private server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return answer(404, { error: { message: 'not found' } });
      if (this.apiKey && req.headers.authorization !== `Bearer ${this.apiKey}`) return answer(401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } });
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequestRecord['body'];
      this.requests.push({ authorization: req.headers.authorization, body });
      const r = this.replies[Math.min(this.requests.length - 1, this.replies.length - 1)] ?? { content: '{}' };
      setTimeout(() => {
        if ((r.status ?? 200) !== 200) return answer(r.status ?? 500, { error: { message: r.content ?? 'server error' } });
        answer(200, {
          id: `chatcmpl-${this.requests.length}`, object: 'chat.completion', created: Math.floor(Date.now() / 1000), model: body.model,
          choices: [{ index: 0, message: { role: 'assistant', content: r.content ?? '' }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
        });
      }, r.delayMs ?? 0);
    });
  });

  constructor(readonly apiKey?: string) {}

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

export function startFakeOpenAI(apiKey?: string): Promise<FakeOpenAI> {
  return new FakeOpenAI(apiKey).start();
}
