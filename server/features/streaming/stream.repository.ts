/** The SQL of streamed uploads in scale-out mode (migration 010, docs/streaming.md "Scale-out"). */
import type { Kysely, Selectable } from 'kysely';
import type { DB, StreamsTable } from '../../db/schema.js';

export type StreamRow = Selectable<StreamsTable>;

export class StreamRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(uploadId: string): Promise<void> {
    const now = new Date().toISOString();
    await this.db.insertInto('streams').values({ upload_id: uploadId, state: 'receiving', answer_id: null, size: null, created_at: now, updated_at: now }).execute();
  }

  get(uploadId: string): Promise<StreamRow | undefined> {
    return this.db.selectFrom('streams').selectAll().where('upload_id', '=', uploadId).executeTakeFirst();
  }

  /** Chunk `chunks - 1` is stored: the stream now holds `bytes` bytes (and `size` is the upload's length, once known). */
  async stored(uploadId: string, chunks: number, bytes: number, size: number | null): Promise<void> {
    await this.db.updateTable('streams').set({ chunks, bytes, size, updated_at: new Date().toISOString() }).where('upload_id', '=', uploadId).execute();
  }

  async setSize(uploadId: string, size: number): Promise<void> {
    await this.db.updateTable('streams').set({ size, updated_at: new Date().toISOString() }).where('upload_id', '=', uploadId).execute();
  }

  /** The upload became `answerId` and its stream job will analyse it: true unless the stream was closed meanwhile. */
  async attach(uploadId: string, answerId: string): Promise<boolean> {
    const res = await this.db.updateTable('streams').set({ state: 'submitted', answer_id: answerId, updated_at: new Date().toISOString() }).where('upload_id', '=', uploadId).where('state', '=', 'receiving').executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  /** Closes a stream still receiving (an idle upload): true when this call closed it (it was not submitted meanwhile). */
  async closeIfReceiving(uploadId: string): Promise<boolean> {
    const res = await this.db.updateTable('streams').set({ state: 'closed', updated_at: new Date().toISOString() }).where('upload_id', '=', uploadId).where('state', '=', 'receiving').executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  async close(uploadId: string): Promise<void> {
    await this.db.updateTable('streams').set({ state: 'closed', updated_at: new Date().toISOString() }).where('upload_id', '=', uploadId).execute();
  }

  /** Streams still receiving that got no byte since `before` (the expiry sweep). */
  async idleSince(before: Date): Promise<string[]> {
    const rows = await this.db.selectFrom('streams').select('upload_id').where('state', '=', 'receiving').where('updated_at', '<', before.toISOString()).execute();
    return rows.map((r) => r.upload_id);
  }

  /** The submitted stream that analyses `answerId`, if any. */
  async submittedFor(answerId: string): Promise<string | null> {
    const row = await this.db.selectFrom('streams').select('upload_id').where('answer_id', '=', answerId).where('state', '=', 'submitted').executeTakeFirst();
    return row?.upload_id ?? null;
  }

  /** How far the worker's analysis has got (for the upload's progress events on the API). */
  async setProgress(uploadId: string, receivedSec: number, analysedSec: number): Promise<void> {
    await this.db.updateTable('streams').set({ received_sec: receivedSec, analysed_sec: analysedSec }).where('upload_id', '=', uploadId).execute();
  }

  /** Rows closed before `before` are forgotten (their chunks were removed when they closed). */
  async forgetClosed(before: Date): Promise<void> {
    await this.db.deleteFrom('streams').where('state', '=', 'closed').where('updated_at', '<', before.toISOString()).execute();
  }
}
