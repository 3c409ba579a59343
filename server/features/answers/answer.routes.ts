import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../../contracts/errors.js';
import { reportSchema } from '../../analysis/report.js';
import type { Container } from '../../container.js';
import { serveVideo } from './answer.video.js';
import { streamAnswerEvents } from './answer.events.js';
import { receiveUpload } from './intake.js';

const idParams = z.object({ id: z.string().min(1).max(100) });
const status = z.enum(['queued', 'processing', 'done', 'failed']);

export const answerSchema = z.object({
  id: z.string(),
  status,
  stage: z.string().nullable(),
  progress: z.number(),
  report: reportSchema.nullable(),
  error: z.string().nullable(),
  questionId: z.string().nullable(),
  questionText: z.string(),
  createdAt: z.string(),
  durationSec: z.number(),
  videoUrl: z.string(),
});

const summarySchema = z.object({
  id: z.string(),
  questionText: z.string(),
  status,
  createdAt: z.string(),
  durationSec: z.number(),
  scores: z.record(z.string(), z.number().nullable()).nullable(),
});

export const answerRoutes =
  (c: Container): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/answers',
      {
        config: { rateLimit: { max: c.config.UPLOAD_RATE_PER_MIN, timeWindow: '1 minute' } },
        schema: {
          tags: ['answers'],
          summary: 'Upload a recorded answer (multipart: questionId, then the video file) and queue its analysis',
          consumes: ['multipart/form-data'],
          response: { 202: z.object({ id: z.string() }), 400: errorBody, 404: errorBody, 413: errorBody, 415: errorBody },
        },
      },
      async (request, reply) => {
        const upload = await receiveUpload(request, c.tmpDir, c.config.MAX_UPLOAD_MB * 1024 * 1024);
        try {
          const { id } = await c.answers.submit({ file: upload.file, questionId: upload.fields.questionId });
          return reply.status(202).send({ id });
        } finally {
          await upload.cleanup();
        }
      },
    );

    app.get(
      '/answers',
      {
        schema: {
          tags: ['answers'],
          summary: 'Past answers, newest first',
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
          response: { 200: z.object({ items: z.array(summarySchema) }) },
        },
      },
      async (request) => ({ items: await c.answers.list('practice', request.query.limit) }),
    );

    app.get(
      '/answers/:id',
      { schema: { tags: ['answers'], summary: 'Status, progress and (when done) the report of one answer', params: idParams, response: { 200: answerSchema, 404: errorBody } } },
      async (request) => c.answers.get(request.params.id, 'practice'),
    );

    app.get(
      '/answers/:id/events',
      { schema: { tags: ['answers'], summary: 'Server-sent events with the analysis progress of one answer', params: idParams, produces: ['text/event-stream'] } },
      async (request, reply) => streamAnswerEvents(c, request.params.id, request, reply),
    );

    app.get(
      '/answers/:id/video',
      { schema: { tags: ['answers'], summary: 'The recorded video (supports Range requests)', params: idParams, produces: ['video/webm', 'video/mp4'] } },
      async (request, reply) => serveVideo(c, request.params.id, request, reply, 'practice'),
    );

    app.post(
      '/answers/:id/retry',
      { schema: { tags: ['answers'], summary: 'Analyse a failed answer again', params: idParams, response: { 202: z.object({ id: z.string() }), 404: errorBody, 409: errorBody } } },
      async (request, reply) => {
        await c.answers.retry(request.params.id, 'practice');
        return reply.status(202).send({ id: request.params.id });
      },
    );

    app.delete(
      '/answers/:id',
      { schema: { tags: ['answers'], summary: 'Delete an answer, its report and its video', params: idParams, response: { 204: z.null(), 404: errorBody, 409: errorBody } } },
      async (request, reply) => {
        await c.answers.delete(request.params.id, 'practice');
        return reply.status(204).send(null);
      },
    );
  };
