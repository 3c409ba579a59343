import type { Kysely } from 'kysely';

/**
 * Streamed uploads in scale-out mode (issue 16, docs/streaming.md "Scale-out"): `streams` records how much of a tus
 * upload the API has copied to storage as chunk objects (`streams/<upload_id>/<seq>`) and whether it became an
 * answer; `stream_jobs` is the queue of the workers that analyse those chunks while they arrive. It has the columns
 * of `jobs`, but its subject is an upload, not an answer (an answer exists only after submit).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('streams')
    .addColumn('upload_id', 'text', (c) => c.primaryKey())
    /** receiving -> submitted (became answer_id; its stream job writes the report) or closed (retake, expiry, idle) */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('answer_id', 'text')
    /** chunk objects stored (seq 0 .. chunks-1) and the bytes they hold */
    .addColumn('chunks', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('bytes', 'integer', (c) => c.notNull().defaultTo(0))
    /** the upload's final length once known (tus Upload-Length) */
    .addColumn('size', 'integer')
    /** how far the worker's streaming analysis has got (seconds of the take), for the progress events */
    .addColumn('received_sec', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('analysed_sec', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('streams_answer').on('streams').column('answer_id').execute();

  await db.schema
    .createTable('stream_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('answer_id', 'text', (c) => c.notNull()) // the upload id: the queue's subject
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_after', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('stream_jobs_status_run_after').on('stream_jobs').columns(['status', 'run_after']).execute();
  await db.schema.createIndex('stream_jobs_subject').on('stream_jobs').column('answer_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('stream_jobs').execute();
  await db.schema.dropTable('streams').execute();
}
