import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../lib/http';
import { adminApi, adminKeys } from './api';

/**
 * Sends an invite with a deadline: by email when the server has SMTP, and the link is shown once either way (only
 * its hash is stored). A new invite revokes the previous open link.
 */
export function InviteButton({ interviewId, candidateId, name, again = false }: { interviewId: string; candidateId: string; name: string; again?: boolean }) {
  const queryClient = useQueryClient();
  const [days, setDays] = useState(7);
  const invite = useMutation({
    mutationFn: () => adminApi.invite(interviewId, candidateId, { expiresInDays: days }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.interview(interviewId) }),
  });
  const created = invite.data;
  if (created) {
    return (
      <div data-testid="invite-created">
        <p className="small" data-testid="invite-mail">
          {created.mail.status === 'queued'
            ? `Invite emailed to ${name} (deadline ${created.invite.expiresAt.slice(0, 16).replace('T', ' ')} UTC${created.mail.reminders.length ? `, ${created.mail.reminders.length} reminder${created.mail.reminders.length === 1 ? '' : 's'} before it` : ''}).`
            : created.mail.status === 'not_configured'
              ? `Email is not set up on this server (SMTP_URL): send the link to ${name} yourself.`
              : `Send the link to ${name} yourself.`}
        </p>
        <p className="token-url" data-testid="invite-url">
          {created.url}
        </p>
        <button type="button" className="btn secondary small" onClick={() => void navigator.clipboard?.writeText(created.url)}>
          Copy
        </button>
        <p className="muted small">The link is shown only now. A new invite revokes this one.</p>
      </div>
    );
  }
  return (
    <span className="admin-row">
      <label className="small">
        Deadline in <input type="number" min={1} max={365} value={days} onChange={(e) => setDays(Number(e.target.value))} aria-label="Deadline in days" style={{ width: '4em' }} /> days
      </label>
      <button type="button" className="btn secondary small" disabled={invite.isPending} onClick={() => invite.mutate()}>
        {again ? 'Send a new invite' : 'Send invite'}
      </button>
      {invite.error ? <span className="warn small">{messageOf(invite.error)}</span> : null}
    </span>
  );
}
