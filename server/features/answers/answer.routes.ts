import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answerAccepted, answerList, answerListQuery, answerParams, answerSchema } from '../../../contracts/answers.js';
import { errorBody } from '../../../contracts/errors.js';
import type { Container } from '../../container.js';
import { serveVideo } from './answer.video.js';
import { streamAnswerEvents } from './answer.events.js';
import { receiveUpload } from './intake.js';

export const answerRoutes =
  (c: Container): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/answers',
      {
        config: { access: 'practice', bucket: 'uploads' },
        schema: {
          tags: ['answers'],
          summary: 'Upload a recorded answer (multipart: questionId, then the video file) and queue its analysis',
          consumes: ['multipart/form-data'],
          response: { 202: answerAccepted, 400: errorBody, 404: errorBody, 413: errorBody, 415: errorBody, 429: errorBody, 507: errorBody },
        },
      },
      async (request, reply) => {
        await c.disk.ensureRoom(); // 507 before a byte is received when the disk is nearly full
        await c.budget.checkRoom(request.ip); // 429 when this client's analysis budget is spent
        const upload = await receiveUpload(request, c.tmpDir, c.config.MAX_UPLOAD_MB * 1024 * 1024);
        try {
          const { id } = await c.answers.submit({ file: upload.file, questionId: upload.fields.questionId, client: request.ip });
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
          summary: 'Past answers, newest first',
          querystring: answerListQuery,
          response: { 200: answerList },
        },
      },
      async (request) => ({ items: await c.answers.list('practice', request.query.limit) }),
    );

    app.get(
      '/answers/:id',
      { config: { access: 'practice' }, schema: { tags: ['answers'], summary: 'Status, progress and (when done) the report of one answer', params: answerParams, response: { 200: answerSchema, 404: errorBody } } },
      async (request) => c.answers.get(request.params.id, 'practice'),
    );

    app.get(
      '/answers/:id/events',
      { config: { access: 'practice' }, schema: { tags: ['answers'], summary: 'Server-sent events with the analysis progress of one answer', params: answerParams, produces: ['text/event-stream'] } },
      async (request, reply) => streamAnswerEvents(c, request.params.id, request, reply),
    );

    app.get(
      '/answers/:id/video',
      { config: { access: 'practice' }, schema: { tags: ['answers'], summary: 'The recorded video (supports Range requests)', params: answerParams, produces: ['video/webm', 'video/mp4'] } },
      async (request, reply) => serveVideo(c, request.params.id, request, reply, 'practice'),
    );

    app.post(
      '/answers/:id/retry',
      { config: { access: 'practice' }, schema: { tags: ['answers'], summary: 'Analyse a failed answer again', params: answerParams, response: { 202: answerAccepted, 404: errorBody, 409: errorBody } } },
      async (request, reply) => {
        await c.answers.retry(request.params.id, 'practice');
        return reply.status(202).send({ id: request.params.id });
      },
    );

    app.delete(
      '/answers/:id',
      { config: { access: 'practice' }, schema: { tags: ['answers'], summary: 'Delete an answer, its report and its video', params: answerParams, response: { 204: z.null(), 404: errorBody, 409: errorBody } } },
      async (request, reply) => {
        await c.answers.delete(request.params.id, 'practice');
        return reply.status(204).send(null);
      },
    );
  };
