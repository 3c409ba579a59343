/** Share links: the owner makes, lists and revokes them; anyone with a live token reads the report (and the video when allowed). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answerParams } from '../../../contracts/answers.js';
import { errorBody } from '../../../contracts/errors.js';
import { sharedAnswer, sharedTokenParams, shareCreate, shareCreated, shareList, shareParams } from '../../../contracts/shares.js';
import type { Container } from '../../container.js';
import { notFound } from '../../http/errors.js';
import { sendVideo } from '../answers/answer.video.js';
import type { Practice } from './practice.js';

export const shareRoutes =
  (c: Container, p: Practice): FastifyPluginAsyncZod =>
  async (app) => {
    const ownerKey = async (request: FastifyRequest, reply: FastifyReply, id: string) => {
      const owner = await p.identity.resolve(request, reply, { create: false });
      if (!owner) throw notFound('ANSWER_NOT_FOUND', `No answer with id "${id.slice(0, 80)}".`);
      return owner.key;
    };

    app.post(
      '/answers/:id/shares',
      {
        config: { access: 'practice' },
        schema: { tags: ['shares'], summary: 'Make a read-only link to this report (the token is shown once)', params: answerParams, body: shareCreate, response: { 201: shareCreated, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } },
      },
      async (request, reply) => reply.status(201).send(await p.shares.create(request.params.id, await ownerKey(request, reply, request.params.id), request.body.includeVideo)),
    );

    app.get(
      '/answers/:id/shares',
      { config: { access: 'practice' }, schema: { tags: ['shares'], summary: "The links made to this report (without their tokens)", params: answerParams, response: { 200: shareList, 401: errorBody, 404: errorBody } } },
      async (request, reply) => ({ items: await p.shares.list(request.params.id, await ownerKey(request, reply, request.params.id)) }),
    );

    app.delete(
      '/answers/:id/shares/:shareId',
      { config: { access: 'practice' }, schema: { tags: ['shares'], summary: 'Revoke a link: it stops working at once', params: shareParams, response: { 204: z.null(), 401: errorBody, 403: errorBody, 404: errorBody } } },
      async (request, reply) => {
        await p.shares.revoke(request.params.id, request.params.shareId, await ownerKey(request, reply, request.params.id));
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/shared/:token',
      {
        config: { access: 'share', rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: { tags: ['shares'], summary: 'A shared report, read-only', params: sharedTokenParams, response: { 200: sharedAnswer, 404: errorBody, 429: errorBody } },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
        return p.shares.shared(request.params.token);
      },
    );

    app.get(
      '/shared/:token/video',
      {
        config: { access: 'share', rateLimit: { max: 600, timeWindow: '1 minute' } },
        schema: { tags: ['shares'], summary: 'The video of a shared report, when the link includes it (supports Range requests)', params: sharedTokenParams, produces: ['video/webm', 'video/mp4'] },
      },
      async (request, reply) => {
        const { share, answer } = await p.shares.resolve(request.params.token);
        if (share.include_video !== 1) throw notFound('VIDEO_NOT_SHARED', 'This link shares the report without the video.');
        void reply.header('referrer-policy', 'no-referrer');
        const res = await sendVideo(c, answer, request, reply);
        void reply.header('cache-control', 'no-store');
        return res;
      },
    );
  };
