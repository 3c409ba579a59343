import { useState } from 'react';
import { adminApi } from './api';
import { useAction } from './useAsync';

/** Creates an invite link and shows it once (only its hash is stored on the server). */
export function InviteButton({ interviewId, candidateId, name }: { interviewId: string; candidateId: string; name: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const action = useAction();
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
      <button type="button" className="btn secondary small" disabled={action.busy} onClick={() => void action.run(async () => setUrl((await adminApi.invite(interviewId, candidateId)).url))}>
        Create invite link
      </button>
      {action.error ? <span className="warn small">{action.error}</span> : null}
    </>
  );
}
