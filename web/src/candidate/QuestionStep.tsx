import { useCallback, useState } from 'react';
import type { InviteQuestion, InviteView } from '../../../contracts/invites';
import { CameraPreview } from '../components/CameraPreview';
import { Countdown } from '../components/Countdown';
import { DeviceGuidance } from '../components/DeviceGuidance';
import { ErrorBox } from '../components/ErrorBox';
import { LevelMeter } from '../components/LevelMeter';
import { ProgressBar } from '../components/ProgressBar';
import { RecordingPanel } from '../components/RecordingPanel';
import { TakeReview } from '../components/TakeReview';
import { ThinkTime } from '../components/ThinkTime';
import { useRecording } from '../hooks/useRecording';
import { useUpload } from '../hooks/useUpload';
import { uploadFileName } from '../lib/mime';
import { inviteApi } from './api';

type Phase = 'ready' | 'think' | 'countdown' | 'recording' | 'review' | 'uploading';

/** One question: think time, countdown, recording (up to the limit), review with retakes, upload. */
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
  const { media, retryMedia: retry, stream, level, recorder, take } = useRecording(phase !== 'uploading', question.answerTimeSec, () => setPhase('review'));

  const submit = async (): Promise<void> => {
    if (!take) return;
    if (practice) {
      practice.onDone();
      return;
    }
    setPhase('uploading');
    const view = await upload.send(inviteApi.answerUrl(token), { questionId: question.questionId }, take.blob, uploadFileName(take.mimeType));
    if (view) onAnswered(view);
  };
  const startRecording = useCallback(() => {
    setPhase('recording');
    recorder.start();
  }, [recorder]);
  const retake = (): void => {
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
            {phase === 'ready' ? (
              <div className="step-panel">
                <p className="muted">
                  You get {question.thinkTimeSec} s to think, then up to {Math.round(question.answerTimeSec / 60) || 1} min to answer, with {question.retakes} retake(s).
                </p>
                <button type="button" className="btn primary" disabled={!stream} onClick={() => setPhase(question.thinkTimeSec > 0 ? 'think' : 'countdown')}>
                  Start
                </button>
              </div>
            ) : null}
            {phase === 'think' ? <ThinkTime seconds={question.thinkTimeSec} onDone={() => setPhase('countdown')} /> : null}
            {phase === 'recording' ? <RecordingPanel elapsedSec={recorder.elapsedSec} maxSec={question.answerTimeSec} onStop={recorder.stop} /> : null}
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
      {phase === 'uploading' ? (
        upload.error ? (
          <ErrorBox title="Your answer was not saved" message={upload.error}>
            <button type="button" className="btn" onClick={() => void submit()}>
              Try again
            </button>
          </ErrorBox>
        ) : (
          <div aria-live="polite">
            <ProgressBar label="Sending your answer" fraction={upload.progress} />
          </div>
        )
      ) : null}
    </section>
  );
}
