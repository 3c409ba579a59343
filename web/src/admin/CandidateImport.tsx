import { type FormEvent, useState } from 'react';
import { ErrorBox } from '../components/ErrorBox';
import { adminApi } from './api';
import { useAction } from './useAsync';

/** Add one candidate, or import a CSV file (name,email[,tags][,group]) with an error per bad row. */
export function CandidateImport({ interviewId, onChange }: { interviewId: string; onChange: () => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [tags, setTags] = useState('');
  const [group, setGroup] = useState('');
  const [report, setReport] = useState<{ created: number; errors: Array<{ line: number; message: string }> } | null>(null);
  const action = useAction();
  const add = (e: FormEvent): void => {
    e.preventDefault();
    void action.run(async () => {
      await adminApi.addCandidate(interviewId, { name, email, tags: tags.split(/[;,]/).map((t) => t.trim()).filter(Boolean), group: group.trim() || null });
      setName('');
      setEmail('');
      onChange();
    });
  };
  const importFile = (file: File | undefined): void => {
    if (!file) return;
    void action.run(async () => {
      const r = await adminApi.importCsv(interviewId, await file.text());
      setReport({ created: r.created.length, errors: r.errors });
      onChange();
    });
  };
  return (
    <>
      <h3>Add a candidate</h3>
      <form className="admin-row admin-form" onSubmit={add} data-testid="add-candidate">
        <label>
          Name <input name="name" required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Email <input name="email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Tags (; separated) <input value={tags} onChange={(e) => setTags(e.target.value)} />
        </label>
        <label>
          Group (optional, for the fairness report; never inferred)
          <input value={group} onChange={(e) => setGroup(e.target.value)} />
        </label>
        <button className="btn primary" type="submit" disabled={action.busy}>
          Add
        </button>
      </form>
      <h3>Import a CSV list</h3>
      <label>
        CSV file: name,email[,tags][,group] (tags separated by ;)
        <input type="file" accept=".csv,text/csv" onChange={(e) => importFile(e.target.files?.[0])} />
      </label>
      {report ? (
        <div role="status">
          <p>{report.created} candidates added.</p>
          {report.errors.length > 0 ? (
            <ul className="warn">
              {report.errors.map((er) => (
                <li key={er.line}>
                  Line {er.line}: {er.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {action.error ? <ErrorBox message={action.error} /> : null}
    </>
  );
}
