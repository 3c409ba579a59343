import { useCallback, useEffect, useState } from 'react';
import type { InviteQuestion, InviteView } from '../../../contracts/invites';
import { CameraPreview } from '../components/CameraPreview';
import { Countdown } from '../components/Countdown';
import { DeviceGuidance } from '../components/DeviceGuidance';
import { ErrorBox } from '../components/ErrorBox';
import { LevelMeter } from '../components/LevelMeter';
import { ProgressBar } from '../components/ProgressBar';
import { RecordingPanel } from '../components/RecordingPanel';
import { TakeReview } from '../components/TakeReview';
import { UnsentTake } from '../components/UnsentTake';
import { ThinkTime } from '../components/ThinkTime';
import { useRecording } from '../hooks/useRecording';
import { useStreamingUpload } from '../hooks/useStreamingUpload';
import { useUpload } from '../hooks/useUpload';
import { messageOf } from '../lib/http';
import { uploadFileName } from '../lib/mime';
import { inviteApi } from './api';
import { UploadStatus } from './UploadStatus';

type Phase = 'ready' | 'think' | 'countdown' | 'recording' | 'review' | 'uploading';

/**
 * One question: think time, countdown, recording (up to the limit), review with retakes, upload. The answer goes to
 * the server while it is recorded (tus through the invite link, kept in this browser until the server has all of
 * it, resumed after a reload); if that fails, Submit sends the whole take in one request instead.
 */
export function QuestionStep({
  token,
  question,
  total,
  onAnswered,
  practice,
}: {
  token: string;
  question: InviteQuestion;
  total: number;
  onAnswered: (v: InviteView) => void;
  /** The practice question: recorded and played back here only, never uploaded. */
  practice?: { onDone: () => void };
}) {
  const [phase, setPhase] = useState<Phase>('ready');
  const [retakesUsed, setRetakesUsed] = useState(0);
  const upload = useUpload<InviteView>();
  // the practice question is never sent: nothing is streamed for it
  const live = useStreamingUpload(inviteApi.uploadsUrl(token), question.questionId, { scope: inviteApi.takeScope(token), events: false, metadata: { questionId: question.questionId } });
  const { media, retryMedia: retry, stream, level, recorder, take } = useRecording(phase !== 'uploading', question.answerTimeSec, () => setPhase('review'), practice ? undefined : live.onChunk);
  const [unsentError, setUnsentError] = useState<string | null>(null);
  const unsent = !practice && live.unsent ? live.unsent : null;
  // a take kept for another question (answered since, on another device) is of no use any more
  const staleUnsent = unsent !== null && unsent.questionId !== question.questionId;
  useEffect(() => {
    if (staleUnsent) live.dropUnsent();
  }, [staleUnsent, live.dropUnsent]);

  const submit = async (): Promise<void> => {
    if (!take) return;
    if (practice) {
      practice.onDone();
      return;
    }
    setPhase('uploading');
    if (live.active) {
      try {
        onAnswered(await inviteApi.submitUpload(token, await live.finish()));
        return;
      } catch (e) {
        // the streamed upload did not complete: send the whole take in one request instead (nothing is lost)
        console.warn(`streamed upload failed, sending the take in one piece: ${messageOf(e)}`);
      }
    }
    const view = await upload.send(inviteApi.answerUrl(token), { questionId: question.questionId }, take.blob, uploadFileName(take.mimeType));
    if (!view) return;
    live.discard(); // sent in one piece: the partial streamed upload and the copy in this browser go
    onAnswered(view);
  };

  /** A take recorded before a reload that the server never got in full: send the rest, then it is the answer. */
  const sendUnsent = async (): Promise<void> => {
    setUnsentError(null);
    setPhase('uploading');
    try {
      onAnswered(await inviteApi.submitUpload(token, await live.resumeUnsent(), true));
    } catch (e) {
      setUnsentError(messageOf(e));
      setPhase('ready');
    }
  };
  const startRecording = useCallback(() => {
    setPhase('recording');
    recorder.start();
  }, [recorder]);
  const retake = (): void => {
    live.discard(); // the partial upload of this take is deleted on the server
    setRetakesUsed((n) => n + 1);
    setPhase('countdown');
  };
  const showCamera = phase === 'ready' || phase === 'think' || phase === 'countdown' || phase === 'recording';
  return (
    <section className="card" aria-labelledby="q-h" data-testid="invite-question">
      <p className="eyebrow">{practice ? 'Practice question: this recording stays on your device and is not sent' : `Question ${question.position + 1} of ${total}`}</p>
      <h2 id="q-h" className="question-text">
        {question.text}
      </h2>
      {showCamera ? (
        <div className="interview-grid">
          <div>
            {media.status === 'error' ? <DeviceGuidance name={media.name} message={media.message} onRetry={retry} /> : null}
            <CameraPreview stream={stream}>{phase === 'countdown' ? <Countdown onDone={startRecording} /> : null}</CameraPreview>
            <LevelMeter level={level} />
          </div>
          <div className="step-card">
            {phase === 'ready' && (unsent || unsentError) && !staleUnsent ? (
              <div className="step-panel" data-testid="unsent-take">
                <p className="step-title">Your earlier recording of this question was not fully sent</p>
                <UnsentTake
                  createdAt={unsent?.createdAt}
                  error={unsentError}
                  next="Send the rest now to submit it as your answer, or discard it and record again."
                  onSend={() => void sendUnsent()}
                  onDiscard={live.dropUnsent}
                />
              </div>
            ) : null}
            {phase === 'ready' ? (
              <div className="step-panel">
                <p className="muted">
                  You get {question.thinkTimeSec} s to think, then up to {Math.round(question.answerTimeSec / 60) || 1} min to answer, with {question.retakes} retake(s).
                </p>
                <button
                  type="button"
                  className="btn primary"
                  disabled={!stream}
                  onClick={() => {
                    if (unsent) live.dropUnsent(); // a new take replaces the one kept from before
                    setPhase(question.thinkTimeSec > 0 ? 'think' : 'countdown');
                  }}
                >
                  Start
                </button>
              </div>
            ) : null}
            {phase === 'think' ? <ThinkTime seconds={question.thinkTimeSec} onDone={() => setPhase('countdown')} /> : null}
            {phase === 'recording' ? <RecordingPanel elapsedSec={recorder.elapsedSec} maxSec={question.answerTimeSec} onStop={recorder.stop} /> : null}
            {phase === 'recording' && live.active ? <UploadStatus sentBytes={live.sentBytes} recordedBytes={live.recordedBytes} recording /> : null}
            {recorder.error ? <ErrorBox message={recorder.error} /> : null}
          </div>
        </div>
      ) : null}
      {phase === 'review' && take ? (
        <TakeReview
          take={take}
          retakesLeft={Math.max(0, question.retakes - retakesUsed)}
          retakesTotal={question.retakes}
          onRetake={retake}
          onSubmit={() => void submit()}
          submitLabel={practice ? 'Done practising: start the interview' : 'Submit answer'}
        />
      ) : null}
      {phase === 'review' && live.active ? <UploadStatus sentBytes={live.sentBytes} recordedBytes={live.recordedBytes} recording={false} /> : null}
      {phase === 'uploading' ? (
        upload.error ? (
          <ErrorBox title="Your answer was not saved" message={upload.error}>
            <button type="button" className="btn" onClick={() => void submit()}>
              Try again
            </button>
          </ErrorBox>
        ) : (
          <div aria-live="polite">
            <ProgressBar label="Sending your answer" fraction={live.active && live.recordedBytes > 0 && upload.progress === 0 ? live.sentBytes / live.recordedBytes : upload.progress} />
          </div>
        )
      ) : null}
    </section>
  );
}
