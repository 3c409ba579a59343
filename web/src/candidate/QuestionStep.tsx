import { useCallback, useEffect, useRef, useState } from 'react';
import { CameraPreview } from '../components/CameraPreview';
import { Countdown } from '../components/Countdown';
import { DeviceGuidance } from '../components/DeviceGuidance';
import { ErrorBox } from '../components/ErrorBox';
import { LevelMeter } from '../components/LevelMeter';
import { ProgressBar } from '../components/ProgressBar';
import { RecordingPanel } from '../components/RecordingPanel';
import { TakeReview } from '../components/TakeReview';
import { ThinkTime } from '../components/ThinkTime';
import { useAudioLevel } from '../hooks/useAudioLevel';
import { useMediaStream } from '../hooks/useMediaStream';
import { type Take, useRecorder } from '../hooks/useRecorder';
import { messageOf } from '../lib/apiError';
import { uploadFileName } from '../lib/mime';
import { type InviteQuestion, type InviteView, uploadInviteAnswer } from './api';

type Phase = 'ready' | 'think' | 'countdown' | 'recording' | 'review' | 'uploading';

/** One question: think time, countdown, recording (up to the limit), review with retakes, upload. */
export function QuestionStep({ token, question, total, onAnswered }: { token: string; question: InviteQuestion; total: number; onAnswered: (v: InviteView) => void }) {
  const [phase, setPhase] = useState<Phase>('ready');
  const [take, setTake] = useState<Take | null>(null);
  const [retakesUsed, setRetakesUsed] = useState(0);
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const abortRef = useRef<(() => void) | null>(null);
  const { state: media, retry } = useMediaStream(phase !== 'uploading');
  const stream = media.status === 'ready' ? media.stream : null;
  const level = useAudioLevel(stream);
  const onTake = useCallback((t: Take) => (setTake(t), setPhase('review')), []);
  const recorder = useRecorder(stream, question.answerTimeSec, onTake);
  useEffect(() => () => abortRef.current?.(), []);
  useEffect(() => (take ? () => URL.revokeObjectURL(take.url) : undefined), [take]);

  const submit = (): void => {
    if (!take) return;
    setPhase('uploading');
    setError(null);
    const h = uploadInviteAnswer(token, question.questionId, take.blob, uploadFileName(take.mimeType), setProgress);
    abortRef.current = h.abort;
    h.promise.then(onAnswered, (e: unknown) => setError(messageOf(e)));
  };
  const startRecording = useCallback(() => (setPhase('recording'), recorder.start()), [recorder]);
  const showCamera = phase === 'ready' || phase === 'think' || phase === 'countdown' || phase === 'recording';
  return (
    <section className="card" aria-labelledby="q-h" data-testid="invite-question">
      <p className="eyebrow">
        Question {question.position + 1} of {total}
      </p>
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
        <TakeReview take={take} retakesLeft={Math.max(0, question.retakes - retakesUsed)} retakesTotal={question.retakes} onRetake={() => (setRetakesUsed((n) => n + 1), setPhase('countdown'))} onSubmit={submit} />
      ) : null}
      {phase === 'uploading' ? (
        error ? (
          <ErrorBox title="Your answer was not saved" message={error}>
            <button type="button" className="btn" onClick={submit}>
              Try again
            </button>
          </ErrorBox>
        ) : (
          <div aria-live="polite">
            <ProgressBar label="Sending your answer" fraction={progress} />
          </div>
        )
      ) : null}
    </section>
  );
}
