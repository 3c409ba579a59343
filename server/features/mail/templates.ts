/**
 * Hiring mail templates: plain text with {{placeholders}}, editable per interview (contracts/mail.ts).
 * Pure: no database, no clock. Unknown placeholders are left as written so a typo is visible in the preview.
 */
import type { MailTemplate, MailTemplateKind, MailTemplates } from '../../../contracts/mail.js';

export type { MailTemplate, MailTemplateKind, MailTemplates };

export const PLACEHOLDERS = ['candidateName', 'interviewTitle', 'company', 'link', 'deadline', 'adminLink'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateVars = Partial<Record<Placeholder, string>>;

export const DEFAULT_TEMPLATES: Record<MailTemplateKind, MailTemplate> = {
  invite: {
    subject: 'Your video interview: {{interviewTitle}}',
    body: [
      'Hello {{candidateName}},',
      '',
      '{{company}} invites you to a video interview for "{{interviewTitle}}".',
      'You answer a few questions on camera, at a time that suits you, before {{deadline}}.',
      'There is a practice question first; it is not sent to the hiring team.',
      '',
      'Start here (the link is personal; you can pause and continue later, on another device too):',
      '{{link}}',
      '',
      'If you have a question, reply to this message.',
    ].join('\n'),
  },
  reminder: {
    subject: 'Reminder: your video interview for {{interviewTitle}} closes {{deadline}}',
    body: ['Hello {{candidateName}},', '', 'A reminder that your video interview for "{{interviewTitle}}" is open until {{deadline}}.', 'Continue where you left off:', '{{link}}'].join('\n'),
  },
  confirmation: {
    subject: 'Thank you: your answers for {{interviewTitle}} are in',
    body: ['Hello {{candidateName}},', '', 'Thank you for completing the video interview for "{{interviewTitle}}". We have received all your answers.', '{{company}} will be in touch about the next steps.'].join('\n'),
  },
  finished: {
    subject: '{{candidateName}} finished the interview {{interviewTitle}}',
    body: ['{{candidateName}} has answered every question of "{{interviewTitle}}".', '', 'Review their answers:', '{{adminLink}}'].join('\n'),
  },
};

export function renderText(template: string, vars: TemplateVars): string {
  return template.replace(/\{\{\s*([a-zA-Z]+)\s*\}\}/g, (whole, name: string) => {
    const v = (vars as Record<string, string | undefined>)[name];
    return v === undefined ? whole : v;
  });
}

/** The interview's template for `kind`, else the default; a subject never spans lines (header injection). */
export function renderMail(kind: MailTemplateKind, custom: MailTemplates | null | undefined, vars: TemplateVars): { subject: string; text: string } {
  const t = custom?.[kind] ?? DEFAULT_TEMPLATES[kind];
  return { subject: renderText(t.subject, vars).replace(/[\r\n]+/g, ' ').trim(), text: renderText(t.body, vars) };
}

/** A deadline as people read it, in UTC so every reader sees the same moment: "Fri 12 Dec 2026, 17:00 UTC". */
export function formatDeadline(iso: string): string {
  const d = new Date(iso);
  const day = d.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'UTC' });
  return `${day.replace(/,/g, '')}, ${time} UTC`;
}

/** Reminder times before a deadline: the ones still in the future and after `from` (a reminder right after the invite is noise). */
export function reminderTimes(deadlineIso: string, hoursBefore: readonly number[], from: Date): Array<{ hours: number; at: Date }> {
  const deadline = new Date(deadlineIso).getTime();
  return hoursBefore.map((hours) => ({ hours, at: new Date(deadline - hours * 3_600_000) })).filter((r) => r.at.getTime() > from.getTime() + 60 * 60_000);
}

/** The link in a stored body is replaced once the mail is sent or cancelled: the invite token is not kept. */
export function redactLink(text: string, link: string): string {
  return link ? text.split(link).join('[link removed after sending]') : text;
}
