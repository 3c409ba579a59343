/**
 * A candidate's answer uploaded while it is recorded (tus), through the invite link: /api/invite/:token/uploads.
 * The same tus server, store and streaming analysis as practice (upload.routes.ts); only who may use an upload
 * differs: the invite token identifies the candidate and every upload is bound to the invite that created it
 * (upload-access.ts). Creation is checked as the one-shot POST /api/invite/:token/answers is: a valid, unexpired
 * token (404/410), consent (403), the next unanswered question of the interview (404/409), disk room (507), a
 * video type (415) and the size limit (413, tus). Submit checks the question again (one answer per question) and
 * answers with the candidate's updated view, like the one-shot upload.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Upload } from '@tus/server';
import { errorBody } from '../../../contracts/errors.js';
import { inviteViewSchema } from '../../../contracts/invites.js';
import { inviteUploadParams, inviteUploadSubmit } from '../../../contracts/uploads.js';
import type { Container } from '../../container.js';
import type { SubmitInput } from '../answers/answer.service.js';
import type { Hiring } from '../hiring/services.js';
import { publicBase } from '../invites/public-base.js';
import { creationMetadata, type UploadAccess, type UploadBinding } from './upload-access.js';

export interface InviteUploadDeps {
  c: Container;
  h: Hiring;
  access: UploadAccess;
  /** Hands the request to tus once `binding` may create or use the upload (upload.routes.ts). */
  handleTus(request: FastifyRequest, reply: FastifyReply, binding: UploadBinding | null): Promise<void>;
  /** A complete upload becomes an answer, with its streaming analysis (upload.routes.ts). */
  toAnswer(uploadId: string, upload: Upload, input: Omit<SubmitInput, 'file' | 'onCreated'>): Promise<string>;
}

const errs = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 410: errorBody, 413: errorBody, 415: errorBody, 429: errorBody, 507: errorBody };
const NO_STORE = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };

export const inviteUploadRoutes =
  ({ c, h, access, handleTus, toAnswer }: InviteUploadDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const rateLimit = { max: Math.min(h.settings.INVITE_RATE_PER_MIN, c.config.UPLOAD_RATE_PER_MIN), timeWindow: '1 minute' };
    app.addHook('onSend', async (_request, reply, payload) => {
      void reply.headers(NO_STORE);
      return payload;
    });
    const token = (request: FastifyRequest) => (request.params as { token: string }).token;
    const bindingOf = (inviteId: string): UploadBinding => ({ kind: 'invite', inviteId });

    app.route({
      method: 'POST',
      url: '/invite/:token/uploads',
      config: { access: 'invite', rateLimit },
      schema: { hide: true },
      handler: async (request, reply) => {
        // The token, the consent and the question are checked before the upload exists.
        const o = await h.invites.open(token(request));
        h.invites.checkAnswerable(o, creationMetadata(request.headers['upload-metadata']).questionId);
        await c.disk.ensureRoom(); // 507 before a take starts when the disk is nearly full
        for (const [k, v] of Object.entries(NO_STORE)) reply.raw.setHeader(k, v);
        await handleTus(request, reply, bindingOf(o.invite.id));
      },
    });

    app.route({
      method: ['HEAD', 'PATCH', 'DELETE'],
      url: '/invite/:token/uploads/:uploadId',
      config: { access: 'invite', rateLimit: false },
      schema: { hide: true },
      handler: async (request, reply) => {
        // a revoked or expired link stops here (410), someone else's upload is a 404
        const o = await h.invites.open(token(request));
        for (const [k, v] of Object.entries(NO_STORE)) reply.raw.setHeader(k, v);
        await handleTus(request, reply, bindingOf(o.invite.id));
      },
    });

    app.post(
      '/invite/:token/uploads/:uploadId/submit',
      {
        config: { access: 'invite', rateLimit },
        schema: {
          tags: ['invite'],
          summary: 'Turn a complete resumable upload (tus, /api/invite/:token/uploads) into the answer to the question it was created for',
          params: inviteUploadParams,
          body: inviteUploadSubmit,
          response: { 201: inviteViewSchema, ...errs },
        },
      },
      async (request, reply) => {
        const { uploadId } = request.params;
        const o = await h.invites.open(request.params.token);
        const upload = await access.check(uploadId, bindingOf(o.invite.id));
        // one answer per question, in order, as the one-shot upload: the question may have been answered since
        const q = h.invites.checkAnswerable(o, upload.metadata?.questionId ?? undefined);
        const id = await toAnswer(uploadId, upload, { questionId: q.question_id, scope: 'candidate', interrupted: request.body.interrupted === true });
        try {
          return reply.status(201).send(await h.invites.linkAnswer(o, q.question_id, id, publicBase(request, h.settings)));
        } catch (err) {
          // Two answers for the same question at once: keep the first, drop this one entirely.
          await c.answers.discard(id);
          throw err;
        }
      },
    );
  };
