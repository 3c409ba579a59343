import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { QuestionRole } from '../../../../contracts/questions';
import type { CreateSessionBody } from '../../../../contracts/sessions';
import { ErrorBox } from '../../components/ErrorBox';
import { messageOf } from '../../lib/http';
import { facetsQuery, mockApi, mockKeys, questionSetsQuery, sessionsQuery } from '../../mockApi';

type Source = 'role' | 'categories' | 'set';

const THINK = [0, 15, 30, 45, 60, 90, 120];
const ANSWER = [60, 90, 120, 180, 240, 300];
const EXTRA = [0, 25, 50, 100] as const;
const STATUS_TEXT = { recording: 'not finished', analysing: 'being analysed', complete: 'finished' } as const;

const label = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).replace(/-/g, ' ');
const seconds = (s: number) => (s === 0 ? 'none' : s < 60 ? `${s} s` : s % 60 === 0 ? `${s / 60} min` : `${Math.floor(s / 60)} min ${s % 60} s`);

/** Mock interview setup: where the questions come from, how many, timing (with extra time), camera or not, job description. */
export function MockSetup() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const facets = useQuery(facetsQuery);
  const sets = useQuery(questionSetsQuery);
  const past = useQuery(sessionsQuery);
  const [source, setSource] = useState<Source>('role');
  const [role, setRole] = useState<QuestionRole>('software-engineer');
  const [categories, setCategories] = useState<string[]>([]);
  const [setId, setSetId] = useState('');
  const [count, setCount] = useState(5);
  const [think, setThink] = useState(30);
  const [answer, setAnswer] = useState(120);
  const [extra, setExtra] = useState<(typeof EXTRA)[number]>(0);
  const [audioOnly, setAudioOnly] = useState(false);
  const [jobDescription, setJobDescription] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const ids = { base: useId(), jd: useId(), jdHint: useId(), extraHint: useId(), camHint: useId() };

  const create = useMutation({
    mutationFn: (body: CreateSessionBody) => mockApi.create(body),
    onSuccess: (s) => {
      void queryClient.invalidateQueries({ queryKey: mockKeys.sessions });
      queryClient.setQueryData(mockKeys.session(s.id), s);
      void navigate(`/mock/${encodeURIComponent(s.id)}`);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    if (source === 'categories' && categories.length === 0) return setFormError('Choose at least one category.');
    if (source === 'set' && !setId) return setFormError('Choose one of your question sets.');
    const body: CreateSessionBody = { count, thinkTimeSec: think, answerTimeSec: answer, extraTimePct: extra, audioOnly };
    if (source === 'role') body.role = role as Exclude<QuestionRole, 'any'>;
    if (source === 'categories') body.categories = categories;
    if (source === 'set') body.setId = setId;
    if (jobDescription.trim()) body.jobDescription = jobDescription.trim();
    create.mutate(body);
  };

  const toggleCategory = (c: string) => setCategories((cs) => (cs.includes(c) ? cs.filter((x) => x !== c) : [...cs, c]));
  const mySets = sets.data?.items ?? [];

  return (
    <div className="mock-setup">
      <h1 tabIndex={-1}>Mock interview</h1>
      <p className="lead">Answer several questions back to back, like a real interview. Each answer is analysed while you answer the next one; at the end you get a report across all your answers.</p>
      <form className="card form" onSubmit={submit} aria-describedby={formError ? 'mock-form-error' : undefined} noValidate>
        <fieldset>
          <legend>Questions from</legend>
          <div className="radio-row">
            <label>
              <input type="radio" name="source" value="role" checked={source === 'role'} onChange={() => setSource('role')} /> A role
            </label>
            <label>
              <input type="radio" name="source" value="categories" checked={source === 'categories'} onChange={() => setSource('categories')} /> Categories
            </label>
            <label>
              <input type="radio" name="source" value="set" checked={source === 'set'} onChange={() => setSource('set')} disabled={mySets.length === 0} /> One of my question sets
              {mySets.length === 0 ? <span className="muted small"> (you have none yet)</span> : null}
            </label>
          </div>
          {source === 'role' ? (
            <div className="field">
              <label htmlFor={`${ids.base}-role`}>Role</label>
              <select id={`${ids.base}-role`} name="role" value={role} onChange={(e) => setRole(e.target.value as QuestionRole)}>
                {(facets.data?.roles ?? []).map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.label} ({r.count} questions + general ones)
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {source === 'categories' ? (
            <fieldset className="checks">
              <legend>Categories</legend>
              {(facets.data?.categories ?? []).map((c) => (
                <label key={c.id}>
                  <input type="checkbox" name="category" value={c.id} checked={categories.includes(c.id)} onChange={() => toggleCategory(c.id)} /> {label(c.id)}{' '}
                  <span className="muted small">({c.count})</span>
                </label>
              ))}
            </fieldset>
          ) : null}
          {source === 'set' ? (
            <div className="field">
              <label htmlFor={`${ids.base}-set`}>Question set</label>
              <select id={`${ids.base}-set`} name="set" value={setId} onChange={(e) => setSetId(e.target.value)}>
                <option value="">Choose a set…</option>
                {mySets.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({s.questions.length} questions)
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {facets.error ? <ErrorBox title="Could not load the question bank" message={messageOf(facets.error)} /> : null}
          <p className="small">
            <Link to="/mock/questions">Add your own questions and make question sets</Link>
          </p>
        </fieldset>

        <fieldset>
          <legend>Timing</legend>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${ids.base}-count`}>Number of questions</label>
              <select id={`${ids.base}-count`} name="count" value={count} onChange={(e) => setCount(Number(e.target.value))}>
                {[3, 4, 5, 6, 7, 8, 9, 10].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${ids.base}-think`}>Think time per question</label>
              <select id={`${ids.base}-think`} name="think" value={think} onChange={(e) => setThink(Number(e.target.value))}>
                {THINK.map((s) => (
                  <option key={s} value={s}>
                    {seconds(s)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${ids.base}-answer`}>Answer time limit</label>
              <select id={`${ids.base}-answer`} name="answer" value={answer} onChange={(e) => setAnswer(Number(e.target.value))}>
                {ANSWER.map((s) => (
                  <option key={s} value={s}>
                    {seconds(s)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${ids.base}-extra`}>Extra time</label>
              <select id={`${ids.base}-extra`} name="extra" value={extra} onChange={(e) => setExtra(Number(e.target.value) as (typeof EXTRA)[number])} aria-describedby={ids.extraHint}>
                {EXTRA.map((p) => (
                  <option key={p} value={p}>
                    {p === 0 ? 'None' : `+${p}%`}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <p className="muted small" id={ids.extraHint}>
            Extra time is added to both the think time and the answer limit
            {extra > 0 ? `: ${seconds(Math.round(think * (1 + extra / 100)))} to think, up to ${seconds(Math.round(answer * (1 + extra / 100)))} per answer` : ''}.
          </p>
        </fieldset>

        <fieldset>
          <legend>Camera</legend>
          <label>
            <input type="checkbox" name="audioOnly" checked={audioOnly} onChange={(e) => setAudioOnly(e.target.checked)} aria-describedby={ids.camHint} /> Answer without camera (audio only)
          </label>
          <p className="muted small" id={ids.camHint}>
            Only your voice is recorded. Eye contact and body language are then not measured, and nothing is deducted for them. If no camera is found, audio only is used automatically.
          </p>
        </fieldset>

        <div className="field">
          <label htmlFor={ids.jd}>Job description (optional)</label>
          <textarea id={ids.jd} name="jobDescription" rows={5} maxLength={10000} value={jobDescription} onChange={(e) => setJobDescription(e.target.value)} aria-describedby={ids.jdHint} />
          <p className="muted small" id={ids.jdHint}>
            Paste the advert: each answer&rsquo;s report then shows which of its terms you used and missed. It is stored with this mock interview only.
          </p>
        </div>

        {formError ? (
          <p className="error-message" id="mock-form-error" role="alert">
            {formError}
          </p>
        ) : null}
        {create.error ? <ErrorBox title="The mock interview could not start" message={messageOf(create.error)} /> : null}
        <div className="actions">
          <button type="submit" className="btn primary big" disabled={create.isPending}>
            {create.isPending ? 'Preparing…' : 'Start mock interview'}
          </button>
        </div>
      </form>

      {past.data && past.data.items.length > 0 ? (
        <section className="card" aria-labelledby="past-h">
          <h2 id="past-h">Your mock interviews</h2>
          <ul className="history-list">
            {past.data.items.map((s) => (
              <li key={s.id} className="history-item">
                <Link to={s.status === 'recording' ? `/mock/${encodeURIComponent(s.id)}` : `/mock/${encodeURIComponent(s.id)}/report`}>
                  {new Date(s.createdAt).toLocaleString()} · {s.role ? label(s.role) : s.categories.length ? s.categories.map(label).join(', ') : 'Question set'} · {s.answered} of {s.total} answered,{' '}
                  {STATUS_TEXT[s.status]}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
