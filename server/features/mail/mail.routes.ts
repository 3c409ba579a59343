/** Per-interview mail templates and the interview's outbox (admins). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { adminErrors as errors } from '../../../contracts/errors.js';
import { resourceId } from '../../../contracts/ids.js';
import { interviewParams } from '../../../contracts/interviews.js';
import { MAIL_TEMPLATE_KINDS, type MailTemplateKind, mailTemplatesSchema, mailTemplatesView, outboxItemSchema, outboxList } from '../../../contracts/mail.js';
import { notFound } from '../../http/errors.js';
import { currentUser as requireAdmin } from '../auth/guard.js';
import type { Hiring } from '../hiring/services.js';
import { parseTemplates } from './mail.service.js';
import { DEFAULT_TEMPLATES, PLACEHOLDERS } from './templates.js';

export const mailRoutes =
  (h: Hiring): FastifyPluginAsyncZod =>
  async (app) => {
    const view = async (interviewId: string) => {
      const row = await h.interviews.row(interviewId);
      const custom = parseTemplates(row.mail_templates_json) ?? {};
      const templates = Object.fromEntries(MAIL_TEMPLATE_KINDS.map((k) => [k, custom[k] ?? DEFAULT_TEMPLATES[k]])) as Record<MailTemplateKind, { subject: string; body: string }>;
      return { templates, custom: MAIL_TEMPLATE_KINDS.filter((k) => custom[k]), placeholders: PLACEHOLDERS.map((p) => `{{${p}}}`), mailEnabled: h.mail.enabled };
    };

    app.get(
      '/interviews/:id/mail-templates',
      { config: { access: 'admin' }, schema: { tags: ['admin'], summary: 'The mail templates in force for this interview (custom or default) and the placeholders', params: interviewParams, response: { 200: mailTemplatesView, ...errors } } },
      async (request) => {
        requireAdmin(request);
        return view(request.params.id);
      },
    );

    app.put(
      '/interviews/:id/mail-templates',
      {
        config: { access: 'admin' },
        schema: { tags: ['admin'], summary: 'Replace the custom templates (kinds left out use the defaults; {} restores all defaults)', params: interviewParams, body: mailTemplatesSchema, response: { 200: mailTemplatesView, ...errors } },
      },
      async (request) => {
        const actor = requireAdmin(request);
        await h.interviews.row(request.params.id);
        const body = request.body;
        const kinds = Object.keys(body);
        await h.interviews.setMailTemplates(request.params.id, kinds.length ? JSON.stringify(body) : null);
        await h.audit.record(actor, 'interview.mail_templates', 'interview', request.params.id, { kinds });
        return view(request.params.id);
      },
    );

    app.get(
      '/interviews/:id/mail',
      { config: { access: 'admin' }, schema: { tags: ['admin'], summary: 'The mail of this interview: queued, sent, failed (with the error) and cancelled', params: interviewParams, response: { 200: outboxList, ...errors } } },
      async (request) => {
        requireAdmin(request);
        await h.interviews.row(request.params.id);
        return { items: (await h.mail.outbox?.list(request.params.id)) ?? [] };
      },
    );

    app.post(
      '/interviews/:id/mail/:mailId/retry',
      { config: { access: 'admin' }, schema: { tags: ['admin'], summary: 'Send a failed mail again', params: interviewParams.extend({ mailId: resourceId }), response: { 200: outboxItemSchema, ...errors } } },
      async (request) => {
        requireAdmin(request);
        const item = await h.mail.outbox?.retry(request.params.id, request.params.mailId);
        if (!item) throw notFound('MAIL_NOT_FAILED', 'No failed mail with this id in this interview.');
        return item;
      },
    );
  };

