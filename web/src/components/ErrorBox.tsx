import type { ReactNode } from 'react';

/** An error shown in the page, announced to screen readers, with optional actions (e.g. "Try again"). */
export function ErrorBox({ title = 'Something went wrong', message, children }: { title?: string; message: string; children?: ReactNode }) {
  return (
    <div className="error-box" role="alert">
      <p className="error-title">{title}</p>
      <p className="error-message">{message}</p>
      {children ? <div className="actions">{children}</div> : null}
    </div>
  );
}
