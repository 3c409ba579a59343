import { ErrorBox } from './ErrorBox';

/**
 * The body of the "not fully sent" card (practice and candidate pages): a take this browser kept in IndexedDB
 * because the server does not have all of it yet. Either the error of the last attempt, or when it was recorded
 * and the two choices. `next` says what sending does on this page.
 */
export function UnsentTake({ createdAt, error, next, onSend, onDiscard }: { createdAt: number | undefined; error: string | null; next: string; onSend: () => void; onDiscard: () => void }) {
  if (error) return <ErrorBox message={error} />;
  return (
    <>
      <p className="muted">
        This browser kept the recording from {new Date(createdAt ?? Date.now()).toLocaleString()}. {next}
      </p>
      <button type="button" className="btn primary" onClick={onSend}>
        Send it now
      </button>{' '}
      <button type="button" className="btn secondary" onClick={onDiscard}>
        Discard it
      </button>
    </>
  );
}
