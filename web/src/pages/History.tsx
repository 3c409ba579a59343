import { useEffect, useState } from 'react';
import { api, messageOf } from '../api';
import type { HistoryItem } from '../types';
import { SCORE_ORDER, SHORT_SCORE_LABELS, STATUS_LABELS } from '../lib/labels';
import { formatDate, formatDuration } from '../lib/time';
import { ErrorBox } from '../components/ErrorBox';
import { Link } from '../components/Link';

const SHOWN = SCORE_ORDER.filter((k) => k === 'confidence' || k === 'clarity' || k === 'eyeContact');

export function History() {
  const [items, setItems] = useState<HistoryItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [n, setN] = useState(0);

  useEffect(() => {
    let live = true;
    setError(null);
    api.history(50).then(
      (r) => live && setItems(r.items),
      (e: unknown) => live && setError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [n]);

  const remove = async (item: HistoryItem): Promise<void> => {
    if (!window.confirm(`Delete this answer and its video?\n\n“${item.questionText}”`)) return;
    try {
      await api.remove(item.id);
      setItems((list) => list?.filter((x) => x.id !== item.id) ?? null);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <div className="history">
      <h1 tabIndex={-1}>History</h1>
      {error ? (
        <ErrorBox message={error}>
          <button type="button" className="btn" onClick={() => setN((x) => x + 1)}>
            Try again
          </button>
        </ErrorBox>
      ) : null}
      {items === null && !error ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : null}
      {items?.length === 0 ? (
        <div className="card">
          <p>No answers yet.</p>
          <Link className="btn primary" href="/interview">
            Record your first answer
          </Link>
        </div>
      ) : null}
      {items && items.length > 0 ? (
        <ul className="history-list" data-testid="history-list">
          {items.map((it) => (
            <li key={it.id} className="card history-item">
              <div className="history-main">
                <Link href={`/answers/${encodeURIComponent(it.id)}`} className="history-link">
                  {it.questionText}
                </Link>
                <p className="muted small">
                  {formatDate(it.createdAt)} · {formatDuration(it.durationSec)} ·{' '}
                  <span className={`status status-${it.status}`}>{STATUS_LABELS[it.status] ?? it.status}</span>
                </p>
                {it.scores ? (
                  <ul className="chips" aria-label="Scores">
                    {SHOWN.map((k) => (
                      <li key={k} className="chip">
                        {SHORT_SCORE_LABELS[k]} <strong>{it.scores?.[k] == null ? '—' : Math.round(it.scores[k] as number)}</strong>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
              <button type="button" className="btn secondary small" onClick={() => void remove(it)} aria-label={`Delete answer: ${it.questionText}`}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
