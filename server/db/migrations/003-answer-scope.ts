import type { Kysely } from 'kysely';

/** Who may see an answer through the public practice API: 'practice' answers, or 'candidate' answers (hiring side only). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('answers').addColumn('scope', 'text', (c) => c.notNull().defaultTo('practice')).execute();
  await db.schema.createIndex('answers_scope_created_at').on('answers').columns(['scope', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('answers_scope_created_at').execute();
  await db.schema.alterTable('answers').dropColumn('scope').execute();
}
