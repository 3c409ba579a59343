/** Tables of the practice side for many people (issue 11). */

export interface AnswerSharesTable {
  id: string;
  answer_id: string;
  /** The owner key of the answer when the link was made (see features/practice/owner.ts). */
  owner: string;
  /** SHA-256 (hex) of the share token; the token is shown once, when the link is made. */
  token_hash: string;
  /** 1 when the link may play the video. */
  include_video: number;
  created_at: string;
  revoked_at: string | null;
}

export interface PracticeDB {
  answer_shares: AnswerSharesTable;
}
