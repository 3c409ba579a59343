import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, formatDeadline, redactLink, reminderTimes, renderMail, renderText } from './templates.js';

describe('mail templates', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(renderText('Hi {{ candidateName }}, {{link}} {{nope}}', { candidateName: 'Ada', link: 'https://x/invite/t' })).toBe('Hi Ada, https://x/invite/t {{nope}}');
  });

  it('uses the interview\u2019s template when set, else the default; a subject never spans lines', () => {
    const vars = { candidateName: 'Ada', interviewTitle: 'SRE', link: 'L', deadline: 'D', company: 'Acme' };
    expect(renderMail('invite', null, vars).subject).toBe('Your video interview: SRE');
    expect(renderMail('invite', null, vars).text).toContain('Acme invites you');
    expect(renderMail('invite', { invite: { subject: 'A\r\nBcc: x@y', body: '{{link}}' } }, vars)).toEqual({ subject: 'A Bcc: x@y', text: 'L' });
    expect(renderMail('reminder', { invite: { subject: 's', body: 'b' } }, vars).subject).toBe(renderText(DEFAULT_TEMPLATES.reminder.subject, vars));
  });

  it('writes the deadline in UTC', () => {
    expect(formatDeadline('2026-12-11T17:05:00.000Z')).toBe('Fri 11 Dec 2026, 17:05 UTC');
  });

  it('plans reminders before the deadline, skipping those already past or within an hour of now', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(reminderTimes('2026-12-04T00:00:00Z', [48, 24], now).map((r) => [r.hours, r.at.toISOString()])).toEqual([
      [48, '2026-12-02T00:00:00.000Z'],
      [24, '2026-12-03T00:00:00.000Z'],
    ]);
    expect(reminderTimes('2026-12-02T00:30:00Z', [48, 24], now)).toEqual([]);
    expect(reminderTimes('2026-12-04T00:00:00Z', [], now)).toEqual([]);
  });

  it('removes the link from a stored body', () => {
    expect(redactLink('go to https://x/invite/abc now', 'https://x/invite/abc')).toBe('go to [link removed after sending] now');
    expect(redactLink('no link', '')).toBe('no link');
  });
});
