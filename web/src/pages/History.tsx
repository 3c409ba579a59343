import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { AnswerList, AnswerSummary } from '../../../contracts/answers';
import { SCORE_SHORT_LABELS } from '../../../contracts/scores';
import { historyQuery, practiceApi, practiceKeys } from '../api';
import { ErrorBox } from '../components/ErrorBox';
import { messageOf } from '../lib/http';
import { STATUS_LABELS } from '../lib/labels';
import { formatDate, formatDuration } from '../lib/time';

const SHOWN = ['confidence', 'clarity', 'eyeContact'] as const;

export function History() {
  const queryClient = useQueryClient();
  const list = useQuery(historyQuery(50));
  const remove = useMutation({
    mutationFn: (item: AnswerSummary) => practiceApi.remove(item.id),
    onSuccess: (_void, item) => {
      // Gone from every cached list at once, then the lists are fetched again.
      queryClient.setQueriesData<AnswerList>({ queryKey: practiceKeys.answers }, (old) => old && { ...old, items: old.items.filter((x) => x.id !== item.id) });
      queryClient.removeQueries({ queryKey: practiceKeys.answer(item.id) });
      return queryClient.invalidateQueries({ queryKey: practiceKeys.answers });
    },
  });
  const askRemove = (item: AnswerSummary): void => {
    if (window.confirm(`Delete this answer and its video?\n\n“${item.questionText}”`)) remove.mutate(item);
  };
  const items = list.data?.items;
  const error = list.error ?? remove.error;

  return (
    <div className="history">
      <h1 tabIndex={-1}>History</h1>
      {error ? (
        <ErrorBox message={messageOf(error)}>
          <button
            type="button"
            className="btn"
            onClick={() => {
              remove.reset();
              void list.refetch();
            }}
          >
            Try again
          </button>
        </ErrorBox>
      ) : null}
      {list.isPending && !list.error ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : null}
      {items?.length === 0 ? (
        <div className="card">
          <p>No answers yet.</p>
          <Link className="btn primary" to="/interview">
            Record your first answer
          </Link>
        </div>
      ) : null}
      {items && items.length > 0 ? (
        <ul className="history-list" data-testid="history-list">
          {items.map((it) => (
            <li key={it.id} className="card history-item">
              <div className="history-main">
                <Link to={`/answers/${encodeURIComponent(it.id)}`} className="history-link">
                  {it.questionText}
                </Link>
                <p className="muted small">
                  {formatDate(it.createdAt)} · {formatDuration(it.durationSec)} · <span className={`status status-${it.status}`}>{STATUS_LABELS[it.status]}</span>
                </p>
                {it.scores ? (
                  <ul className="chips" aria-label="Scores">
                    {SHOWN.map((k) => {
                      const value = it.scores?.[k];
                      return (
                        <li key={k} className="chip">
                          {SCORE_SHORT_LABELS[k]} <strong>{value == null ? '—' : Math.round(value)}</strong>
                        </li>
                      );
                    })}
                  </ul>
                ) : null}
              </div>
              <button type="button" className="btn secondary small" onClick={() => askRemove(it)} aria-label={`Delete answer: ${it.questionText}`}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
