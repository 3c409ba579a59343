import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answerAccepted } from '../../../contracts/answers.js';
import { errorBody } from '../../../contracts/errors.js';
import { createSessionBody, sessionItemParams, sessionList, sessionParams, sessionSchema } from '../../../contracts/sessions.js';
import type { Container } from '../../container.js';
import { isAudioOnly } from '../answers/answer.routes.js';
import { receiveUpload } from '../answers/intake.js';
import type { Practice } from '../practice/practice.js';
import { practiceOwner } from '../questions/owner.js';

const practice = { access: 'practice' as const };

/** Mock interviews (docs/mock-interviews.md): sessions of 3-10 questions, their answers and the session report. */
export const sessionRoutes =
  (c: Container, p: Practice): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/sessions',
      {
        config: practice,
        schema: {
          tags: ['sessions'],
          summary: 'Start a mock interview: 3-10 questions from a role, categories or one of your sets, with think time, answer limit, extra time and an optional job description',
          body: createSessionBody,
          response: { 201: sessionSchema, 400: errorBody, 404: errorBody },
        },
      },
      async (request, reply) => reply.status(201).send(await c.sessions.create(await practiceOwner(p, request, reply), request.body)),
    );

    app.get(
      '/sessions',
      { config: practice, schema: { tags: ['sessions'], summary: 'Your mock interviews, newest first', response: { 200: sessionList } } },
      async (request, reply) => ({ items: await c.sessions.list(await practiceOwner(p, request, reply)) }),
    );

    app.get(
      '/sessions/:id',
      {
        config: practice,
        schema: { tags: ['sessions'], summary: 'A mock interview: its questions, each answer\'s analysis progress, and the session report across the analysed answers', params: sessionParams, response: { 200: sessionSchema, 404: errorBody } },
      },
      async (request, reply) => c.sessions.get(await practiceOwner(p, request, reply), request.params.id),
    );

    app.delete(
      '/sessions/:id',
      { config: practice, schema: { tags: ['sessions'], summary: 'Delete a mock interview (its answers stay in your history)', params: sessionParams, response: { 204: z.null(), 404: errorBody } } },
      async (request, reply) => {
        await c.sessions.delete(await practiceOwner(p, request, reply), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/sessions/:id/questions/:position/answer',
      {
        config: { ...practice, rateLimit: { max: c.config.UPLOAD_RATE_PER_MIN, timeWindow: '1 minute' } },
        schema: {
          tags: ['sessions'],
          summary: 'Upload the answer to question `position` (multipart: optional audioOnly=1, then the recording in the "video" field); its analysis starts at once',
          consumes: ['multipart/form-data'],
          params: sessionItemParams,
          response: { 202: answerAccepted, 400: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 415: errorBody },
        },
      },
      async (request, reply) => {
        const owner = await practiceOwner(p, request, reply);
        const upload = await receiveUpload(request, c.tmpDir, c.config.MAX_UPLOAD_MB * 1024 * 1024);
        try {
          const { id } = await c.sessions.submitAnswer(owner, request.params.id, request.params.position, upload.file, isAudioOnly(upload.fields.audioOnly, upload.file?.mimetype), request.ip);
          return reply.status(202).send({ id });
        } finally {
          await upload.cleanup();
        }
      },
    );
  };
