/** The candidate's side, by invite token: view, consent, upload answers in order. Never shows reports or other candidates. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBody } from '../../../contracts/errors.js';
import { consentBody, inviteViewSchema, tokenParams } from '../../../contracts/invites.js';
import type { Container } from '../../container.js';
import { receiveUpload } from '../answers/intake.js';
import type { Hiring } from '../hiring/services.js';

const errs = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 410: errorBody, 413: errorBody, 415: errorBody, 429: errorBody };

export const candidateFlowRoutes =
  (c: Container, h: Hiring): FastifyPluginAsyncZod =>
  async (app) => {
    const rateLimit = { max: h.settings.INVITE_RATE_PER_MIN, timeWindow: '1 minute' };
    app.addHook('onSend', async (_request, reply, payload) => {
      void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      return payload;
    });

    app.get(
      '/:token',
      { config: { access: 'invite', rateLimit }, schema: { tags: ['invite'], summary: 'The interview behind an invite link and where to resume', params: tokenParams, response: { 200: inviteViewSchema, ...errs } } },
      async (request) => h.invites.view(await h.invites.open(request.params.token)),
    );

    app.post(
      '/:token/consent',
      {
        config: { access: 'invite', rateLimit },
        schema: { tags: ['invite'], summary: 'Accept recording and analysis (recorded with the time)', params: tokenParams, body: consentBody, response: { 200: inviteViewSchema, ...errs } },
      },
      async (request) => {
        await h.invites.consent(await h.invites.open(request.params.token));
        return h.invites.view(await h.invites.open(request.params.token));
      },
    );

    app.post(
      '/:token/answers',
      {
        config: { access: 'invite', rateLimit: { max: Math.min(rateLimit.max, c.config.UPLOAD_RATE_PER_MIN), timeWindow: '1 minute' } },
        schema: { tags: ['invite'], summary: 'Upload the answer to the next question (multipart: questionId, then video)', params: tokenParams, consumes: ['multipart/form-data'], response: { 201: inviteViewSchema, ...errs } },
      },
      async (request, reply) => {
        // The token is checked before a byte of video is stored.
        const o = await h.invites.open(request.params.token);
        if (!o.invite.consent_at) h.invites.checkAnswerable(o, undefined);
        await c.disk.ensureRoom(); // 507 before a byte is received when the disk is nearly full
        const upload = await receiveUpload(request, c.tmpDir, c.config.MAX_UPLOAD_MB * 1024 * 1024);
        try {
          const q = h.invites.checkAnswerable(o, upload.fields.questionId);
          const { id } = await c.answers.submit({ file: upload.file, questionId: q.question_id, scope: 'candidate' });
          try {
            return reply.status(201).send(await h.invites.linkAnswer(o, q.question_id, id));
          } catch (err) {
            // Two uploads for the same question at once: keep the first, drop this one entirely.
            await c.answers.discard(id);
            throw err;
          }
        } finally {
          await upload.cleanup();
        }
      },
    );
  };
