import type { Report } from '../../../contracts/report';

/** Said plainly at the top of the report of an answer recorded without camera: what was not measured, and that nothing was deducted. */
export function AudioOnlyNote({ report }: { report: Report }) {
  if (report.input.hasVideo || !report.input.hasAudio) return null;
  return (
    <p className="audio-only-note" data-testid="audio-only-note">
      <strong>Audio-only answer.</strong> This answer was recorded without camera, so eye contact and body language were not measured. Nothing was deducted for them: the confidence composite uses the
      voice cues only.
    </p>
  );
}
