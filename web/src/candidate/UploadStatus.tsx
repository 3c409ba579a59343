/**
 * What a candidate sees of the upload that runs while they record: how much of the recording the server already
 * has, and "saved" once it has all of it. Candidates never see an analysis, so there is no "analysed up to" here.
 */
export function UploadStatus({ sentBytes, recordedBytes, recording }: { sentBytes: number; recordedBytes: number; recording: boolean }) {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  const behind = recordedBytes - sentBytes;
  const text =
    recordedBytes === 0
      ? 'Saving as you record'
      : behind <= 0
        ? recording
          ? `Saved as you record: everything so far (${mb(sentBytes)} MB) is on our server`
          : `Saved: all of your recording (${mb(sentBytes)} MB) is on our server`
        : `Saving: ${mb(sentBytes)} of ${mb(recordedBytes)} MB on our server${behind > 256 * 1024 ? ' (the connection is slow or was lost; it keeps trying, and your recording stays in this browser)' : ''}`;
  return (
    <p className="muted stream-status" data-testid="upload-status" aria-live="off">
      {text}
    </p>
  );
}
