import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { AnswerAccepted } from '../../../../contracts/answers';
import type { Session } from '../../../../contracts/sessions';
import { CameraPreview } from '../../components/CameraPreview';
import { Countdown } from '../../components/Countdown';
import { DeviceGuidance } from '../../components/DeviceGuidance';
import { ErrorBox } from '../../components/ErrorBox';
import { LevelMeter } from '../../components/LevelMeter';
import { MicOnlyPanel } from '../../components/MicOnlyPanel';
import { ProgressBar } from '../../components/ProgressBar';
import { RecordingPanel } from '../../components/RecordingPanel';
import { ThinkTime } from '../../components/ThinkTime';
import type { Take } from '../../hooks/useRecorder';
import { useRecording } from '../../hooks/useRecording';
import { messageOf } from '../../lib/http';
import { uploadFileName } from '../../lib/mime';
import { uploadVideo } from '../../lib/upload';
import { formatTime } from '../../lib/time';
import { mockApi, mockKeys, sessionQuery } from '../../mockApi';

type Phase = 'setup' | 'think' | 'countdown' | 'recording' | 'finishing';

interface UploadState {
  progress: number;
  error: string | null;
  answerId: string | null;
  take: Take;
  audioOnly: boolean;
}

/** The mock interview itself: think, record, next question, back to back; each answer uploads (and is analysed) while the next is recorded. */
export function MockInterview() {
  const { id = '' } = useParams();
  const { data: session, error } = useQuery({ ...sessionQuery(id), refetchInterval: false });
  if (error && !session)
    return (
      <div>
        <h1 tabIndex={-1}>Mock interview</h1>
        <ErrorBox title="Could not open this mock interview" message={messageOf(error)}>
          <Link to="/mock" className="btn">
            Start a new one
          </Link>
        </ErrorBox>
      </div>
    );
  if (!session)
    return (
      <div>
        <h1 tabIndex={-1}>Mock interview</h1>
        <p role="status">Loading…</p>
      </div>
    );
  return <Flow session={session} />;
}

function Flow({ session }: { session: Session }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const total = session.items.length;
  // The questions still to record, in order: not answered yet, or whose analysis failed (recorded again). Fixed when the page opens.
  const [todo] = useState(() => session.items.filter((i) => i.answer === null || i.answer.status === 'failed').map((i) => i.position));
  const [position, setPosition] = useState(todo[0] ?? total + 1);
  const [phase, setPhase] = useState<Phase>(todo.length === 0 ? 'finishing' : 'setup');
  const [uploads, setUploads] = useState<Record<number, UploadState>>({});
  const aborts = useRef(new Map<number, () => void>());
  useEffect(() => {
    const running = aborts.current;
    return () => {
      for (const abort of running.values()) abort();
    };
  }, []);

  const startUpload = useCallback(
    (pos: number, take: Take, audioOnly: boolean) => {
      setUploads((u) => ({ ...u, [pos]: { progress: 0, error: null, answerId: null, take, audioOnly } }));
      const handle = uploadVideo<AnswerAccepted>(mockApi.answerUrl(session.id, pos), audioOnly ? { audioOnly: '1' } : {}, take.blob, uploadFileName(take.mimeType), (progress) =>
        setUploads((u) => (u[pos] ? { ...u, [pos]: { ...u[pos], progress } } : u)),
      );
      aborts.current.set(pos, handle.abort);
      handle.promise.then(
        (accepted) => {
          aborts.current.delete(pos);
          setUploads((u) => (u[pos] ? { ...u, [pos]: { ...u[pos], progress: 1, answerId: accepted.id } } : u));
          void queryClient.invalidateQueries({ queryKey: mockKeys.session(session.id) });
        },
        (e: unknown) => {
          aborts.current.delete(pos);
          setUploads((u) => (u[pos] ? { ...u, [pos]: { ...u[pos], error: messageOf(e) } } : u));
        },
      );
    },
    [session.id, queryClient],
  );

  const item = session.items.find((i) => i.position === position) ?? null;
  const cameraOn = phase !== 'finishing';
  const onRecorded = (take: Take) => {
    startUpload(position, take, media.status === 'ready' && media.audioOnly);
    const next = todo[todo.indexOf(position) + 1];
    if (next === undefined) {
      setPhase('finishing');
    } else {
      setPosition(next);
      setPhase(session.effectiveThinkSec > 0 ? 'think' : 'countdown');
    }
  };
  const { media, retryMedia, stream, level, recorder } = useRecording(cameraOn, session.effectiveAnswerSec, onRecorded, undefined, session.audioOnly ? 'only' : 'fallback');
  const audioOnly = media.status === 'ready' && media.audioOnly;

  const startRecording = useCallback(() => {
    setPhase('recording');
    recorder.start();
  }, [recorder]);
  const endThink = useCallback(() => setPhase('countdown'), []);

  // Every answer uploaded: on to the session report (analyses go on there).
  const pending = todo.filter((p) => !uploads[p]?.answerId);
  const allUploaded = phase === 'finishing' && pending.length === 0;
  useEffect(() => {
    if (allUploaded) void navigate(`/mock/${encodeURIComponent(session.id)}/report`);
  }, [allUploaded, navigate, session.id]);

  const heading = (
    <h1 tabIndex={-1}>
      Mock interview
      {phase !== 'finishing' && item ? (
        <span className="muted">
          {' '}
          · question {position} of {total}
        </span>
      ) : null}
    </h1>
  );

  if (phase === 'finishing') {
    return (
      <div className="mock-flow">
        {heading}
        <section className="card" aria-labelledby="finish-h" data-testid="finishing">
          <h2 id="finish-h">Sending your answers</h2>
          <p className="muted">Your answers are being uploaded; their analysis has already started. The session report opens when every answer is in.</p>
          <ul className="plain-list">
            {session.items.map((i) => {
              const u = uploads[i.position];
              return (
                <li key={i.position}>
                  {u?.error ? (
                    <ErrorBox title={`Question ${i.position}: the upload did not go through`} message={u.error}>
                      <button type="button" className="btn" onClick={() => startUpload(i.position, u.take, u.audioOnly)}>
                        Try again
                      </button>
                    </ErrorBox>
                  ) : (
                    <ProgressBar label={`Question ${i.position}`} fraction={u ? u.progress : i.answer ? 1 : 0} detail={i.answer || u?.answerId ? 'sent' : undefined} />
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      </div>
    );
  }

  return (
    <div className="mock-flow">
      {heading}
      {item ? (
        <section className="card question-card" aria-labelledby="q-h">
          <h2 id="q-h" className="eyebrow">
            Question {position} of {total} · {item.category}
          </h2>
          <p className="question-text" data-testid="mock-question">
            {item.questionText}
          </p>
        </section>
      ) : null}
      <div className="interview-grid">
        <section className="card" aria-labelledby="camera-h">
          <h2 id="camera-h">{audioOnly ? 'Microphone' : 'Camera'}</h2>
          {media.status === 'error' ? (
            <DeviceGuidance name={media.name} message={media.message} onRetry={retryMedia} />
          ) : (
            <>
              {audioOnly ? (
                <MicOnlyPanel noCamera={media.status === 'ready' && media.noCamera} />
              ) : (
                <CameraPreview stream={stream}>
                  {phase === 'countdown' ? <Countdown onDone={startRecording} /> : null}
                  {phase === 'recording' ? <span className="rec-badge">● REC</span> : null}
                </CameraPreview>
              )}
              {audioOnly && phase === 'countdown' ? <Countdown onDone={startRecording} /> : null}
              {media.status === 'requesting' ? (
                <p className="muted" role="status">
                  Asking for {session.audioOnly ? 'microphone' : 'camera and microphone'} access…
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
              <p className="step-title">{todo.length < total ? 'Carry on where you left off' : 'Ready when you are'}</p>
              <p className="muted">
                {todo.length < total ? `${todo.length} of ${total} questions left` : `${total} questions`}, back to back:{' '}
                {session.effectiveThinkSec > 0 ? `${formatTime(session.effectiveThinkSec)} to think, then ` : ''}a 3-2-1 countdown and up to {formatTime(session.effectiveAnswerSec)} to answer each.
                There are no retakes, as in a real interview.
              </p>
              <button type="button" className="btn primary" onClick={() => setPhase(session.effectiveThinkSec > 0 ? 'think' : 'countdown')} disabled={media.status !== 'ready'}>
                Start question {position}
              </button>
            </div>
          ) : null}
          {phase === 'think' ? <ThinkTime key={position} seconds={session.effectiveThinkSec} onDone={endThink} /> : null}
          {phase === 'countdown' ? (
            <div className="step-panel">
              <p className="step-title">Get ready…</p>
              <p className="muted">Recording starts after the countdown.</p>
            </div>
          ) : null}
          {phase === 'recording' ? <RecordingPanel elapsedSec={recorder.elapsedSec} maxSec={session.effectiveAnswerSec} onStop={recorder.stop} /> : null}
          {recorder.error ? <ErrorBox message={recorder.error} /> : null}
          <UploadStrip session={session} uploads={uploads} />
        </section>
      </div>
    </div>
  );
}

/** The answers already given, uploading or sent, under the current step. */
function UploadStrip({ session, uploads }: { session: Session; uploads: Record<number, UploadState> }) {
  const given = session.items.filter((i) => i.answer || uploads[i.position]);
  if (given.length === 0) return null;
  return (
    <ul className="plain-list small" aria-label="Your answers so far">
      {given.map((i) => {
        const u = uploads[i.position];
        const state = u?.error ? `upload failed: ${u.error}` : u && !u.answerId ? `uploading ${Math.round(u.progress * 100)}%` : 'sent, being analysed';
        return (
          <li key={i.position}>
            Question {i.position}: {state}
          </li>
        );
      })}
    </ul>
  );
}
