import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { HistoryItem, HistoryList } from '../../../contracts/history';
import { SCORE_SHORT_LABELS } from '../../../contracts/scores';
import { type HistoryFilters, historySearchQuery, practiceApi, practiceKeys, questionBankQuery } from '../api';
import { ErrorBox } from '../components/ErrorBox';
import { messageOf } from '../lib/http';
import { STATUS_LABELS } from '../lib/labels';
import { formatDate, formatDuration } from '../lib/time';

const SHOWN = ['confidence', 'clarity', 'eyeContact'] as const;

const FILTER_KEYS = ['questionId', 'category', 'from', 'to', 'q'] as const;

/** The filters live in the URL (?category=…&q=…): a filtered history can be reloaded, bookmarked and shared with yourself. */
function useFilters(): [HistoryFilters, (f: HistoryFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters: HistoryFilters = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) filters[k] = v;
  }
  const set = (f: HistoryFilters) => {
    const next = new URLSearchParams();
    for (const k of FILTER_KEYS) {
      const v = f[k];
      if (v) next.set(k, v);
    }
    setParams(next);
  };
  return [filters, set];
}

function Filters({ value, onChange }: { value: HistoryFilters; onChange: (f: HistoryFilters) => void }) {
  const bank = useQuery(questionBankQuery);
  const [draft, setDraft] = useState<HistoryFilters>(value);
  const questions = bank.data?.items ?? [];
  const categories = [...new Set(questions.map((q) => q.category))].sort();
  const field = (k: keyof HistoryFilters) => ({ value: draft[k] ?? '', onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value }) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange(draft);
  };
  return (
    <form className="card filters" onSubmit={submit} aria-label="Filter and search your answers" data-testid="history-filters">
      <label>
        Search transcripts
        <input type="search" name="q" placeholder="words you said" maxLength={200} {...field('q')} />
      </label>
      <label>
        Category
        <select name="category" {...field('category')}>
          <option value="">All</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label>
        Question
        <select name="questionId" {...field('questionId')}>
          <option value="">All</option>
          {questions.map((q) => (
            <option key={q.id} value={q.id}>
              {q.text}
            </option>
          ))}
        </select>
      </label>
      <label>
        From
        <input type="date" name="from" {...field('from')} />
      </label>
      <label>
        To
        <input type="date" name="to" {...field('to')} />
      </label>
      <button className="btn primary" type="submit">
        Apply
      </button>
      <button
        className="btn secondary"
        type="button"
        onClick={() => {
          setDraft({});
          onChange({});
        }}
      >
        Clear
      </button>
    </form>
  );
}

export function History() {
  const queryClient = useQueryClient();
  const [filters, setFilters] = useFilters();
  const filtered = Object.keys(filters).length > 0;
  const list = useQuery(historySearchQuery(filters));
  const remove = useMutation({
    mutationFn: (item: HistoryItem) => practiceApi.remove(item.id),
    onSuccess: (_void, item) => {
      // Gone from every cached list at once, then the lists are fetched again.
      queryClient.setQueriesData<HistoryList>({ queryKey: [...practiceKeys.answers, 'history'] }, (old) => old && { ...old, items: old.items.filter((x) => x.id !== item.id) });
      queryClient.removeQueries({ queryKey: practiceKeys.answer(item.id) });
      return queryClient.invalidateQueries({ queryKey: practiceKeys.answers });
    },
  });
  const askRemove = (item: HistoryItem): void => {
    if (window.confirm(`Delete this answer and its video?\n\n“${item.questionText}”`)) remove.mutate(item);
  };
  const items = list.data?.items;
  const error = list.error ?? remove.error;

  return (
    <div className="history">
      <h1 tabIndex={-1}>History</h1>
      <p className="muted">
        Your own answers only (this browser's, or your account's). <Link to="/progress">See your progress over time</Link>.
      </p>
      <Filters key={JSON.stringify(filters)} value={filters} onChange={setFilters} />
      {list.data ? (
        <p className="muted small" role="status" data-testid="history-count">
          {list.data.total} answer{list.data.total === 1 ? '' : 's'}
          {filtered ? ' match the filters' : ''}
        </p>
      ) : null}
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
      {items?.length === 0 && filtered ? <p className="card">No answers match these filters.</p> : null}
      {items?.length === 0 && !filtered ? (
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
                {it.snippet ? <p className="snippet small">{it.snippet}</p> : null}
                <p className="muted small">
                  {it.category ? `${it.category} · ` : ''}
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
