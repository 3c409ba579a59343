/** Reviewer workspace (issue 15): a rubric per interview question (criteria with anchored 1-5 levels); null = the default rubric. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('interview_questions').addColumn('rubric_json', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('interview_questions').dropColumn('rubric_json').execute();
}
