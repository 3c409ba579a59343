/** The behaviour every cross-process EventBus must have: what one process publishes, another receives. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerEvent, EventBus } from '../../server/infra/events/event-bus.js';
import { until } from './queue-contract.js';

type Bus = EventBus & { ready(): Promise<void>; close(): Promise<void> };

const ev = (answerId: string, stage: string, progress: number, status: AnswerEvent['status'] = 'processing'): AnswerEvent => ({ answerId, status, stage, progress, error: null });

/** `make` opens one bus, as one process would; `inject` sends a raw message on the bus's channel. */
export function eventBusContract(name: string, make: () => Promise<Bus>, inject: (raw: string) => Promise<void>): void {
  describe(`EventBus across processes: ${name}`, () => {
    let api: Bus;
    let worker: Bus;
    beforeAll(async () => {
      [api, worker] = await Promise.all([make(), make()]);
      await Promise.all([api.ready(), worker.ready()]);
    });
    afterAll(async () => {
      await api?.close();
      await worker?.close();
    });

    it("delivers a worker's events to the subscribers of that answer only, in order", async () => {
      const a = randomUUID();
      const b = randomUUID();
      const gotA: AnswerEvent[] = [];
      const gotB: AnswerEvent[] = [];
      api.subscribe(a, (e) => gotA.push(e));
      api.subscribe(b, (e) => gotB.push(e));
      const sent = [ev(a, 'starting', 0), ev(a, 'transcribing', 0.3), ev(a, 'vision', 0.6), { ...ev(a, 'done', 1, 'done') }];
      for (const e of sent) worker.publish(e);
      await until(() => gotA.length === sent.length, 5000, 'all events');
      expect(gotA).toEqual(sent);
      expect(gotB).toEqual([]);
    });

    it('stops delivering after unsubscribe, and skips malformed messages on the channel', async () => {
      const a = randomUUID();
      const got: AnswerEvent[] = [];
      const off = api.subscribe(a, (e) => got.push(e));
      await inject('not json');
      await inject(JSON.stringify({ answerId: a, status: 'processing' })); // no progress: refused
      worker.publish(ev(a, 'starting', 0));
      await until(() => got.length === 1, 5000, 'first event');
      off();
      worker.publish(ev(a, 'later', 0.5));
      const c = randomUUID();
      const marker: AnswerEvent[] = [];
      api.subscribe(c, (e) => marker.push(e));
      worker.publish(ev(c, 'x', 0)); // published after the one we must not get: once it arrives, the other had its chance
      await until(() => marker.length === 1, 5000, 'marker');
      expect(got).toEqual([ev(a, 'starting', 0)]);
    });
  });
}
