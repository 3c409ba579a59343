/** Progress events of answers, published by whoever runs the analysis, read by whoever serves the browser. */
import { EventEmitter } from 'node:events';
import type { AnswerStatus } from '../../../contracts/statuses.js';

export interface AnswerEvent {
  answerId: string;
  status: AnswerStatus;
  stage: string | null;
  progress: number;
  error: string | null;
}

export interface EventBus {
  publish(event: AnswerEvent): void;
  /** Returns the unsubscribe function. */
  subscribe(answerId: string, listener: (e: AnswerEvent) => void): () => void;
  /**
   * Called after the bus lost its connection and got it back: events published in between may be lost, so a
   * subscriber reads the current state again. Returns the unsubscribe function. (Buses that cannot lose events omit it.)
   */
  onReconnect?(listener: () => void): () => void;
}

/** In-process bus: enough when API and worker share one process (ROLE=all). */
export class MemoryEventBus implements EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  publish(event: AnswerEvent): void {
    this.emitter.emit(event.answerId, event);
  }

  subscribe(answerId: string, listener: (e: AnswerEvent) => void): () => void {
    this.emitter.on(answerId, listener);
    return () => this.emitter.off(answerId, listener);
  }
}
