import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Answer, AnswerEvent } from '../../../contracts/answers';
import { isSettled } from '../../../contracts/statuses';
import { answerQuery, practiceApi } from '../api';

const POLL_MS = 1500;

/**
 * An answer and its live analysis status, through the query cache: GET once, then server-sent events while
 * it is queued or processing (each event updates the cached answer; when the stream fails, the query polls
 * every 1.5 s instead), then GET again for the report once the analysis has settled.
 */
export function useAnswer(id: string) {
  const queryClient = useQueryClient();
  const [streamFailed, setStreamFailed] = useState(typeof EventSource === 'undefined');
  const query = useQuery({
    ...answerQuery(id),
    refetchInterval: (q) => (streamFailed && q.state.data && !isSettled(q.state.data.status) ? POLL_MS : false),
  });
  const live = query.data !== undefined && !isSettled(query.data.status);

  useEffect(() => {
    if (!live || streamFailed) return;
    const key = answerQuery(id).queryKey;
    const source = new EventSource(practiceApi.eventsUrl(id));
    source.addEventListener('status', (ev) => {
      let event: AnswerEvent;
      try {
        event = JSON.parse((ev as MessageEvent<string>).data) as AnswerEvent;
      } catch {
        return;
      }
      if (isSettled(event.status)) {
        // The stream ends here; the report comes with the full answer (the cache shows it settled only with it).
        source.close();
        void queryClient.invalidateQueries({ queryKey: key });
        return;
      }
      queryClient.setQueryData<Answer>(key, (prev) => (prev ? { ...prev, ...event, report: prev.report } : prev));
    });
    source.onerror = () => {
      // The server closes the stream after done/failed; any other error: poll instead.
      source.close();
      setStreamFailed(true);
    };
    return () => source.close();
  }, [id, live, streamFailed, queryClient]);

  return query;
}
