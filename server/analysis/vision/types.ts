/** Per-frame observations the worker sends back: small, JSON-friendly, no images, no emotions. */

/** [x, y, score]; x and y normalised to 0..1 of the frame. */
export type Keypoint = [number, number, number];

/** The upper-body MoveNet keypoints we keep (legs are rarely in an interview frame). */
export const BODY_PARTS = [
  'nose', 'leftEye', 'rightEye', 'leftEar', 'rightEar',
  'leftShoulder', 'rightShoulder', 'leftElbow', 'rightElbow', 'leftWrist', 'rightWrist', 'leftHip', 'rightHip',
] as const;
export type BodyPart = (typeof BODY_PARTS)[number];

export interface FaceObs {
  /** Human's overall face score 0..1 */
  score: number;
  /** [x, y, width, height] normalised to 0..1 of the frame */
  box: [number, number, number, number];
  /** head pose in degrees (Human face.rotation.angle); yaw < 0: face turned toward the left of the image */
  yaw: number;
  pitch: number;
  roll: number;
  /** eye-in-head horizontal angle in degrees estimated from the iris position, null when the iris was not found */
  eyeYaw: number | null;
  /** mouth-corner lift: (lip-centre y - mouth-corner y) / mouth width; > 0 when the corners sit above the lip centre */
  mouthCornerLift: number | null;
}

export interface BodyObs {
  score: number;
  kp: Partial<Record<BodyPart, Keypoint>>;
}

export interface FrameObs {
  /** seconds from the start of the video */
  t: number;
  /** faces above the presence threshold */
  faceCount: number;
  /** the largest face, or null */
  face: FaceObs | null;
  body: BodyObs | null;
  /** hands found by Human's hand model, null when that model was not run */
  hands: number | null;
}
