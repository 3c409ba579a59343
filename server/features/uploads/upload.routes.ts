/**
 * Resumable uploads with tus (https://tus.io, @tus/server + @tus/file-store) under /api/uploads: the browser
 * creates an upload when recording starts (length deferred), PATCHes the MediaRecorder chunks as they come, resumes
 * from the server's offset after a dropped connection, and sets the length at Stop. While bytes arrive the
 * streaming analysis (features/streaming) measures them. POST /api/uploads/:uploadId/submit turns the complete
 * upload into an answer with the same checks as the one-shot POST /api/answers (size and type here, duration and
 * container in AnswerService.submit). A retake DELETEs (tus termination) the partial upload.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { FileStore } from '@tus/file-store';
import { EVENTS, Server } from '@tus/server';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answerAccepted } from '../../../contracts/answers.js';
import { errorBody } from '../../../contracts/errors.js';
import { type StreamProgress, uploadParams, uploadSubmit } from '../../../contracts/uploads.js';
import type { Container } from '../../container.js';
import type { Practice } from '../practice/practice.js';
import { conflict, HttpError, notFound } from '../../http/errors.js';
import { ACCEPTED_TYPES } from '../answers/intake.js';
import type { StreamingService } from '../streaming/streaming.service.js';

const errorJson = (status: number, code: string, message: string) => ({ status_code: status, body: JSON.stringify({ error: message, code }) });

export const uploadRoutes =
  (c: Container, streaming: StreamingService, p: Practice): FastifyPluginAsyncZod =>
  async (app) => {
    const dir = join(c.config.dataDir, 'uploads');
    const maxBytes = c.config.MAX_UPLOAD_MB * 1024 * 1024;
    // a take started but never submitted (the page closed for good) is removed a day later
    const store = new FileStore({ directory: dir, expirationPeriodInMilliseconds: 24 * 3600_000 });
    const tus = new Server({
      path: '/api/uploads',
      datastore: store,
      maxSize: maxBytes,
      relativeLocation: true,
      respectForwardedHeaders: c.config.TRUST_PROXY !== false,
      async onUploadCreate(_req, upload) {
        const type = upload.metadata?.filetype ?? '';
        if (!ACCEPTED_TYPES.test(type)) throw errorJson(415, 'UNSUPPORTED_MEDIA_TYPE', `"${type.slice(0, 80) || 'no filetype'}" is not a video type: upload a WebM or MP4 video.`);
        return {};
      },
      async onUploadFinish(_req, upload) {
        streaming.complete(upload.id);
        return {};
      },
      onResponseError(_req, err) {
        // tus answers 413 for an upload over maxSize: give it the same message as the one-shot upload
        if ('status_code' in err && err.status_code === 413) return errorJson(413, 'FILE_TOO_LARGE', `The video is larger than the ${c.config.MAX_UPLOAD_MB} MB limit.`);
        return undefined;
      },
    });
    // ROLE=api: the bytes also go to storage as chunks for the workers (features/streaming/stream-relay.ts)
    const relay = c.streams.relay;
    const sweep = setInterval(() => void Promise.all([tus.cleanUpExpiredUploads(), relay.expire(24 * 3600_000)]).catch((e: unknown) => c.log.warn({ err: (e as Error).message }, 'expired uploads not removed')), 3600_000);
    sweep.unref();
    app.addHook('onClose', async () => clearInterval(sweep));
    tus.on(EVENTS.POST_CREATE, (_req, upload) => {
      streaming.start(upload.id, join(dir, upload.id));
      relay.created(upload.id);
    });
    tus.on(EVENTS.POST_RECEIVE, (_req, upload) => streaming.poke(upload.id));
    tus.on(EVENTS.POST_TERMINATE, (_req, _res, id) => {
      streaming.discard(id, true);
      void relay.discard(id).catch((e: unknown) => c.log.warn({ uploadId: id, err: (e as Error).message }, 'chunks of a deleted upload not removed'));
    });

    // tus reads the request body itself
    app.addContentTypeParser('application/offset+octet-stream', (_req, _payload, done) => done(null));
    for (const url of ['/uploads', '/uploads/:uploadId']) {
      app.route({
        method: ['POST', 'HEAD', 'PATCH', 'DELETE', 'OPTIONS'],
        url,
        config: { access: 'practice', rateLimit: false },
        schema: { hide: true },
        handler: async (request, reply) => {
          if (request.method === 'POST') {
            await c.disk.ensureRoom(); // 507 before a take starts when the disk is nearly full
            await c.budget.checkRoom(request.ip); // 429 when this client's analysis budget is spent
          }
          reply.hijack();
          await tus.handle(request.raw, reply.raw);
          if (request.method === 'PATCH') {
            const id = (request.params as { uploadId?: string }).uploadId;
            if (id) {
              streaming.poke(id);
              if (relay.enabled) void store.getUpload(id).then((u) => relay.received(id, join(dir, id), u.size), () => undefined);
            }
          }
        },
      });
    }

    app.post(
      '/uploads/:uploadId/submit',
      {
        config: { access: 'practice', rateLimit: { max: c.config.UPLOAD_RATE_PER_MIN, timeWindow: '1 minute' } },
        schema: {
          tags: ['answers'],
          summary: 'Turn a complete resumable upload (tus, /api/uploads) into an answer and queue its analysis',
          params: uploadParams,
          body: uploadSubmit,
          response: { 202: answerAccepted, 400: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 415: errorBody },
        },
      },
      async (request, reply) => {
        const { uploadId } = request.params;
        let upload: Awaited<ReturnType<FileStore['getUpload']>>;
        try {
          upload = await store.getUpload(uploadId);
        } catch {
          throw notFound('UPLOAD_NOT_FOUND', `No upload with id "${uploadId}".`);
        }
        if (upload.size === undefined || upload.offset !== upload.size) {
          throw conflict('UPLOAD_INCOMPLETE', `The upload is not complete yet (${upload.offset} bytes received${upload.size === undefined ? '' : ` of ${upload.size}`}); finish it, then submit.`);
        }
        if (upload.size > maxBytes) throw new HttpError(413, 'FILE_TOO_LARGE', `The video is larger than the ${c.config.MAX_UPLOAD_MB} MB limit.`);
        await c.budget.checkRoom(request.ip);
        await streaming.drained(uploadId);
        const path = join(dir, uploadId);
        await relay.flush(uploadId, path, upload.size);
        // The streamed answer belongs to the practice owner who submits it, like a one-shot upload.
        const owner = await p.identity.resolve(request, reply, { create: true });
        const { id } = await c.answers.submit({ file: { path, size: upload.size }, questionId: request.body.questionId, client: request.ip, owner: owner?.key ?? null, questionOwner: owner?.key ?? null, interrupted: request.body.interrupted === true, onCreated: (answerId) => streaming.attach(uploadId, answerId), handOff: (answerId) => relay.attach(uploadId, answerId) });
        // the answer has its own stored copy now
        await rm(path, { force: true });
        await rm(`${path}.json`, { force: true });
        return reply.status(202).send({ id });
      },
    );

    app.get(
      '/uploads/:uploadId/events',
      {
        config: { access: 'practice' },
        schema: { tags: ['answers'], summary: 'Server-sent events: how far the streaming analysis of an upload has got ("analysed up to 1:42 of 1:50")', params: uploadParams, produces: ['text/event-stream'] },
      },
      async (request, reply) => {
        const { uploadId } = request.params;
        const first = streaming.progress(uploadId) ?? (await relay.progress(uploadId));
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
        const send = (p: StreamProgress) => res.write(`event: progress\ndata: ${JSON.stringify(p)}\n\n`);
        if (!first) {
          // another engine, another process, or already finished: the answer's own events tell the rest
          send({ receivedSec: 0, analysedSec: 0, complete: false, finished: true, error: 'no streaming analysis runs for this upload on this server' });
          return void res.end();
        }
        send(first);
        const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
        const stop = () => {
          clearInterval(heartbeat);
          unsubscribe();
        };
        const onProgress = (p: StreamProgress) => {
          send(p);
          if (p.finished) {
            stop();
            res.end();
          }
        };
        const unsubscribe = streaming.progress(uploadId) ? streaming.subscribe(uploadId, onProgress) : relay.subscribe(uploadId, onProgress);
        request.raw.on('close', stop);
      },
    );
  };
