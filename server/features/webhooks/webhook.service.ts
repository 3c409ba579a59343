/**
 * Webhooks: an admin registers a URL and the events; each event becomes one delivery row per webhook, POSTed with
 * an HMAC signature by a poller that claims due rows with a lease (server/infra/outbox.ts, shared with the mail outbox), retried with backoff
 * (10 s x 4^(n-1), capped at 1 h) up to WEBHOOK_MAX_ATTEMPTS; every attempt's status is kept (the delivery log).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Delivery, Webhook, WebhookEvent, WebhookPayload } from '../../../contracts/webhooks.js';
import type { WebhookDeliveriesTable, WebhooksTable } from '../../db/schema-hiring.js';
import type { DB } from '../../db/schema.js';
import { OutboxPoller } from '../../infra/outbox.js';
import { notFound } from '../../http/errors.js';
import type { Actor, AuditLog } from '../audit/audit.repository.js';
import { newSecret } from '../auth/tokens.js';
import { SIGNATURE_HEADER, sign } from './signature.js';

type HookRow = Selectable<WebhooksTable>;
type DeliveryRow = Selectable<WebhookDeliveriesTable>;

export interface WebhookOptions {
  maxAttempts: number;
  timeoutMs: number;
  pollMs?: number;
  backoffBaseMs?: number;
  leaseMs?: number;
  log?: { info(o: object, m?: string): void; warn(o: object, m?: string): void; error(o: object, m?: string): void };
}

const toHook = (r: HookRow): Webhook => ({ id: r.id, url: r.url, events: JSON.parse(r.events_json) as WebhookEvent[], active: r.active === 1, createdAt: r.created_at });
const toDelivery = (r: DeliveryRow): Delivery => ({
  id: r.id,
  event: r.event,
  status: r.status,
  attempts: r.attempts,
  lastStatus: r.last_status,
  lastError: r.last_error,
  runAfter: r.run_after,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
});

export class WebhookService {
  private readonly poller: OutboxPoller<DeliveryRow, DB>;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit: AuditLog,
    private readonly opts: WebhookOptions,
  ) {
    this.poller = new OutboxPoller<DeliveryRow, DB>(db, {
      table: 'webhook_deliveries',
      busyStatus: 'delivering',
      name: 'hook',
      handle: (row) => this.deliver(row),
      leaseMs: opts.leaseMs ?? opts.timeoutMs * 3,
      backoffBaseMs: opts.backoffBaseMs ?? 10_000,
      pollMs: opts.pollMs ?? 5000,
      log: opts.log,
    });
  }

  async create(actor: Actor, input: { url: string; events: WebhookEvent[] }): Promise<Webhook & { secret: string }> {
    const row: HookRow = { id: randomUUID(), url: input.url, secret: `whsec_${newSecret(32)}`, events_json: JSON.stringify([...new Set(input.events)]), active: 1, created_by: actor.id, created_at: new Date().toISOString() };
    await this.db.insertInto('webhooks').values(row).execute();
    await this.audit.record(actor, 'webhook.create', 'webhook', row.id, { url: row.url, events: input.events });
    return { ...toHook(row), secret: row.secret };
  }

  async list(): Promise<Webhook[]> {
    return (await this.db.selectFrom('webhooks').selectAll().orderBy('created_at').execute()).map(toHook);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const res = await this.db.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
    if (Number(res.numDeletedRows) === 0) throw notFound('WEBHOOK_NOT_FOUND', 'No such webhook.');
    await this.audit.record(actor, 'webhook.delete', 'webhook', id);
  }

  async deliveries(webhookId: string, limit = 200): Promise<Delivery[]> {
    await this.hook(webhookId);
    return (await this.db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId).orderBy('created_at', 'desc').limit(limit).execute()).map(toDelivery);
  }

  async retry(webhookId: string, deliveryId: string): Promise<Delivery> {
    if (!(await this.poller.requeueFailed(deliveryId, { webhook_id: webhookId }))) throw notFound('DELIVERY_NOT_FAILED', 'No failed delivery with this id for this webhook.');
    return toDelivery(await this.db.selectFrom('webhook_deliveries').selectAll().where('id', '=', deliveryId).executeTakeFirstOrThrow());
  }

  private async hook(id: string): Promise<HookRow> {
    const row = await this.db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('WEBHOOK_NOT_FOUND', 'No such webhook.');
    return row;
  }

  /** Queues one delivery per active webhook subscribed to the event. */
  async emit(event: WebhookEvent, data: WebhookPayload['data']): Promise<number> {
    const hooks = (await this.db.selectFrom('webhooks').selectAll().where('active', '=', 1).execute()).filter((h) => (JSON.parse(h.events_json) as string[]).includes(event));
    const now = new Date().toISOString();
    for (const h of hooks) {
      const id = randomUUID();
      const payload: WebhookPayload = { id, event, createdAt: now, data };
      await this.db
        .insertInto('webhook_deliveries')
        .values({ id, webhook_id: h.id, event, candidate_id: data.candidateId, payload_json: JSON.stringify(payload), status: 'queued', attempts: 0, max_attempts: this.opts.maxAttempts, run_after: now, locked_by: null, locked_until: null, last_status: null, last_error: null, created_at: now, updated_at: now, delivered_at: null })
        .execute();
    }
    if (hooks.length) this.wake();
    return hooks.length;
  }

  start(): void {
    this.poller.start();
  }

  async stop(): Promise<void> {
    await this.poller.stop();
  }

  private wake(): void {
    this.poller.wake();
  }

  /** Delivers every due delivery now; resolves when none is due. */
  async drain(): Promise<void> {
    await this.poller.drain();
  }

  private async deliver(row: DeliveryRow): Promise<void> {
    const hook = await this.db.selectFrom('webhooks').selectAll().where('id', '=', row.webhook_id).executeTakeFirst();
    if (!hook) return;
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(hook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'InterviewAnalyzer-Webhook/1', [SIGNATURE_HEADER]: sign(hook.secret, row.payload_json), 'x-webhook-event': row.event, 'x-webhook-id': row.id },
        body: row.payload_json,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
      status = res.status;
      await res.body?.cancel().catch(() => {});
      if (res.status < 200 || res.status >= 300) error = `receiver answered HTTP ${res.status}`;
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      error = e.name === 'TimeoutError' ? `no answer within ${this.opts.timeoutMs / 1000} s` : `${e.message}${e.cause?.code ? ` (${e.cause.code})` : ''}`;
    }
    if (error === null) {
      await this.poller.release(row, { status: 'delivered', last_status: status, last_error: null, delivered_at: new Date().toISOString() });
      return;
    }
    const { final } = await this.poller.retryOrFail(row, error, { last_status: status });
    this.opts.log?.warn({ deliveryId: row.id, event: row.event, attempt: row.attempts, final, err: error }, final ? 'webhook delivery failed for good' : 'webhook delivery failed, will retry');
  }
}
