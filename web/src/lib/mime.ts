/** MediaRecorder format negotiation (pure: the support check is passed in). */

/** Preferred order: WebM with VP9/Opus, VP8/Opus, any WebM, then MP4 last (Safari). */
export const RECORDING_MIME_TYPES = ['video/webm;codecs=vp9,opus', 'video/webm;codecs=vp8,opus', 'video/webm', 'video/mp4'] as const;

/** Answers without camera: Opus in WebM (what the server keeps), then the browser's other audio formats. */
export const AUDIO_MIME_TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4'] as const;

/** The first supported type (audio types when `audioOnly`), or null when none is (the recorder then uses its default). */
export function pickMimeType(isTypeSupported: (type: string) => boolean, audioOnly = false): string | null {
  for (const t of audioOnly ? AUDIO_MIME_TYPES : RECORDING_MIME_TYPES) {
    try {
      if (isTypeSupported(t)) return t;
    } catch {
      // Some browsers throw on unknown types: treat as unsupported.
    }
  }
  return null;
}

/** The container type without codecs ("video/webm;codecs=vp8,opus" -> "video/webm"). */
export function baseMimeType(mime: string): string {
  return (mime.split(';')[0] ?? '').trim().toLowerCase();
}

/** File name for an upload of this MIME type. */
export function uploadFileName(mime: string): string {
  const base = baseMimeType(mime);
  if (base === 'audio/mp4') return 'answer.m4a';
  if (base === 'audio/ogg') return 'answer.ogg';
  return base === 'video/mp4' ? 'answer.mp4' : 'answer.webm';
}
