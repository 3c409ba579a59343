/**
 * Routes of the original Flask demo, kept so that its clients keep working:
 * GET /get_question -> {question}, POST /upload (field `video`) -> waits and returns the analysis.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Container } from '../../container.js';
import { HttpError } from '../../http/errors.js';
import { receiveUpload } from '../answers/intake.js';
import { practiceSession } from '../questions/question.routes.js';

/** How long POST /upload waits for the analysis before answering 202 with the id to poll. */
const UPLOAD_WAIT_MS = 10 * 60_000;

export const legacyRoutes =
  (c: Container): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/get_question',
      { schema: { tags: ['legacy'], summary: 'Demo-compatible random question', response: { 200: z.object({ question: z.string() }) } } },
      async (request, reply) => ({ question: (await c.questions.drawRandom(practiceSession(request, reply))).text }),
    );

    app.post(
      '/upload',
      {
        config: { rateLimit: { max: c.config.UPLOAD_RATE_PER_MIN, timeWindow: '1 minute' } },
        schema: { tags: ['legacy'], summary: 'Demo-compatible upload: waits for the analysis and returns the report JSON', consumes: ['multipart/form-data'] },
      },
      async (request, reply) => {
        const upload = await receiveUpload(request, c.tmpDir, c.config.MAX_UPLOAD_MB * 1024 * 1024);
        let id: string;
        try {
          ({ id } = await c.answers.submit({
            file: upload.file,
            questionId: upload.fields.questionId,
            questionText: upload.fields.question ?? (upload.fields.questionId ? undefined : 'Tell me about yourself.'),
          }));
        } finally {
          await upload.cleanup();
        }
        const answer = await c.answers.waitUntilSettled(id, UPLOAD_WAIT_MS).catch(() => null);
        if (!answer) return reply.status(202).send({ id, status: 'processing', statusUrl: `/api/answers/${id}` });
        if (answer.status === 'failed') throw new HttpError(422, 'ANALYSIS_FAILED', `The analysis failed: ${answer.error ?? 'unknown reason'}`);
        return reply.send({ id, ...answer.report });
      },
    );
  };
