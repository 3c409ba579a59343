/** The mail outbox on a real Postgres (scale-out database): one row per dedupe key, and one send per row with several senders racing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/database.js';
import { openPostgres } from '../../server/db/postgres.js';
import { MailOutbox } from '../../server/features/mail/mail.outbox.js';
import { smtpSender } from '../../server/features/mail/mail.service.js';
import { type Service, startPostgres } from '../helpers/services.js';
import { startSmtp, type TestSmtp, toOf } from './smtp.js';

let pg: Service & { createDatabase(name: string): Promise<string> };
let database: Database;
let smtp: TestSmtp;

beforeAll(async () => {
  pg = await startPostgres();
  database = openPostgres(await pg.createDatabase('mail_test'));
  await migrateToLatest(database.db);
  smtp = await startSmtp();
}, 120_000);
afterAll(async () => {
  await database?.close();
  await pg?.stop();
  await smtp?.close();
});

const sender = () => new MailOutbox(database.db, smtpSender(smtp.url), { from: 'hiring@acme.example', maxAttempts: 3 });

describe('mail outbox on Postgres', () => {
  it('stores one mail per dedupe key and sends each mail once with four senders racing', async () => {
    const a = sender();
    expect(await a.enqueue({ kind: 'reminder', to: 'pg@example.com', subject: 'once', text: 'x', dedupeKey: 'reminder:k:24' })).toEqual(expect.any(String));
    expect(await a.enqueue({ kind: 'reminder', to: 'pg@example.com', subject: 'once', text: 'x', dedupeKey: 'reminder:k:24' })).toBeNull();
    for (let i = 0; i < 5; i++) await a.enqueue({ kind: 'confirmation', to: `pg${i}@example.com`, subject: `mail ${i}`, text: 'y' });
    await Promise.all([a.drain(), sender().drain(), sender().drain(), sender().drain()]);
    await smtp.waitFor((m) => toOf(m).includes('pg4@example.com'));
    await new Promise((r) => setTimeout(r, 500));
    const got = smtp.messages.filter((m) => toOf(m).some((x) => x.startsWith('pg')));
    expect(got.map((m) => m.subject).sort()).toEqual(['mail 0', 'mail 1', 'mail 2', 'mail 3', 'mail 4', 'once']);
    const rows = await database.db.selectFrom('mail_outbox').select(['status', 'attempts']).execute();
    expect(rows.every((r) => r.status === 'sent' && Number(r.attempts) === 1)).toBe(true);
  });
});
