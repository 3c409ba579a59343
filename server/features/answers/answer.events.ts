import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Container } from '../../container.js';
import type { AnswerEvent } from '../../infra/events/event-bus.js';

/** Streams progress as server-sent events (`event: status`) until the answer is done or failed. */
export async function streamAnswerEvents(c: Container, id: string, request: FastifyRequest, reply: FastifyReply, owner?: string) {
  const first = await c.answers.get(id, 'practice', owner); // 404 before any stream starts
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  const { report: _report, ...current } = first;
  const send = () => res.write(`event: status\ndata: ${JSON.stringify(current)}\n\n`);
  send();
  if (first.status === 'done' || first.status === 'failed') return void res.end();

  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  let open = true;
  const stop = () => {
    open = false;
    clearInterval(heartbeat);
    unsubscribe();
    offReconnect();
  };
  const update = (e: Pick<AnswerEvent, 'status' | 'stage' | 'progress' | 'error'>) => {
    if (!open) return;
    Object.assign(current, { status: e.status, stage: e.stage, progress: e.progress, error: e.error });
    send();
    if (e.status === 'done' || e.status === 'failed') {
      stop();
      res.end();
    }
  };
  const unsubscribe = c.events.subscribe(id, update);
  // The bus lost events while it reconnected: the database has the current state.
  const offReconnect =
    c.events.onReconnect?.(() => {
      c.answers.get(id, 'practice', owner).then(update, () => {
        // deleted meanwhile: nothing more to follow
        if (open) {
          stop();
          res.end();
        }
      });
    }) ?? (() => {});
  request.raw.on('close', stop);
}
