import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AnswerAccepted } from '../../../contracts/answers';
import { practiceApi, practiceKeys, questionBankQuery, randomQuestionQuery } from '../api';
import { useConfig } from '../hooks/useConfig';
import { EXTRA_TIME_CHOICES, type ExtraTime, useExtraTime, withExtraTime } from '../hooks/useExtraTime';
import { useRecording } from '../hooks/useRecording';
import { useStreamingUpload } from '../hooks/useStreamingUpload';
import { useUpload } from '../hooks/useUpload';
import { messageOf } from '../lib/http';
import { uploadFileName } from '../lib/mime';
import { formatTime } from '../lib/time';
import { QuestionCard } from '../components/QuestionCard';
import { CameraPreview } from '../components/CameraPreview';
import { DeviceGuidance } from '../components/DeviceGuidance';
import { LevelMeter } from '../components/LevelMeter';
import { MicOnlyPanel } from '../components/MicOnlyPanel';
import { ThinkTime } from '../components/ThinkTime';
import { Countdown } from '../components/Countdown';
import { RecordingPanel } from '../components/RecordingPanel';
import { TakeReview } from '../components/TakeReview';
import { ProgressBar } from '../components/ProgressBar';
import { ErrorBox } from '../components/ErrorBox';
import { AnalysisWatcher } from '../components/AnalysisWatcher';
import { StepList, type Phase } from '../components/StepList';
import { StreamStatus } from '../components/StreamStatus';
import { UnsentTake } from '../components/UnsentTake';

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
  // the take goes to the server while it is recorded, and is analysed as it arrives
  const live = useStreamingUpload(practiceApi.streamingUploadUrl, question?.id ?? null);
  const [answerId, setAnswerId] = useState<string | null>(null);

  const cameraOn = phase !== 'uploading' && phase !== 'analyzing';
  const [withoutCamera, setWithoutCamera] = useState(false);
  const [extraPct, setExtraPct] = useExtraTime();
  const thinkSec = withExtraTime(config.thinkTimeSec, extraPct);
  const maxSec = withExtraTime(config.recordingMaxSec, extraPct);
  const { media, retryMedia, stream, level, recorder, take } = useRecording(cameraOn, maxSec, () => setPhase('review'), live.onChunk, withoutCamera ? 'only' : 'fallback');
  const audioOnly = media.status === 'ready' && media.audioOnly;

  const startRecording = useCallback(() => {
    setPhase('recording');
    recorder.start();
  }, [recorder]);
  const endThink = useCallback(() => setPhase('countdown'), []);

  const submit = async (): Promise<void> => {
    if (!take || !question) return;
    setPhase('uploading');
    let accepted: AnswerAccepted | null = null;
    if (live.active) {
      try {
        accepted = await practiceApi.submitUpload(await live.finish(), question.id);
      } catch (e) {
        // the streamed upload did not complete: send the whole take in one request instead (nothing is lost)
        console.warn(`streamed upload failed, sending the take in one piece: ${messageOf(e)}`);
      }
    }
    if (!accepted) {
      accepted = await upload.send(practiceApi.uploadUrl, { questionId: question.id, ...(take.mimeType.startsWith('audio/') ? { audioOnly: '1' } : {}) }, take.blob, uploadFileName(take.mimeType));
      if (!accepted) return;
      if (live.active) live.discard(); // sent in one piece: the partial streamed upload and the copy in this browser go
    }
    void queryClient.invalidateQueries({ queryKey: practiceKeys.answers });
    setAnswerId(accepted.id);
    setPhase('analyzing');
  };

  /** A take recorded before a reload that the server never got in full: send the rest, then analyse it. */
  const sendUnsent = async (): Promise<void> => {
    const unsent = live.unsent;
    if (!unsent) return;
    setPhase('uploading');
    try {
      const accepted = await practiceApi.submitUpload(await live.resumeUnsent(), unsent.questionId, true);
      void queryClient.invalidateQueries({ queryKey: practiceKeys.answers });
      setAnswerId(accepted.id);
      setPhase('analyzing');
    } catch (e) {
      setUnsentError(messageOf(e));
      setPhase('setup');
    }
  };
  const [unsentError, setUnsentError] = useState<string | null>(null);

  const retake = (): void => {
    live.discard();
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

      {phase === 'setup' && (live.unsent || unsentError) ? (
        <section className="card" aria-labelledby="unsent-h" data-testid="unsent-take">
          <h2 id="unsent-h">An earlier answer was not fully sent</h2>
          <UnsentTake createdAt={live.unsent?.createdAt} error={unsentError} next="Send the rest now to get its report, or discard it." onSend={() => void sendUnsent()} onDiscard={live.dropUnsent} />
        </section>
      ) : null}

      {showPreview ? (
        <div className="interview-grid">
          <section className="card" aria-labelledby="camera-h">
            <h2 id="camera-h">{phase === 'setup' ? (audioOnly ? 'Microphone check' : 'Camera and microphone check') : audioOnly ? 'Microphone' : 'Camera'}</h2>
            {phase === 'setup' ? (
              <label className="small">
                <input type="checkbox" checked={withoutCamera} onChange={(e) => setWithoutCamera(e.target.checked)} /> Answer without camera (audio only)
              </label>
            ) : null}
            {media.status === 'error' ? (
              <DeviceGuidance name={media.name} message={media.message} onRetry={retryMedia} />
            ) : (
              <>
                {audioOnly ? (
                  <>
                    <MicOnlyPanel noCamera={media.status === 'ready' && media.noCamera} />
                    {phase === 'countdown' ? <Countdown onDone={startRecording} /> : null}
                  </>
                ) : (
                  <CameraPreview stream={stream}>
                    {phase === 'countdown' ? <Countdown onDone={startRecording} /> : null}
                    {phase === 'recording' ? <span className="rec-badge">● REC</span> : null}
                  </CameraPreview>
                )}
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
                  Check that your face is centred and well lit and that the meter moves when you speak. You get {thinkSec} s to think, then a 3-2-1 countdown; answers can be up to {formatTime(maxSec)}{' '}
                  long.
                </p>
                <p>
                  <label>
                    Extra time{' '}
                    <select value={extraPct} onChange={(e) => setExtraPct(Number(e.target.value) as ExtraTime)}>
                      {EXTRA_TIME_CHOICES.map((p) => (
                        <option key={p} value={p}>
                          {p === 0 ? 'none' : `+${p}%`}
                        </option>
                      ))}
                    </select>
                  </label>
                </p>
                <button type="button" className="btn primary" onClick={() => setPhase('think')} disabled={!canStart}>
                  Start
                </button>
              </div>
            ) : null}
            {phase === 'think' ? <ThinkTime seconds={thinkSec} onDone={endThink} /> : null}
            {phase === 'countdown' ? (
              <div className="step-panel">
                <p className="step-title">Get ready…</p>
                <p className="muted">Recording starts after the countdown.</p>
              </div>
            ) : null}
            {phase === 'recording' ? <RecordingPanel elapsedSec={recorder.elapsedSec} maxSec={maxSec} onStop={recorder.stop} /> : null}
            {phase === 'recording' && live.active ? <StreamStatus analysis={live.analysis} sentBytes={live.sentBytes} recordedBytes={live.recordedBytes} /> : null}
            {recorder.error ? (
              <ErrorBox message={recorder.error}>
                <button
                  type="button"
                  className="btn"
                  onClick={() => {
                    live.discard();
                    setPhase('setup');
                  }}
                >
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
              <ProgressBar label="Upload" fraction={live.active && live.recordedBytes > 0 && upload.progress === 0 ? live.sentBytes / live.recordedBytes : upload.progress} />
            </div>
          )}
        </section>
      ) : null}

      {(phase === 'review' || phase === 'uploading' || phase === 'analyzing') && live.active ? (
        <StreamStatus analysis={live.analysis} sentBytes={live.sentBytes} recordedBytes={live.recordedBytes} />
      ) : null}
      {phase === 'analyzing' && answerId ? <AnalysisWatcher id={answerId} /> : null}
    </div>
  );
}
