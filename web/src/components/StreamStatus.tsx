import type { StreamProgress } from '../../../contracts/uploads';
import { formatTime } from '../lib/time';

/** "Analysed up to 1:42 of 1:50" while a take is uploaded and measured as it is recorded. */
export function StreamStatus({ analysis, sentBytes, recordedBytes }: { analysis: StreamProgress | null; sentBytes: number; recordedBytes: number }) {
  const behind = recordedBytes - sentBytes;
  return (
    <p className="muted stream-status" data-testid="stream-status" aria-live="off">
      {analysis ? `Analysed up to ${formatTime(analysis.analysedSec)} of ${formatTime(analysis.receivedSec)}` : 'Sending as you speak'}
      {behind > 256 * 1024 ? ` · ${(behind / 1024 / 1024).toFixed(1)} MB waiting to upload` : ''}
    </p>
  );
}
