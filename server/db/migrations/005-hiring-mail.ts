/** Hiring (issue 15): the mail outbox, invite tracking, per-interview mail templates and branding. */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** invite | reminder | confirmation | finished */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('to_addr', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    /** queued | sending | sent | failed | cancelled */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    /** Not before this time (reminders are queued days ahead; retries back off). */
    .addColumn('run_after', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('message_id', 'text')
    .addColumn('interview_id', 'text', (c) => c.references('interviews.id').onDelete('cascade'))
    .addColumn('candidate_id', 'text', (c) => c.references('candidates.id').onDelete('cascade'))
    .addColumn('invite_id', 'text', (c) => c.references('invites.id').onDelete('cascade'))
    /** One mail per purpose (e.g. `reminder:<invite>:24`): enqueueing twice, from two processes, stores one. */
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('mail_outbox_due').on('mail_outbox').columns(['status', 'run_after']).execute();
  await db.schema.createIndex('mail_outbox_invite').on('mail_outbox').column('invite_id').execute();

  await db.schema.alterTable('invites').addColumn('sent_at', 'text').execute();
  await db.schema.alterTable('invites').addColumn('opened_at', 'text').execute();
  await db.schema.alterTable('invites').addColumn('started_at', 'text').execute();
  await db.schema.alterTable('invites').addColumn('declined_at', 'text').execute();

  /** JSON { invite?, reminder?, confirmation?, finished? } each { subject, body }; null = the defaults. */
  await db.schema.alterTable('interviews').addColumn('mail_templates_json', 'text').execute();
  /** JSON { company, logoUrl, intro }; null = no branding. */
  await db.schema.alterTable('interviews').addColumn('brand_json', 'text').execute();

  // "invited" only once a link exists
  await sql`update candidates set status = 'not_invited' where status = 'invited' and not exists (select 1 from invites where invites.candidate_id = candidates.id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update candidates set status = 'invited' where status = 'not_invited'`.execute(db);
  await db.schema.alterTable('interviews').dropColumn('brand_json').execute();
  await db.schema.alterTable('interviews').dropColumn('mail_templates_json').execute();
  for (const c of ['declined_at', 'started_at', 'opened_at', 'sent_at']) await db.schema.alterTable('invites').dropColumn(c).execute();
  await db.schema.dropTable('mail_outbox').execute();
}
