/** Hiring mail: per-interview templates and the outbox an admin can inspect (docs/hiring.md). */
import { z } from 'zod';

export const MAIL_TEMPLATE_KINDS = ['invite', 'reminder', 'confirmation', 'finished'] as const;
export type MailTemplateKind = (typeof MAIL_TEMPLATE_KINDS)[number];

export const mailTemplateSchema = z.object({ subject: z.string().trim().min(1).max(300), body: z.string().trim().min(1).max(20_000) });
export type MailTemplate = z.infer<typeof mailTemplateSchema>;

/** Only the kinds an interview changes; the others use the defaults. */
export const mailTemplatesSchema = z.partialRecord(z.enum(MAIL_TEMPLATE_KINDS), mailTemplateSchema);
export type MailTemplates = z.infer<typeof mailTemplatesSchema>;

/** GET /api/admin/interviews/:id/mail-templates: what is in force, what is custom, the placeholders. */
export const mailTemplatesView = z.object({
  templates: z.record(z.enum(MAIL_TEMPLATE_KINDS), mailTemplateSchema),
  custom: z.array(z.enum(MAIL_TEMPLATE_KINDS)),
  placeholders: z.array(z.string()),
  /** False when SMTP_URL is not set: no mail goes out, invite links are shown to copy. */
  mailEnabled: z.boolean(),
});
export type MailTemplatesView = z.infer<typeof mailTemplatesView>;

export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'failed', 'cancelled'] as const;

export const outboxItemSchema = z.object({
  id: z.string(),
  kind: z.enum(MAIL_TEMPLATE_KINDS),
  to: z.string(),
  subject: z.string(),
  status: z.enum(MAIL_STATUSES),
  attempts: z.number(),
  runAfter: z.string(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  candidateId: z.string().nullable(),
  createdAt: z.string(),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;
export const outboxList = z.object({ items: z.array(outboxItemSchema) });
export type OutboxList = z.infer<typeof outboxList>;
