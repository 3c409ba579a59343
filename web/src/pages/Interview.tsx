import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AnswerAccepted } from '../../../contracts/answers';
import { practiceApi, practiceKeys, questionBankQuery, randomQuestionQuery } from '../api';
import { useConfig } from '../hooks/useConfig';
import { useRecording } from '../hooks/useRecording';
import { useUpload } from '../hooks/useUpload';
import { messageOf } from '../lib/http';
import { uploadFileName } from '../lib/mime';
import { QuestionCard } from '../components/QuestionCard';
import { CameraPreview } from '../components/CameraPreview';
import { DeviceGuidance } from '../components/DeviceGuidance';
import { LevelMeter } from '../components/LevelMeter';
import { ThinkTime } from '../components/ThinkTime';
import { Countdown } from '../components/Countdown';
import { RecordingPanel } from '../components/RecordingPanel';
import { TakeReview } from '../components/TakeReview';
import { ProgressBar } from '../components/ProgressBar';
import { ErrorBox } from '../components/ErrorBox';
import { AnalysisWatcher } from '../components/AnalysisWatcher';
import { StepList, type Phase } from '../components/StepList';

export function Interview() {
  const config = useConfig();
  const queryClient = useQueryClient();
  const [draw, setDraw] = useState(0);
  // ?question=ID (Retake this question, from a report): that question from the bank; otherwise a random one.
  const [params, setParams] = useSearchParams();
  const fixedId = params.get('question');
  const bank = useQuery({ ...questionBankQuery, enabled: fixedId !== null });
  const fixed = fixedId ? (bank.data?.items.find((q) => q.id === fixedId) ?? null) : null;
  const wantRandom = fixedId === null || bank.isError || (bank.isSuccess && fixed === null);
  const questionQuery = useQuery({ ...randomQuestionQuery(draw), placeholderData: keepPreviousData, enabled: wantRandom });
  const question = fixed ?? (wantRandom ? (questionQuery.data ?? null) : null);
  const questionError = questionQuery.error && !questionQuery.isFetching ? messageOf(questionQuery.error) : null;
  const another = useCallback(() => {
    if (fixedId !== null) setParams({}, { replace: true });
    setDraw((n) => n + 1);
  }, [fixedId, setParams]);
  const [phase, setPhase] = useState<Phase>('setup');
  const [retakesUsed, setRetakesUsed] = useState(0);
  const upload = useUpload<AnswerAccepted>();
  const [answerId, setAnswerId] = useState<string | null>(null);

  const cameraOn = phase !== 'uploading' && phase !== 'analyzing';
  const { media, retryMedia, stream, level, recorder, take } = useRecording(cameraOn, config.recordingMaxSec, () => setPhase('review'));

  const startRecording = useCallback(() => {
    setPhase('recording');
    recorder.start();
  }, [recorder]);
  const endThink = useCallback(() => setPhase('countdown'), []);

  const submit = async (): Promise<void> => {
    if (!take || !question) return;
    setPhase('uploading');
    const accepted = await upload.send(practiceApi.uploadUrl, { questionId: question.id }, take.blob, uploadFileName(take.mimeType));
    if (!accepted) return;
    void queryClient.invalidateQueries({ queryKey: practiceKeys.answers });
    setAnswerId(accepted.id);
    setPhase('analyzing');
  };

  const retake = (): void => {
    setRetakesUsed((n) => n + 1);
    setPhase('countdown');
  };

  const retakesLeft = Math.max(0, config.retakes - retakesUsed);
  const canStart = media.status === 'ready' && question !== null;
  const showPreview = phase === 'setup' || phase === 'think' || phase === 'countdown' || phase === 'recording';

  return (
    <div className="interview">
      <h1 tabIndex={-1}>Practice interview</h1>
      <StepList phase={phase} />
      {questionError ? (
        <ErrorBox title="Could not load a question" message={questionError}>
          <button type="button" className="btn" onClick={another}>
            Try again
          </button>
        </ErrorBox>
      ) : (
        <QuestionCard question={question} onAnother={phase === 'setup' ? another : undefined} busy={questionQuery.isFetching} />
      )}

      {showPreview ? (
        <div className="interview-grid">
          <section className="card" aria-labelledby="camera-h">
            <h2 id="camera-h">{phase === 'setup' ? 'Camera and microphone check' : 'Camera'}</h2>
            {media.status === 'error' ? (
              <DeviceGuidance name={media.name} message={media.message} onRetry={retryMedia} />
            ) : (
              <>
                <CameraPreview stream={stream}>
                  {phase === 'countdown' ? <Countdown onDone={startRecording} /> : null}
                  {phase === 'recording' ? <span className="rec-badge">● REC</span> : null}
                </CameraPreview>
                {media.status === 'requesting' ? (
                  <p className="muted" role="status">
                    Asking for camera and microphone access…
                  </p>
                ) : (
                  <LevelMeter level={level} />
                )}
              </>
            )}
          </section>
          <section className="card step-card" aria-label="Current step">
            {phase === 'setup' ? (
              <div className="step-panel">
                <p className="step-title">Ready when you are</p>
                <p className="muted">
                  Check that your face is centred and well lit and that the meter moves when you speak. You get {config.thinkTimeSec} s to think, then a 3-2-1 countdown; answers can be up to{' '}
                  {Math.round(config.recordingMaxSec / 60)} min long.
                </p>
                <button type="button" className="btn primary" onClick={() => setPhase('think')} disabled={!canStart}>
                  Start
                </button>
              </div>
            ) : null}
            {phase === 'think' ? <ThinkTime seconds={config.thinkTimeSec} onDone={endThink} /> : null}
            {phase === 'countdown' ? (
              <div className="step-panel">
                <p className="step-title">Get ready…</p>
                <p className="muted">Recording starts after the countdown.</p>
              </div>
            ) : null}
            {phase === 'recording' ? <RecordingPanel elapsedSec={recorder.elapsedSec} maxSec={config.recordingMaxSec} onStop={recorder.stop} /> : null}
            {recorder.error ? (
              <ErrorBox message={recorder.error}>
                <button type="button" className="btn" onClick={() => setPhase('setup')}>
                  Start over
                </button>
              </ErrorBox>
            ) : null}
          </section>
        </div>
      ) : null}

      {phase === 'review' && take ? <TakeReview take={take} retakesLeft={retakesLeft} retakesTotal={config.retakes} onRetake={retake} onSubmit={() => void submit()} /> : null}

      {phase === 'uploading' ? (
        <section className="card" aria-labelledby="upload-h" data-testid="upload">
          <h2 id="upload-h">Uploading</h2>
          {upload.error ? (
            <ErrorBox title="The upload did not go through" message={upload.error}>
              <button type="button" className="btn" onClick={() => void submit()}>
                Try again
              </button>
              <button type="button" className="btn secondary" onClick={() => setPhase('review')}>
                Back to my recording
              </button>
            </ErrorBox>
          ) : (
            <div aria-live="polite">
              <ProgressBar label="Upload" fraction={upload.progress} />
            </div>
          )}
        </section>
      ) : null}

      {phase === 'analyzing' && answerId ? <AnalysisWatcher id={answerId} /> : null}
    </div>
  );
}
