import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorBox } from '../components/ErrorBox';
import { messageOf } from '../lib/http';
import { adminApi, adminKeys } from './api';

/** Add one candidate, or import a CSV file (name,email[,tags][,group]) with an error per bad row. */
export function CandidateImport({ interviewId }: { interviewId: string }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [tags, setTags] = useState('');
  const [group, setGroup] = useState('');
  // The interview list counts candidates too: refresh every interview query.
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.interviews });
  const add = useMutation({
    mutationFn: () =>
      adminApi.addCandidate(interviewId, {
        name,
        email,
        tags: tags
          .split(/[;,]/)
          .map((t) => t.trim())
          .filter(Boolean),
        group: group.trim() || null,
      }),
    onSuccess: () => {
      setName('');
      setEmail('');
      return refresh();
    },
  });
  const importCsv = useMutation({ mutationFn: async (file: File) => adminApi.importCsv(interviewId, await file.text()), onSuccess: refresh });
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    add.mutate();
  };
  const report = importCsv.data;
  const error = add.error ?? importCsv.error;
  return (
    <>
      <h3>Add a candidate</h3>
      <form className="admin-row admin-form" onSubmit={submit} data-testid="add-candidate">
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
        <button className="btn primary" type="submit" disabled={add.isPending}>
          Add
        </button>
      </form>
      <h3>Import a CSV list</h3>
      <label>
        CSV file: name,email[,tags][,group] (tags separated by ;)
        <input
          type="file"
          accept=".csv,text/csv"
          disabled={importCsv.isPending}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) importCsv.mutate(file);
          }}
        />
      </label>
      {report ? (
        <div role="status">
          <p>{report.created.length} candidates added.</p>
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
      {error ? <ErrorBox message={messageOf(error)} /> : null}
    </>
  );
}
