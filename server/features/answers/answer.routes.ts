import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answerAccepted, answerList, answerListQuery, answerParams, answerSchema } from '../../../contracts/answers.js';
import { errorBody } from '../../../contracts/errors.js';
import type { Container } from '../../container.js';
import { notFound } from '../../http/errors.js';
import type { Practice } from '../practice/practice.js';
import { streamAnswerEvents } from './answer.events.js';
import { serveVideo } from './answer.video.js';
import { receiveUpload } from './intake.js';

/** An answer without camera: declared with the field audioOnly=1 (or true), or sent as an audio/* file. */
export function isAudioOnly(field: string | undefined, mimetype: string | undefined): boolean {
  return field === '1' || field === 'true' || /^audio\//i.test(mimetype ?? '');
}

/**
 * Practice answers: each belongs to its owner (features/practice/owner.ts). Every route but the upload needs
 * the owner's cookie; an answer of someone else, or a request without an owner, is 404 (the list is empty).
 */
export const answerRoutes =
  (c: Container, p: Practice): FastifyPluginAsyncZod =>
  async (app) => {
    /** The owner key of this request, or a 404 naming the answer (never whether it exists for someone else). */
    const ownerOf = async (request: FastifyRequest, reply: FastifyReply, id: string): Promise<string> => {
      const owner = await p.identity.resolve(request, reply, { create: false });
      if (!owner) throw notFound('ANSWER_NOT_FOUND', `No answer with id "${id.slice(0, 80)}".`);
      return owner.key;
    };

    app.post(
      '/answers',
      {
        config: { access: 'practice', bucket: 'uploads' },
        schema: {
          tags: ['answers'],
          summary: 'Upload a recorded answer (multipart: questionId, optional audioOnly=1, then the video or audio file in the "video" field) and queue its analysis',
          consumes: ['multipart/form-data'],
          response: { 202: answerAccepted, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 413: errorBody, 415: errorBody, 429: errorBody, 507: errorBody },
        },
      },
      async (request, reply) => {
        const owner = await p.identity.resolve(request, reply, { create: true });
        await c.disk.ensureRoom(); // 507 before a byte is received when the disk is nearly full
        await c.budget.checkRoom(request.ip); // 429 when this client's analysis budget is spent
        const upload = await receiveUpload(request, c.tmpDir, c.config.MAX_UPLOAD_MB * 1024 * 1024);
        try {
          const { id } = await c.answers.submit({ file: upload.file, questionId: upload.fields.questionId, client: request.ip, owner: owner!.key, questionOwner: owner!.key, audioOnly: isAudioOnly(upload.fields.audioOnly, upload.file?.mimetype) });
          return reply.status(202).send({ id });
        } finally {
          await upload.cleanup();
        }
      },
    );

    app.get(
      '/answers',
      {
        config: { access: 'practice' },
        schema: {
          tags: ['answers'],
          summary: "This browser's (or account's) answers, newest first; empty without a practice identity",
          querystring: answerListQuery,
          response: { 200: answerList, 401: errorBody },
        },
      },
      async (request, reply) => {
        const owner = await p.identity.resolve(request, reply, { create: false });
        return { items: owner ? await c.answers.list('practice', request.query.limit, owner.key) : [] };
      },
    );

    app.get(
      '/answers/:id',
      {
        config: { access: 'practice' },
        schema: { tags: ['answers'], summary: 'Status, progress and (when done) the report of one of your answers', params: answerParams, response: { 200: answerSchema, 401: errorBody, 404: errorBody } },
      },
      async (request, reply) => c.answers.get(request.params.id, 'practice', await ownerOf(request, reply, request.params.id)),
    );

    app.get(
      '/answers/:id/events',
      {
        config: { access: 'practice' },
        schema: { tags: ['answers'], summary: 'Server-sent events with the analysis progress of one of your answers', params: answerParams, produces: ['text/event-stream'] },
      },
      async (request, reply) => streamAnswerEvents(c, request.params.id, request, reply, await ownerOf(request, reply, request.params.id)),
    );

    app.get(
      '/answers/:id/video',
      {
        config: { access: 'practice' },
        schema: { tags: ['answers'], summary: 'The recorded video of one of your answers (supports Range requests)', params: answerParams, produces: ['video/webm', 'video/mp4'] },
      },
      async (request, reply) => serveVideo(c, request.params.id, request, reply, 'practice', await ownerOf(request, reply, request.params.id)),
    );

    app.post(
      '/answers/:id/retry',
      {
        config: { access: 'practice' },
        schema: { tags: ['answers'], summary: 'Analyse a failed answer of yours again', params: answerParams, response: { 202: answerAccepted, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } },
      },
      async (request, reply) => {
        await c.answers.retry(request.params.id, 'practice', await ownerOf(request, reply, request.params.id));
        return reply.status(202).send({ id: request.params.id });
      },
    );

    app.delete(
      '/answers/:id',
      {
        config: { access: 'practice' },
        schema: { tags: ['answers'], summary: 'Delete one of your answers, its report, its video and its share links', params: answerParams, response: { 204: z.null(), 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } },
      },
      async (request, reply) => {
        await c.answers.delete(request.params.id, 'practice', await ownerOf(request, reply, request.params.id));
        return reply.status(204).send(null);
      },
    );
  };
