import type { Kysely } from 'kysely';

/**
 * Mock interviews (issue 14): the question bank gets a type and roles; practice users get their own
 * questions (questions.owner, source 'practice'), question sets, and mock interview sessions whose items
 * point at the answers recorded for them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('questions').addColumn('type', 'text', (c) => c.notNull().defaultTo('general')).execute();
  await db.schema.alterTable('questions').addColumn('roles', 'text', (c) => c.notNull().defaultTo('["any"]')).execute();
  /** The practice owner of a 'practice' question (null for the bank and the hiring team's questions). */
  await db.schema.alterTable('questions').addColumn('owner', 'text').execute();
  await db.schema.createIndex('questions_source_owner').on('questions').columns(['source', 'owner']).execute();

  await db.schema
    .createTable('question_sets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('question_sets_owner').on('question_sets').column('owner').execute();
  await db.schema
    .createTable('question_set_items')
    .addColumn('set_id', 'text', (c) => c.notNull().references('question_sets.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull().references('questions.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('question_set_items_pk', ['set_id', 'position'])
    .execute();

  await db.schema
    .createTable('mock_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('role', 'text')
    .addColumn('categories', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('set_id', 'text')
    .addColumn('job_description', 'text')
    .addColumn('think_time_sec', 'integer', (c) => c.notNull())
    .addColumn('answer_time_sec', 'integer', (c) => c.notNull())
    .addColumn('extra_time_pct', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('audio_only', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mock_sessions_owner_created').on('mock_sessions').columns(['owner', 'created_at']).execute();
  await db.schema
    .createTable('mock_session_items')
    .addColumn('session_id', 'text', (c) => c.notNull().references('mock_sessions.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.references('questions.id').onDelete('set null'))
    .addColumn('question_text', 'text', (c) => c.notNull())
    .addColumn('question_type', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('answer_id', 'text', (c) => c.references('answers.id').onDelete('set null'))
    .addColumn('answered_at', 'text')
    .addPrimaryKeyConstraint('mock_session_items_pk', ['session_id', 'position'])
    .execute();
  await db.schema.createIndex('mock_session_items_answer').on('mock_session_items').column('answer_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['mock_session_items', 'mock_sessions', 'question_set_items', 'question_sets']) await db.schema.dropTable(t).execute();
  await db.schema.dropIndex('questions_source_owner').execute();
  for (const col of ['owner', 'roles', 'type']) await db.schema.alterTable('questions').dropColumn(col).execute();
}
