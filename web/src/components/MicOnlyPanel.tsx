/** Stands in for the camera preview when an answer is recorded without camera (audio only). */
export function MicOnlyPanel({ noCamera }: { noCamera: boolean }) {
  return (
    <div className="mic-only" data-testid="mic-only">
      <p className="step-title">Audio only</p>
      <p className="muted">
        {noCamera ? 'No camera was found, so only your voice is recorded.' : 'You chose to answer without camera: only your voice is recorded.'} Eye contact and body language are not measured, and
        nothing is deducted for them.
      </p>
    </div>
  );
}
