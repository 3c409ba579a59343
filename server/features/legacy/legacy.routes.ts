/**
 * Routes of the original Flask demo, so that its own front end works unchanged (docs/legacy-demo.md):
 * GET /get_question -> {question}; POST /upload (multipart field `video`) waits for the analysis and answers
 * the six scores on 1-10, `imp_points`, `id` and the full `report`. Every error of these routes carries the
 * human-readable message in `error`, which is what the demo's page shows.
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { legacyErrorBody, legacyQuestionReply, legacyUploadReply } from '../../../contracts/legacy.js';
import type { Container } from '../../container.js';
import { HttpError } from '../../http/errors.js';
import type { AnswerDto } from '../answers/answer.service.js';
import { receiveUpload } from '../answers/intake.js';
import type { Practice } from '../practice/practice.js';
import { legacyReply } from './legacy-reply.js';

const DEMO_ROUTES = { '/get_question': 'GET', '/upload': 'POST' } as const;
const errors = { 400: legacyErrorBody, 401: legacyErrorBody, 403: legacyErrorBody, 404: legacyErrorBody, 405: legacyErrorBody, 413: legacyErrorBody, 415: legacyErrorBody, 422: legacyErrorBody, 429: legacyErrorBody, 500: legacyErrorBody, 503: legacyErrorBody, 504: legacyErrorBody, 507: legacyErrorBody };

/** Why /upload stopped waiting for the report before it was ready. */
class ClientGone extends Error {}
class ServerClosing extends Error {}

/** The answer is stored and still being analysed: the error body names it, so the report can be found later. */
function stillRunning(reply: FastifyReply, status: 503 | 504, code: string, message: string, id: string) {
  return reply.status(status).send({ statusCode: status, error: message, code, message, id, statusUrl: `/api/answers/${id}` });
}

export const legacyRoutes =
  (c: Container, p: Practice): FastifyPluginAsyncZod =>
  async (app) => {
    const waiting = new Set<AbortController>();
    app.addHook('preClose', async () => {
      for (const w of waiting) w.abort(new ServerClosing());
    });

    // Our error body has the HTTP status text in `error`; the demo shows `data.error` to the user, so on these
    // routes `error` repeats the message (whichever part produced the error: the global error handler,
    // multipart limits, the rate limit or the catch-all routes below).
    app.addHook('preSerialization', async (_request, reply, payload) => {
      if (reply.statusCode < 400 || payload === null || typeof payload !== 'object') return payload;
      const message = (payload as { message?: unknown }).message;
      return typeof message === 'string' ? { ...payload, error: message } : payload;
    });

    app.get(
      '/get_question',
      { config: { access: 'practice' }, schema: { tags: ['legacy'], summary: 'Demo-compatible random question', response: { 200: legacyQuestionReply, ...errors } } },
      async (request, reply) => {
        const existing = await p.identity.resolve(request, reply, { create: false }); // a cookie-less client's draw is not recorded
        if (!existing) await p.identity.resolve(request, reply, { create: true });
        return { question: (await c.questions.drawRandom(existing ? existing.key : null)).text };
      },
    );

    app.post(
      '/upload',
      {
        config: { access: 'practice', bucket: 'uploads' },
        schema: {
          tags: ['legacy'],
          summary: 'Demo-compatible upload: waits for the analysis and returns the six scores on 1-10, imp_points and the full report',
          description:
            'Multipart field `video` (optional `questionId` or `question`). The request stays open until the report is ready, ' +
            `at most LEGACY_UPLOAD_WAIT_SEC (now ${c.config.LEGACY_UPLOAD_WAIT_SEC} s); after that it answers 504 ANALYSIS_TIMEOUT with the answer ` +
            '`id` and `statusUrl`, and the analysis goes on. On every error, `error` is the message for the user.',
          consumes: ['multipart/form-data'],
          response: { 200: legacyUploadReply, ...errors },
        },
      },
      async (request, reply) => {
        // The demo page sends no CSRF header; the answer belongs to this browser (a new anonymous identity if it has none).
        const owner = await p.identity.resolve(request, reply, { create: true, csrf: false });
        await c.disk.ensureRoom(); // 507 before a byte is received when the disk is nearly full
        await c.budget.checkRoom(request.ip); // 429 when this client's analysis budget is spent
        const upload = await receiveUpload(request, c.tmpDir, c.config.MAX_UPLOAD_MB * 1024 * 1024);
        let id: string;
        try {
          ({ id } = await c.answers.submit({
            owner: owner!.key,
            client: request.ip,
            file: upload.file,
            questionId: upload.fields.questionId,
            questionText: upload.fields.question ?? (upload.fields.questionId ? undefined : 'Tell me about yourself.'),
          }));
        } finally {
          await upload.cleanup();
        }

        // A client that leaves, or a server that shuts down, stops only the waiting: the answer is stored and
        // its analysis finishes as usual (after a restart, the queue resumes it).
        const stop = new AbortController();
        const onClose = () => {
          if (!reply.raw.writableEnded) stop.abort(new ClientGone());
        };
        reply.raw.once('close', onClose);
        if (reply.raw.destroyed) onClose();
        waiting.add(stop);
        let answer: AnswerDto;
        try {
          answer = await c.answers.waitUntilSettled(id, c.config.LEGACY_UPLOAD_WAIT_SEC * 1000, stop.signal);
        } catch (err) {
          if (err instanceof ServerClosing) return stillRunning(reply, 503, 'SERVER_RESTARTING', `The server is restarting. Your answer is saved and will be analysed: see the report at /answers/${id} in a few minutes.`, id);
          if (!(err instanceof ClientGone)) throw err;
          request.log.info({ answerId: id }, 'the client left while /upload was waiting; the analysis goes on');
          return reply.hijack();
        } finally {
          waiting.delete(stop);
          reply.raw.off('close', onClose);
        }

        if (answer.status === 'failed') throw new HttpError(422, 'ANALYSIS_FAILED', `The analysis failed: ${answer.error ?? 'unknown reason'}`);
        if (answer.status !== 'done' || !answer.report) {
          const state = `${answer.status}${answer.stage && answer.stage !== answer.status ? `: ${answer.stage}` : ''}`;
          return stillRunning(reply, 504, 'ANALYSIS_TIMEOUT', `The analysis is not finished after ${c.config.LEGACY_UPLOAD_WAIT_SEC} s (it is ${state}). It goes on: see the report at /answers/${id} in a few minutes.`, id);
        }
        return reply.send(legacyReply(id, answer.report));
      },
    );

    // The demo's routes answer in their own error shape even for a wrong method or a path below them
    // (without these, GET /upload would get the web app's page and POST /get_question the global 404).
    for (const [path, method] of Object.entries(DEMO_ROUTES)) {
      const others = (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).filter((m) => m !== method);
      app.route({
        method: [...others],
        url: path,
        config: { access: 'public' },
        schema: { hide: true, response: errors },
        handler: async (request, reply) => {
          void reply.header('allow', method === 'GET' ? 'GET, HEAD' : method);
          throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${request.method} ${path} is not supported: use ${method} ${path}.`);
        },
      });
      app.route({
        method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
        url: `${path}/*`,
        config: { access: 'public' },
        schema: { hide: true, response: errors },
        handler: async (request) => {
          throw new HttpError(404, 'ROUTE_NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}: the demo's routes are GET /get_question and POST /upload.`);
        },
      });
    }
  };
