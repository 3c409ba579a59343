import { useEffect, useRef, type ReactNode } from 'react';

/** Live, muted, mirrored camera preview with an optional overlay (countdown, recording badge). */
export function CameraPreview({ stream, children }: { stream: MediaStream | null; children?: ReactNode }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const v = ref.current;
    if (!v) return;
    v.srcObject = stream;
    if (stream) void v.play().catch(() => undefined);
  }, [stream]);
  return (
    <div className="preview">
      <video ref={ref} className="preview-video" muted playsInline autoPlay aria-label="Camera preview" data-testid="preview" />
      {children ? <div className="preview-overlay">{children}</div> : null}
    </div>
  );
}
