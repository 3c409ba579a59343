/**
 * Scale-out mail (REDIS_URL): a reminder queued for later is woken by a BullMQ delayed job in a real Redis started
 * here; the process that queued it stops before it is due, two fresh processes start, and the mail arrives once,
 * on time, at a real SMTP server, with the pollers turned down to once an hour (so only BullMQ can wake them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BullMqWake } from '../../server/features/mail/bullmq-wake.js';
import { MailOutbox } from '../../server/features/mail/mail.outbox.js';
import { smtpSender } from '../../server/features/mail/mail.service.js';
import { type Service, startRedis } from '../helpers/services.js';
import { createHiringApp, type HiringApp } from './helpers.js';
import { startSmtp, type TestSmtp, toOf } from './smtp.js';

let redis: Service;
let smtp: TestSmtp;
let t: HiringApp;

beforeAll(async () => {
  redis = await startRedis();
  smtp = await startSmtp();
  t = await createHiringApp();
}, 60_000);
afterAll(async () => {
  await t?.close();
  await smtp?.close();
  await redis?.stop();
});

const newProcess = () => new MailOutbox(t.c.database.db, smtpSender(smtp.url), { from: 'hiring@acme.example', maxAttempts: 3, pollMs: 3_600_000 }, undefined, new BullMqWake({ url: redis.url, prefix: 'ia-test-mail' }));

describe('reminders with BullMQ (REDIS_URL)', () => {
  it('go out once, on time, after the process that queued them stopped, with two processes running', async () => {
    const first = newProcess();
    first.start();
    const due = new Date(Date.now() + 2000);
    const id = await first.enqueue({ kind: 'reminder', to: 'later@example.com', subject: 'Reminder: closes soon', text: 'continue here', runAfter: due });
    await first.stop(); // the process goes away; the delayed job stays in Redis

    const [a, b] = [newProcess(), newProcess()];
    a.start();
    b.start();
    try {
      const m = await smtp.waitFor((x) => toOf(x).includes('later@example.com'), 15_000);
      const row = await t.c.database.db.selectFrom('mail_outbox').selectAll().where('id', '=', id!).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'sent', attempts: 1 });
      expect(Date.parse(row.sent_at!)).toBeGreaterThanOrEqual(due.getTime());
      expect(m.subject).toBe('Reminder: closes soon');
      await new Promise((r) => setTimeout(r, 1000));
      expect(smtp.messages.filter((x) => toOf(x).includes('later@example.com'))).toHaveLength(1);
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
