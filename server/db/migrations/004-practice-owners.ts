import { type Kysely, sql } from 'kysely';

/**
 * Practice ownership (issue 11): every practice answer belongs to an owner key (`a:<sha256 of the anonymous
 * cookie secret>` or `u:<user id>`), question draws are keyed by that owner key, and reports can be shared
 * through revocable links stored as token hashes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('answers').addColumn('owner', 'text').execute();
  await db.schema.createIndex('answers_owner_created_at').on('answers').columns(['owner', 'created_at']).execute();
  // Draws were keyed by the raw `ia_session` cookie value, which for a signed-in admin was the admin session
  // id itself: those rows are secrets at rest, so they go (the only loss: which questions a browser has seen).
  await sql`delete from question_draws`.execute(db);

  await db.schema
    .createTable('answer_shares')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('answer_id', 'text', (c) => c.notNull().references('answers.id').onDelete('cascade'))
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('include_video', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('answer_shares_answer').on('answer_shares').column('answer_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('answer_shares').execute();
  await db.schema.dropIndex('answers_owner_created_at').execute();
  await db.schema.alterTable('answers').dropColumn('owner').execute();
}
