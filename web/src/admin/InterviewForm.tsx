import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import type { InterviewCreate } from '../../../contracts/interviews';
import { questionBankQuery } from '../api';
import { ErrorBox } from '../components/ErrorBox';
import { messageOf } from '../lib/http';
import { adminApi, adminKeys } from './api';
import { parseRubric } from './rubricText';

type Item = InterviewCreate['questions'][number] & { key: number; thinkTimeSec: number; answerTimeSec: number; retakes: number; rubricText?: string };
let nextKey = 1;
const blank = (): Item => ({ key: nextKey++, text: '', thinkTimeSec: 30, answerTimeSec: 120, retakes: 1 });

/** A new interview: title, description, consent text, retention, and an ordered question set (bank or new). */
export function InterviewForm() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const bank = useQuery(questionBankQuery);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [consentText, setConsent] = useState('');
  const [retention, setRetention] = useState('');
  const [company, setCompany] = useState('');
  const [logoUrl, setLogoUrl] = useState('');
  const [intro, setIntro] = useState('');
  const [items, setItems] = useState<Item[]>([blank()]);
  const create = useMutation({
    mutationFn: adminApi.createInterview,
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.interviews });
      await navigate(`/admin/interviews/${created.id}`);
    },
  });
  const set = (key: number, patch: Partial<Item>): void => setItems((xs) => xs.map((x) => (x.key === key ? { ...x, ...patch } : x)));
  const move = (i: number, d: number): void =>
    setItems((xs) => {
      const ys = [...xs];
      const [x] = ys.splice(i, 1);
      if (x) ys.splice(Math.max(0, Math.min(ys.length, i + d)), 0, x);
      return ys;
    });
  const [rubricError, setRubricError] = useState<string | null>(null);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setRubricError(null);
    const questions = [];
    for (const [i, { key: _k, questionId, text, rubricText, ...rest }] of items.entries()) {
      let rubric = {};
      if (rubricText !== undefined) {
        const parsed = parseRubric(rubricText);
        if ('error' in parsed) {
          setRubricError(`Question ${i + 1}, rubric: ${parsed.error}`);
          return;
        }
        rubric = { rubric: parsed.rubric };
      }
      questions.push(questionId ? { questionId, ...rest, ...rubric } : { text, ...rest, ...rubric });
    }
    const brand = company.trim() || logoUrl.trim() || intro.trim() ? { brand: { company, logoUrl, intro } } : {};
    create.mutate({ title, description, questions, ...(consentText.trim() ? { consentText } : {}), ...(retention ? { retentionDays: Number(retention) } : {}), ...brand });
  };
  return (
    <section className="card">
      <h2>New interview</h2>
      <form className="admin-form" onSubmit={submit} data-testid="interview-form">
        <label>
          Title <input name="title" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          Description <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={3} />
        </label>
        <label>
          Consent text shown to candidates (empty: the default statement)
          <textarea value={consentText} onChange={(e) => setConsent(e.target.value)} rows={3} />
        </label>
        <fieldset>
          <legend>What candidates see first (optional)</legend>
          <label>
            Company name <input name="company" maxLength={120} value={company} onChange={(e) => setCompany(e.target.value)} />
          </label>
          <label>
            Logo (https:// URL) <input name="logoUrl" type="url" maxLength={2000} value={logoUrl} onChange={(e) => setLogoUrl(e.target.value)} />
          </label>
          <label>
            Introduction <textarea name="intro" value={intro} onChange={(e) => setIntro(e.target.value)} rows={3} maxLength={5000} />
          </label>
        </fieldset>
        <label>
          Keep recordings for (days; empty: the server default)
          <input type="number" min={1} value={retention} onChange={(e) => setRetention(e.target.value)} />
        </label>
        <fieldset>
          <legend>Questions, in order</legend>
          {items.map((q, i) => (
            <div key={q.key} className="admin-row" data-testid="question-item">
              <label>
                From the bank
                <select value={q.questionId ?? ''} onChange={(e) => set(q.key, { questionId: e.target.value || undefined })}>
                  <option value="">(none: I will write one)</option>
                  {bank.data?.items.map((b) => (
                    <option key={b.id} value={b.id}>
                      {b.text}
                    </option>
                  ))}
                </select>
              </label>
              {!q.questionId ? (
                <label>
                  New question <input name={`q${i}`} value={q.text ?? ''} onChange={(e) => set(q.key, { text: e.target.value })} required />
                </label>
              ) : null}
              <label>
                Think (s) <input type="number" min={0} max={600} value={q.thinkTimeSec} onChange={(e) => set(q.key, { thinkTimeSec: Number(e.target.value) })} />
              </label>
              <label>
                Answer limit (s) <input type="number" min={10} max={1800} value={q.answerTimeSec} onChange={(e) => set(q.key, { answerTimeSec: Number(e.target.value) })} />
              </label>
              <label>
                Retakes <input type="number" min={0} max={10} value={q.retakes} onChange={(e) => set(q.key, { retakes: Number(e.target.value) })} />
              </label>
              <label>
                <input type="checkbox" checked={q.rubricText !== undefined} onChange={(e) => set(q.key, { rubricText: e.target.checked ? '' : undefined })} /> Own rubric
              </label>
              {q.rubricText !== undefined ? (
                <label className="wide">
                  Rubric, one criterion per line: <code>Name: level 1 | level 2 | level 3 | level 4 | level 5</code>
                  <textarea rows={3} value={q.rubricText} onChange={(e) => set(q.key, { rubricText: e.target.value })} />
                </label>
              ) : null}
              <button type="button" className="btn secondary small" onClick={() => move(i, -1)} aria-label={`Move question ${i + 1} up`}>
                ↑
              </button>
              <button type="button" className="btn secondary small" onClick={() => setItems((xs) => xs.filter((x) => x.key !== q.key))} disabled={items.length === 1}>
                Remove
              </button>
            </div>
          ))}
          <button type="button" className="btn secondary" onClick={() => setItems((xs) => [...xs, blank()])}>
            Add a question
          </button>
        </fieldset>
        <button type="submit" className="btn primary" disabled={create.isPending}>
          Create interview
        </button>
      </form>
      {rubricError ? <ErrorBox message={rubricError} /> : null}
      {create.error ? <ErrorBox message={messageOf(create.error)} /> : null}
    </section>
  );
}
