/** Guidance for getUserMedia failures, keyed by DOMException name (pure). */

export interface MediaGuidance {
  title: string;
  steps: string[];
}

export function mediaErrorGuidance(name: string, message = ''): MediaGuidance {
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return {
        title: 'Camera and microphone access was blocked',
        steps: [
          'Click the camera icon in the address bar (or the site settings) and allow the camera and microphone for this site.',
          'If your system blocks the browser (macOS: System Settings › Privacy & Security), allow it there too.',
          'Then press “Try again”.',
        ],
      };
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return {
        title: 'No camera or microphone was found',
        steps: ['Connect a webcam and a microphone (a headset works), or enable the built-in ones.', 'Check that they are not disabled in your system settings.', 'Then press “Try again”.'],
      };
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return {
        title: 'The camera or microphone is busy',
        steps: ['Another application (a video call, another tab) may be using the device: close it.', 'Unplug and reconnect an external webcam if the problem continues.', 'Then press “Try again”.'],
      };
    case 'NotSupportedError':
    case 'TypeError':
      return {
        title: 'This browser cannot record video here',
        steps: ['Recording needs a secure page (https or localhost) and a recent Chrome, Edge, Firefox or Safari.'],
      };
    default:
      return {
        title: 'The camera or microphone could not be started',
        steps: [message || 'An unknown error occurred.', 'Press “Try again”, or reload the page.'],
      };
  }
}
