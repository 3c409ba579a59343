/**
 * Resumable uploads with tus (https://tus.io, @tus/server + @tus/file-store) under /api/uploads: the browser
 * creates an upload when recording starts (length deferred), PATCHes the MediaRecorder chunks as they come, resumes
 * from the server's offset after a dropped connection, and sets the length at Stop. While bytes arrive the
 * streaming analysis (features/streaming) measures them. POST /api/uploads/:uploadId/submit turns the complete
 * upload into an answer with the same checks as the one-shot POST /api/answers (size and type here, duration and
 * container in AnswerService.submit). A retake DELETEs (tus termination) the partial upload. Each upload belongs to
 * whoever created it (upload-access.ts): the practice owner here, or the invite behind a candidate's
 * /api/invite/:token/uploads (invite-upload.routes.ts, the same tus server); anyone else gets 404.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { FileStore } from '@tus/file-store';
import { EVENTS, Server, type Upload } from '@tus/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answerAccepted } from '../../../contracts/answers.js';
import { errorBody } from '../../../contracts/errors.js';
import { type StreamProgress, uploadParams, uploadSubmit } from '../../../contracts/uploads.js';
import type { Container } from '../../container.js';
import type { Practice } from '../practice/practice.js';
import { conflict, HttpError } from '../../http/errors.js';
import type { SubmitInput } from '../answers/answer.service.js';
import { ACCEPTED_TYPES } from '../answers/intake.js';
import type { StreamingService } from '../streaming/streaming.service.js';
import { inviteUploadRoutes } from './invite-upload.routes.js';
import { creationLocation, practiceBinding } from './practice-upload.js';
import { type UploadBinding, UploadAccess, uploadNotFound } from './upload-access.js';

const errorJson = (status: number, code: string, message: string) => ({ status_code: status, body: JSON.stringify({ error: message, code }) });

export const uploadRoutes =
  (c: Container, streaming: StreamingService, p: Practice): FastifyPluginAsyncZod =>
  async (app) => {
    const dir = join(c.config.dataDir, 'uploads');
    const maxBytes = c.config.MAX_UPLOAD_MB * 1024 * 1024;
    // a take started but never submitted (the page closed for good) is removed a day later
    const store = new FileStore({ directory: dir, expirationPeriodInMilliseconds: 24 * 3600_000 });
    const access: UploadAccess = new UploadAccess(() => tus.datastore);
    const tus = new Server({
      path: '/api/uploads',
      datastore: store,
      maxSize: maxBytes,
      relativeLocation: true,
      // the upload lives under the URL that created it (/api/uploads or an invite's /api/invite/:token/uploads)
      generateUrl: (req, { id }) => creationLocation(req.url, id),
      respectForwardedHeaders: c.config.TRUST_PROXY !== false,
      async onUploadCreate(req, upload) {
        const type = upload.metadata?.filetype ?? '';
        if (!ACCEPTED_TYPES.test(type)) throw errorJson(415, 'UNSUPPORTED_MEDIA_TYPE', `"${type.slice(0, 80) || 'no filetype'}" is not a video type: upload a WebM or MP4 video.`);
        // bound to whoever created it (upload-access.ts): nobody else can see, resume, delete or submit it
        return { metadata: access.metadataFor(req, upload) };
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
    /** Hands a request to tus once `binding` (who is asking) may create the upload, or use the one it names. */
    const handleTus = async (request: FastifyRequest, reply: FastifyReply, binding: UploadBinding | null): Promise<void> => {
      const id = (request.params as { uploadId?: string }).uploadId;
      if (request.method === 'POST') {
        if (id) throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'Create an upload by POSTing to the collection URL, not to an upload.');
        if (!binding) throw uploadNotFound('');
        access.bindCreation(request.raw, binding);
      } else if (id && request.method !== 'OPTIONS') {
        await access.allow(id, binding); // someone else's upload: the same 404 as one that does not exist
        // a retake: stop measuring before tus removes the file (a tick in between would read a missing file)
        if (request.method === 'DELETE') streaming.discard(id, true);
      }
      reply.hijack();
      await tus.handle(request.raw, reply.raw);
      if (request.method === 'PATCH' && id) {
        streaming.poke(id);
        if (relay.enabled) void store.getUpload(id).then((u) => relay.received(id, join(dir, id), u.size), () => undefined);
      }
      if (request.method === 'DELETE' && id) access.forget(id);
    };

    /**
     * A complete upload becomes an answer (practice and invite alike): the same checks as the one-shot upload, the
     * streaming analysis attached to the new answer, the upload's files removed (the answer has its own copy).
     */
    const toAnswer = async (uploadId: string, upload: Upload, input: Omit<SubmitInput, 'file' | 'onCreated'>): Promise<string> => {
      if (upload.size === undefined || upload.offset !== upload.size) {
        throw conflict('UPLOAD_INCOMPLETE', `The upload is not complete yet (${upload.offset} bytes received${upload.size === undefined ? '' : ` of ${upload.size}`}); finish it, then submit.`);
      }
      if (upload.size > maxBytes) throw new HttpError(413, 'FILE_TOO_LARGE', `The video is larger than the ${c.config.MAX_UPLOAD_MB} MB limit.`);
      await streaming.drained(uploadId);
      const path = join(dir, uploadId);
      await relay.flush(uploadId, path, upload.size); // ROLE=api: every byte in storage before the worker takes the answer
      const { id } = await c.answers.submit({ ...input, file: { path, size: upload.size }, onCreated: (answerId) => streaming.attach(uploadId, answerId), handOff: (answerId) => relay.attach(uploadId, answerId) });
      // the answer has its own stored copy now
      await rm(path, { force: true });
      await rm(`${path}.json`, { force: true });
      access.forget(uploadId);
      return id;
    };

    // candidates' uploads, by invite token (they exist whether or not practice is served)
    await app.register(inviteUploadRoutes({ c, h: c.hiring, access, handleTus, toAnswer }));
    if (!p.enabled) return;

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
          // the upload belongs to the practice owner who creates it (a new browser gets its identity here)
          await handleTus(request, reply, request.method === 'OPTIONS' ? null : await practiceBinding(p, request, reply, app));
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
        // The streamed answer belongs to the practice owner who created the upload: anyone else gets 404.
        const owner = await p.identity.resolve(request, reply, { create: false });
        const upload = await access.check(uploadId, owner ? { kind: 'practice', ownerKey: owner.key } : null);
        await c.budget.checkRoom(request.ip);
        const id = await toAnswer(uploadId, upload, { questionId: request.body.questionId, client: request.ip, owner: owner?.key ?? null, questionOwner: owner?.key ?? null, interrupted: request.body.interrupted === true });
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
        const owner = await p.identity.resolve(request, reply, { create: false });
        await access.allow(uploadId, owner ? { kind: 'practice', ownerKey: owner.key } : null);
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
