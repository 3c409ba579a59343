import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import type { OwnQuestionBody, Question, QuestionList, QuestionRole, QuestionSetBody, QuestionType } from '../../../../contracts/questions';
import { ErrorBox } from '../../components/ErrorBox';
import { messageOf, request, seg } from '../../lib/http';
import { facetsQuery, mockKeys, questionSetsQuery } from '../../mockApi';

const TYPES: QuestionType[] = ['behavioural', 'situational', 'technical', 'motivation', 'general'];
const ownQuery = { queryKey: [...mockKeys.all, 'own'] as const, queryFn: ({ signal }: { signal: AbortSignal }) => request<QuestionList>('/api/questions?origin=own', { signal }) };
const bankQuery = (category: string) => ({
  queryKey: [...mockKeys.all, 'bank', category] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => request<QuestionList>(`/api/questions?origin=bank${category ? `&category=${encodeURIComponent(category)}` : ''}`, { signal }),
});

/** The practice user's own questions (add, edit, delete) and question sets (create from bank and own questions, delete). Only this user sees them. */
export function MyQuestions() {
  const queryClient = useQueryClient();
  const own = useQuery(ownQuery);
  const sets = useQuery(questionSetsQuery);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: mockKeys.all });
  const remove = useMutation({ mutationFn: (id: string) => request<void>(`/api/questions/${seg(id)}`, { method: 'DELETE' }), onSuccess: invalidate });
  const removeSet = useMutation({ mutationFn: (id: string) => request<void>(`/api/question-sets/${seg(id)}`, { method: 'DELETE' }), onSuccess: invalidate });
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <div className="my-questions">
      <h1 tabIndex={-1}>My questions and sets</h1>
      <p className="lead">Questions you add join your random questions and mock interviews. Only you can see them.</p>
      <QuestionForm title="Add a question" submitLabel="Add question" onDone={invalidate} />

      <section className="card" aria-labelledby="own-h">
        <h2 id="own-h">Your questions</h2>
        {own.error ? <ErrorBox message={messageOf(own.error)} /> : null}
        {own.data && own.data.items.length === 0 ? <p className="muted">You have not added any questions yet.</p> : null}
        <ul className="plain-list" data-testid="own-questions">
          {own.data?.items.map((q) =>
            editing === q.id ? (
              <li key={q.id}>
                <QuestionForm
                  title="Edit question"
                  submitLabel="Save"
                  question={q}
                  onDone={() => {
                    setEditing(null);
                    void invalidate();
                  }}
                  onCancel={() => setEditing(null)}
                />
              </li>
            ) : (
              <li key={q.id} className="mock-answer">
                <p className="question-text small">{q.text}</p>
                <p className="muted small">
                  {q.category} · {q.type} · {q.roles.join(', ')}
                </p>
                <div className="actions">
                  <button type="button" className="btn secondary" onClick={() => setEditing(q.id)} aria-label={`Edit: ${q.text}`}>
                    Edit
                  </button>
                  <button
                    type="button"
                    className="btn secondary"
                    aria-label={`Delete: ${q.text}`}
                    onClick={() => {
                      if (window.confirm('Delete this question? Answers you gave to it keep its text.')) remove.mutate(q.id);
                    }}
                  >
                    Delete
                  </button>
                </div>
              </li>
            ),
          )}
        </ul>
        {remove.error ? <ErrorBox title="Could not delete" message={messageOf(remove.error)} /> : null}
      </section>

      <SetForm own={own.data?.items ?? []} onDone={invalidate} />

      <section className="card" aria-labelledby="sets-h">
        <h2 id="sets-h">Your question sets</h2>
        {sets.data && sets.data.items.length === 0 ? <p className="muted">No sets yet.</p> : null}
        <ul className="plain-list" data-testid="own-sets">
          {sets.data?.items.map((s) => (
            <li key={s.id} className="mock-answer">
              <h3>{s.name}</h3>
              <ol className="small">
                {s.questions.map((q) => (
                  <li key={q.id}>{q.text}</li>
                ))}
              </ol>
              <div className="actions">
                <button
                  type="button"
                  className="btn secondary"
                  aria-label={`Delete set: ${s.name}`}
                  onClick={() => {
                    if (window.confirm(`Delete the set "${s.name}"? Its questions stay.`)) removeSet.mutate(s.id);
                  }}
                >
                  Delete set
                </button>
              </div>
            </li>
          ))}
        </ul>
        <p>
          <Link to="/mock">Start a mock interview with a set</Link>
        </p>
      </section>
    </div>
  );
}

function QuestionForm({ title, submitLabel, question, onDone, onCancel }: { title: string; submitLabel: string; question?: Question; onDone: () => void; onCancel?: () => void }) {
  const facets = useQuery(facetsQuery);
  const [text, setText] = useState(question?.text ?? '');
  const [category, setCategory] = useState(question?.category ?? 'own');
  const [type, setType] = useState<QuestionType>(question?.type ?? 'general');
  const [role, setRole] = useState<QuestionRole>(question?.roles[0] ?? 'any');
  const id = useId();
  const save = useMutation({
    mutationFn: (body: OwnQuestionBody) =>
      question ? request<Question>(`/api/questions/${seg(question.id)}`, { method: 'PATCH', body }) : request<Question>('/api/questions', { method: 'POST', body }),
    onSuccess: () => {
      if (!question) setText('');
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ text, category, type, roles: [role] });
  };
  return (
    <form className="card form" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      <div className="field">
        <label htmlFor={`${id}-text`}>Question</label>
        <textarea id={`${id}-text`} rows={2} maxLength={500} value={text} onChange={(e) => setText(e.target.value)} required minLength={10} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-cat`}>Category</label>
          <input id={`${id}-cat`} className="input" value={category} onChange={(e) => setCategory(e.target.value)} maxLength={40} list={`${id}-cats`} />
          <datalist id={`${id}-cats`}>
            {facets.data?.categories.map((c) => (
              <option key={c.id} value={c.id} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor={`${id}-type`}>Type</label>
          <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value as QuestionType)}>
            {TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>Role</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as QuestionRole)}>
            <option value="any">Any role</option>
            {facets.data?.roles.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {save.error ? <ErrorBox title="Not saved" message={messageOf(save.error)} /> : null}
      <div className="actions">
        <button type="submit" className="btn primary" disabled={save.isPending}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="btn secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}

function SetForm({ own, onDone }: { own: Question[]; onDone: () => void }) {
  const facets = useQuery(facetsQuery);
  const [category, setCategory] = useState('');
  const bank = useQuery(bankQuery(category));
  const [name, setName] = useState('');
  const [picked, setPicked] = useState<Question[]>([]);
  const id = useId();
  const create = useMutation({
    mutationFn: (body: QuestionSetBody) => request('/api/question-sets', { method: 'POST', body }),
    onSuccess: () => {
      setName('');
      setPicked([]);
      onDone();
    },
  });
  const toggle = (q: Question) => setPicked((p) => (p.some((x) => x.id === q.id) ? p.filter((x) => x.id !== q.id) : [...p, q]));
  const choices = [...own, ...(bank.data?.items ?? [])];
  return (
    <form
      className="card form"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ name, questionIds: picked.map((q) => q.id) });
      }}
    >
      <h2 id={`${id}-h`}>New question set</h2>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} className="input" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} required />
      </div>
      <div className="field">
        <label htmlFor={`${id}-cat`}>Show bank questions from</label>
        <select id={`${id}-cat`} value={category} onChange={(e) => setCategory(e.target.value)}>
          <option value="">every category</option>
          {facets.data?.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.id}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="pick-list">
        <legend>Questions (in the order you tick them)</legend>
        {choices.map((q) => (
          <label key={q.id}>
            <input type="checkbox" checked={picked.some((x) => x.id === q.id)} onChange={() => toggle(q)} /> {q.text} {q.origin === 'own' ? <span className="badge">mine</span> : null}
          </label>
        ))}
      </fieldset>
      <p className="muted small" aria-live="polite">
        {picked.length} question{picked.length === 1 ? '' : 's'} chosen{picked.length ? `: ${picked.map((q, i) => `${i + 1}. ${q.text}`).join(' ')}` : ''}
      </p>
      {create.error ? <ErrorBox title="Set not created" message={messageOf(create.error)} /> : null}
      <div className="actions">
        <button type="submit" className="btn primary" disabled={create.isPending || picked.length === 0 || !name.trim()}>
          Create set
        </button>
      </div>
    </form>
  );
}
