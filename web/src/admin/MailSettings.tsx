import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MAIL_TEMPLATE_KINDS, type MailTemplateKind } from '../../../contracts/mail';
import { ErrorBox } from '../components/ErrorBox';
import { messageOf } from '../lib/http';
import { adminApi, adminKeys, adminQueries } from './api';

const KIND_LABEL: Record<MailTemplateKind, string> = { invite: 'Invite', reminder: 'Reminder', confirmation: 'Confirmation to the candidate', finished: '"Candidate finished" to the owner' };

/** The interview's mail: templates (editable, placeholders listed) and the outbox with failed mail to send again. */
export function MailSettings({ interviewId }: { interviewId: string }) {
  const queryClient = useQueryClient();
  const view = useQuery(adminQueries.mailTemplates(interviewId));
  const outbox = useQuery(adminQueries.mail(interviewId));
  const [kind, setKind] = useState<MailTemplateKind>('invite');
  const [draft, setDraft] = useState<Record<string, { subject: string; body: string }>>({});
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.interview(interviewId) });
  const save = useMutation({
    mutationFn: () => {
      const custom = Object.fromEntries(MAIL_TEMPLATE_KINDS.filter((k) => draft[k] || view.data?.custom.includes(k)).map((k) => [k, draft[k] ?? view.data?.templates[k]]));
      return adminApi.saveMailTemplates(interviewId, custom);
    },
    onSuccess: () => {
      setDraft({});
      return refresh();
    },
  });
  const reset = useMutation({ mutationFn: () => adminApi.saveMailTemplates(interviewId, {}), onSuccess: refresh });
  const retry = useMutation({ mutationFn: (mailId: string) => adminApi.retryMail(interviewId, mailId), onSuccess: refresh });
  const v = view.data;
  if (!v) return view.error ? <ErrorBox message={messageOf(view.error)} /> : null;
  const t = draft[kind] ?? v.templates[kind];
  return (
    <section className="card" aria-labelledby="mail-h">
      <h2 id="mail-h">Email</h2>
      {!v.mailEnabled ? <p className="warn small">Email is not set up on this server (SMTP_URL): invite links are shown to copy instead.</p> : null}
      <div className="admin-form">
        <label>
          Template
          <select value={kind} onChange={(e) => setKind(e.target.value as MailTemplateKind)}>
            {MAIL_TEMPLATE_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
                {v.custom.includes(k) ? ' (custom)' : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          Subject <input value={t.subject} maxLength={300} onChange={(e) => setDraft((d) => ({ ...d, [kind]: { ...t, subject: e.target.value } }))} />
        </label>
        <label>
          Text <textarea rows={8} value={t.body} onChange={(e) => setDraft((d) => ({ ...d, [kind]: { ...t, body: e.target.value } }))} />
        </label>
        <p className="muted small">Placeholders: {v.placeholders.join(' ')}</p>
        <div className="actions">
          <button type="button" className="btn primary" disabled={save.isPending || Object.keys(draft).length === 0} onClick={() => save.mutate()}>
            Save templates
          </button>
          <button type="button" className="btn secondary" disabled={reset.isPending || v.custom.length === 0} onClick={() => reset.mutate()}>
            Restore the defaults
          </button>
        </div>
      </div>
      {(save.error ?? reset.error ?? retry.error) ? <ErrorBox message={messageOf(save.error ?? reset.error ?? retry.error)} /> : null}
      {outbox.data?.items.length ? (
        <details>
          <summary>Outbox ({outbox.data.items.length})</summary>
          <table className="admin-table small">
            <thead>
              <tr>
                <th>Kind</th>
                <th>To</th>
                <th>Status</th>
                <th>When</th>
                <th>Error</th>
              </tr>
            </thead>
            <tbody>
              {outbox.data.items.map((m) => (
                <tr key={m.id}>
                  <td>{m.kind}</td>
                  <td>{m.to}</td>
                  <td>
                    {m.status}
                    {m.status === 'failed' ? (
                      <button type="button" className="btn secondary small" onClick={() => retry.mutate(m.id)}>
                        Send again
                      </button>
                    ) : null}
                  </td>
                  <td>{(m.sentAt ?? m.runAfter).slice(0, 16).replace('T', ' ')}</td>
                  <td>{m.lastError ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </section>
  );
}
