import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Brand } from '../../../contracts/interviews';
import { ErrorBox } from '../components/ErrorBox';
import { messageOf } from '../lib/http';
import { adminApi, adminKeys } from './api';

/** What candidates see first: company name, logo and introduction (edit after creation). */
export function BrandForm({ interviewId, brand }: { interviewId: string; brand: Brand | null }) {
  const queryClient = useQueryClient();
  const [b, setB] = useState<Brand>(brand ?? { company: '', logoUrl: '', intro: '' });
  const save = useMutation({
    mutationFn: () => adminApi.updateInterview(interviewId, { brand: b.company || b.logoUrl || b.intro ? b : null }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.interview(interviewId) }),
  });
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <details className="card">
      <summary>What candidates see first (company, logo, introduction)</summary>
      <form className="admin-form" onSubmit={submit}>
        <label>
          Company name <input maxLength={120} value={b.company} onChange={(e) => setB({ ...b, company: e.target.value })} />
        </label>
        <label>
          Logo (https:// URL) <input type="url" maxLength={2000} value={b.logoUrl} onChange={(e) => setB({ ...b, logoUrl: e.target.value })} />
        </label>
        <label>
          Introduction <textarea rows={3} maxLength={5000} value={b.intro} onChange={(e) => setB({ ...b, intro: e.target.value })} />
        </label>
        <button type="submit" className="btn secondary" disabled={save.isPending}>
          Save
        </button>
        {save.isSuccess ? <span className="small"> Saved.</span> : null}
      </form>
      {save.error ? <ErrorBox message={messageOf(save.error)} /> : null}
    </details>
  );
}
