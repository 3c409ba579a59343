/** Analysis budget (issue 11): media seconds accepted per client, and a per-job priority that keeps the queue fair across clients. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('analysis_usage')
    .addColumn('answer_id', 'text', (c) => c.primaryKey())
    .addColumn('client_key', 'text', (c) => c.notNull())
    .addColumn('seconds', 'real', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('analysis_usage_client_created').on('analysis_usage').columns(['client_key', 'created_at']).execute();
  // Lower runs first: a job's priority is how many jobs its client already had waiting, so one client's backlog does not starve another's first job.
  await db.schema.alterTable('jobs').addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('jobs').dropColumn('priority').execute();
  await db.schema.dropTable('analysis_usage').execute();
}
