import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';

describe('hiring settings (server/config.ts)', () => {
  it('has defaults: no SMTP, reminders 24 h before the deadline, fairness minimum 5', () => {
    const c = loadConfig({});
    expect(c.SMTP_URL).toBeUndefined();
    expect(c).toMatchObject({ INVITE_REMINDER_HOURS: [24], MAIL_MAX_ATTEMPTS: 5, WEBHOOK_MAX_ATTEMPTS: 6, WEBHOOK_TIMEOUT_SEC: 10, FAIRNESS_MIN_GROUP: 5 });
  });

  it('reads reminder hours as a list, largest first, 0 meaning none', () => {
    expect(loadConfig({ INVITE_REMINDER_HOURS: '24, 72,24' }).INVITE_REMINDER_HOURS).toEqual([72, 24]);
    expect(loadConfig({ INVITE_REMINDER_HOURS: '0' }).INVITE_REMINDER_HOURS).toEqual([]);
  });

  it('names each bad value', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example' })).toThrow(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => loadConfig({ INVITE_REMINDER_HOURS: '1.5,x' })).toThrow(/INVITE_REMINDER_HOURS: comma-separated whole hours/);
    expect(() => loadConfig({ FAIRNESS_MIN_GROUP: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ WEBHOOK_TIMEOUT_SEC: '500' })).toThrow(/WEBHOOK_TIMEOUT_SEC/);
  });
});
