import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import type { AnswerDetail } from '../types';

const POLL_MS = 1500;

export interface AnswerState {
  answer: AnswerDetail | null;
  error: ApiError | null;
  /** Loads again from the start (after a retry on the server). */
  reload(): void;
}

function isFinal(a: AnswerDetail): boolean {
  return a.status === 'done' || a.status === 'failed';
}

/**
 * An answer and its live analysis status: GET once, then Server-Sent Events while it is queued or
 * processing (falling back to polling every 1.5 s when the stream errors), then GET the final report.
 */
export function useAnswer(id: string): AnswerState {
  const [answer, setAnswer] = useState<AnswerDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    let source: EventSource | null = null;
    let timer = 0;
    setError(null);

    const finish = async (): Promise<void> => {
      source?.close();
      window.clearTimeout(timer);
      try {
        const full = await api.answer(id);
        if (live) setAnswer(full);
      } catch (e) {
        if (live) setError(e as ApiError);
      }
    };
    const poll = async (): Promise<void> => {
      if (!live) return;
      try {
        const a = await api.answer(id);
        if (!live) return;
        setAnswer(a);
        if (!isFinal(a)) timer = window.setTimeout(() => void poll(), POLL_MS);
      } catch (e) {
        if (!live) return;
        const err = e as ApiError;
        if (err.status === 404) setError(err);
        else timer = window.setTimeout(() => void poll(), POLL_MS * 2);
      }
    };
    const subscribe = (): void => {
      if (typeof EventSource === 'undefined') {
        void poll();
        return;
      }
      source = new EventSource(api.eventsUrl(id));
      source.addEventListener('status', (ev) => {
        let a: AnswerDetail;
        try {
          a = JSON.parse((ev as MessageEvent<string>).data) as AnswerDetail;
        } catch {
          return;
        }
        if (!live) return;
        setAnswer((prev) => ({ ...(prev ?? a), ...a, report: prev?.report ?? null }));
        if (isFinal(a)) void finish();
      });
      source.onerror = () => {
        // The stream ends after done/failed; any other error: fall back to polling.
        source?.close();
        source = null;
        if (live) void poll();
      };
    };

    api.answer(id).then(
      (a) => {
        if (!live) return;
        setAnswer(a);
        if (!isFinal(a)) subscribe();
      },
      (e: unknown) => {
        if (live) setError(e as ApiError);
      },
    );
    return () => {
      live = false;
      source?.close();
      window.clearTimeout(timer);
    };
  }, [id, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { answer, error, reload };
}
