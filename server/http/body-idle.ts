/**
 * A request body that stops arriving is dropped after BODY_IDLE_TIMEOUT_SEC (issue 11: a silent upload held
 * a connection for the whole REQUEST_TIMEOUT_SEC). The socket's idle timer is armed while a body is expected
 * and disarmed once it has been read: after parsing for JSON bodies, by the upload intake for multipart ones.
 * Responses that stay open on purpose (server-sent events, the demo's waiting /upload) are not affected.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

const armed = new WeakMap<FastifyRequest, (restore: boolean) => void>();

export function installBodyIdleTimeout(app: FastifyInstance, idleMs: number): void {
  app.addHook('onRequest', async (request) => {
    const h = request.headers;
    const hasBody = (h['content-length'] !== undefined && h['content-length'] !== '0') || h['transfer-encoding'] !== undefined;
    const socket = request.raw.socket as (typeof request.raw.socket & { setTimeout?: unknown }) | undefined;
    if (!hasBody || typeof socket?.setTimeout !== 'function') return;
    const onIdle = () => {
      request.log.info({ idleMs }, 'request body idle: connection dropped');
      socket.destroy();
    };
    socket.setTimeout(idleMs);
    socket.once('timeout', onIdle);
    armed.set(request, (restore) => {
      socket.off('timeout', onIdle);
      if (restore) socket.setTimeout(0);
    });
  });
  // JSON and other parsed bodies are complete here; multipart bodies are read later by the intake.
  app.addHook('preHandler', async (request) => {
    if (!request.isMultipart()) disarmBodyIdle(request);
  });
  // A body never read (refused before the handler): Node has already set its keep-alive timer on the
  // socket when the response finished, so only our listener goes; the timer is Node's again.
  app.addHook('onResponse', async (request) => {
    armed.get(request)?.(false);
    armed.delete(request);
  });
}

/** The body has been read: stop the idle timer. */
export function disarmBodyIdle(request: FastifyRequest): void {
  armed.get(request)?.(true);
  armed.delete(request);
}
