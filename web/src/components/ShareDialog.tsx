/** "Share…" on a report: make a read-only link (with or without the video), copy it, revoke links. A native <dialog>: focus is trapped, Esc closes. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { ShareCreated } from '../../../contracts/shares';
import { practiceKeys, shareApi, sharesQuery } from '../api';
import { messageOf } from '../lib/http';
import { formatDate } from '../lib/time';
import { ErrorBox } from './ErrorBox';

export function ShareButton({ answerId }: { answerId: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="btn secondary"
        data-testid="share-open"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        Share…
      </button>
      <dialog ref={dialog} className="share-dialog" aria-labelledby="share-h" onClose={() => setOpen(false)} data-testid="share-dialog">
        {open ? <ShareDialogBody answerId={answerId} onClose={() => dialog.current?.close()} /> : null}
      </dialog>
    </>
  );
}

function ShareDialogBody({ answerId, onClose }: { answerId: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const shares = useQuery(sharesQuery(answerId));
  const [includeVideo, setIncludeVideo] = useState(false);
  const [made, setMade] = useState<ShareCreated | null>(null);
  const [copied, setCopied] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: practiceKeys.shares(answerId) });
  const create = useMutation({
    mutationFn: () => shareApi.create(answerId, { includeVideo }),
    onSuccess: (s) => {
      setMade(s);
      setCopied(false);
      return refresh();
    },
  });
  const revoke = useMutation({ mutationFn: (shareId: string) => shareApi.revoke(answerId, shareId), onSuccess: refresh });
  const link = made ? `${window.location.origin}${made.url}` : '';
  const live = (shares.data?.items ?? []).filter((s) => !s.revokedAt);
  return (
    <div>
      <h2 id="share-h">Share this report</h2>
      <p className="muted small">Anyone with the link can read this report (read-only) until you revoke it. Nothing else of yours is visible through it.</p>
      <label>
        <input type="checkbox" checked={includeVideo} onChange={(e) => setIncludeVideo(e.target.checked)} /> Include the video
      </label>
      <div className="actions">
        <button type="button" className="btn primary" onClick={() => create.mutate()} disabled={create.isPending} data-testid="share-create">
          Create link
        </button>
        <button type="button" className="btn secondary" onClick={onClose}>
          Close
        </button>
      </div>
      {create.error ? <ErrorBox title="No link made" message={messageOf(create.error)} /> : null}
      {made ? (
        <div role="status">
          <p>New link ({made.includeVideo ? 'with' : 'without'} the video). It is shown only now: copy it.</p>
          <p className="share-link" data-testid="share-link">
            {link}
          </p>
          <button
            type="button"
            className="btn small"
            onClick={() =>
              void navigator.clipboard?.writeText(link).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {copied ? 'Copied' : 'Copy link'}
          </button>
        </div>
      ) : null}
      <h3>Active links</h3>
      {live.length === 0 ? <p className="muted small">None.</p> : null}
      <ul data-testid="share-list">
        {live.map((s) => (
          <li key={s.id}>
            Made {formatDate(s.createdAt)}, {s.includeVideo ? 'with' : 'without'} the video{' '}
            <button type="button" className="btn small secondary" onClick={() => revoke.mutate(s.id)} disabled={revoke.isPending} aria-label={`Revoke the link made ${formatDate(s.createdAt)}`}>
              Revoke
            </button>
          </li>
        ))}
      </ul>
      {revoke.error ? <ErrorBox title="Not revoked" message={messageOf(revoke.error)} /> : null}
    </div>
  );
}
