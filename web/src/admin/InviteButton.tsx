import { useMutation, useQueryClient } from '@tanstack/react-query';
import { messageOf } from '../lib/http';
import { adminApi, adminKeys } from './api';

/** Creates an invite link and shows it once (only its hash is stored on the server). */
export function InviteButton({ interviewId, candidateId, name }: { interviewId: string; candidateId: string; name: string }) {
  const queryClient = useQueryClient();
  const invite = useMutation({ mutationFn: () => adminApi.invite(interviewId, candidateId), onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.interview(interviewId) }) });
  const url = invite.data?.url;
  if (url) {
    return (
      <div>
        <p className="token-url" data-testid="invite-url">
          {url}
        </p>
        <button type="button" className="btn secondary small" onClick={() => void navigator.clipboard?.writeText(url)}>
          Copy
        </button>
        <p className="muted small">Shown only now: send it to {name}. A new link revokes this one.</p>
      </div>
    );
  }
  return (
    <>
      <button type="button" className="btn secondary small" disabled={invite.isPending} onClick={() => invite.mutate()}>
        Create invite link
      </button>
      {invite.error ? <span className="warn small">{messageOf(invite.error)}</span> : null}
    </>
  );
}
