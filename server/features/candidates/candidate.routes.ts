import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  bulkDecisionBody,
  candidateImport,
  candidateInput,
  candidateList,
  candidateParams,
  candidatePatch,
  candidateQuery,
  candidateSchema,
  decisionBody,
  importResult,
} from '../../../contracts/candidates.js';
import { adminErrors as errors } from '../../../contracts/errors.js';
import { interviewParams } from '../../../contracts/interviews.js';
import { candidateAnswerParams, candidateDetailSchema } from '../../../contracts/reviews.js';
import type { Container } from '../../container.js';
import { serveVideo } from '../answers/answer.video.js';
import { currentUser } from '../auth/guard.js';
import type { Hiring } from '../hiring/services.js';
import { candidateFor } from './visibility.js';

export const candidateRoutes =
  (c: Container, h: Hiring): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/interviews/:id/candidates',
      {
        config: { access: 'staff' },
        schema: {
          tags: ['admin'],
          summary: 'Candidates of an interview, filtered by status and tag',
          params: interviewParams,
          querystring: candidateQuery,
          response: { 200: candidateList, ...errors },
        },
      },
      async (request) => {
        await h.interviews.row(request.params.id);
        const viewer = currentUser(request);
        return { items: (await h.candidates.list(request.params.id, request.query)).map((one) => candidateFor(viewer, one)) };
      },
    );

    app.post('/interviews/:id/candidates', { config: { access: 'admin' }, schema: { tags: ['admin'], summary: 'Add a candidate (admins)', params: interviewParams, body: candidateInput, response: { 201: candidateSchema, ...errors } } }, async (request, reply) => {
      const actor = currentUser(request);
      await h.interviews.row(request.params.id);
      return reply.status(201).send(await h.candidates.create(actor, request.params.id, request.body));
    });

    app.post(
      '/interviews/:id/candidates/import',
      {
        config: { access: 'admin' },
        bodyLimit: 2 * 1024 * 1024,
        schema: {
          tags: ['admin'],
          summary: 'Import candidates from CSV text (name,email[,tags][,group]; tags separated by ;); bad rows are reported, good rows created',
          params: interviewParams,
          body: candidateImport,
          response: { 200: importResult, ...errors },
        },
      },
      async (request) => {
        const actor = currentUser(request);
        await h.interviews.row(request.params.id);
        return h.candidates.importCsv(actor, request.params.id, request.body.csv);
      },
    );

    app.get('/interviews/:id/candidates/:candidateId', { config: { access: 'staff' }, schema: { tags: ['admin'], summary: 'One candidate with answers, reports, reviews, overrides and decisions', params: candidateParams, response: { 200: candidateDetailSchema, ...errors } } }, async (request) => {
      const detail = await h.reviews.detail(request.params.id, request.params.candidateId);
      return { ...detail, candidate: candidateFor(currentUser(request), detail.candidate) };
    });

    app.patch(
      '/interviews/:id/candidates/:candidateId',
      { config: { access: 'admin' }, schema: { tags: ['admin'], summary: 'Edit a candidate (admins)', params: candidateParams, body: candidatePatch, response: { 200: candidateSchema, ...errors } } },
      async (request) => h.candidates.update(currentUser(request), request.params.id, request.params.candidateId, request.body),
    );

    app.delete(
      '/interviews/:id/candidates/:candidateId',
      { config: { access: 'admin' }, schema: { tags: ['admin'], summary: 'Erase a candidate with all videos, reports and reviews (admins)', params: candidateParams, response: { 204: z.null(), ...errors } } },
      async (request, reply) => {
        await h.candidates.erase(currentUser(request), request.params.id, request.params.candidateId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/interviews/:id/candidates/:candidateId/decision',
      { config: { access: 'admin' }, schema: { tags: ['admin'], summary: 'Record a human decision: shortlist, reject or hire (admins)', params: candidateParams, body: decisionBody, response: { 200: candidateSchema, ...errors } } },
      async (request) => {
        const [one] = await h.candidates.decide(currentUser(request), request.params.id, [request.params.candidateId], request.body.decision, request.body.reason);
        return one!;
      },
    );

    app.post(
      '/interviews/:id/decisions',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['admin'],
          summary: 'The same decision for several candidates (bulk shortlist/reject; admins)',
          params: interviewParams,
          body: bulkDecisionBody,
          response: { 200: candidateList, ...errors },
        },
      },
      async (request) => ({ items: await h.candidates.decide(currentUser(request), request.params.id, [...new Set(request.body.candidateIds)], request.body.decision, request.body.reason) }),
    );

    app.get(
      '/interviews/:id/candidates/:candidateId/answers/:answerId/video',
      { config: { access: 'staff' }, schema: { tags: ['admin'], summary: "A candidate's answer video (Range supported)", params: candidateAnswerParams, produces: ['video/webm', 'video/mp4'] } },
      async (request, reply) => {
        const { id: interviewId, candidateId, answerId } = request.params;
        await h.reviews.ownAnswerOrThrow(interviewId, candidateId, answerId);
        return serveVideo(c, answerId, request, reply);
      },
    );
  };
