/** Read-only links to one report: a 256-bit token shown once, stored as its SHA-256, revocable, with or without the video. */
import { randomUUID } from 'node:crypto';
import type { Share, ShareCreated, SharedAnswer } from '../../../contracts/shares.js';
import { conflict, notFound } from '../../http/errors.js';
import type { AnswerService } from '../answers/answer.service.js';
import { toDto } from '../answers/answer.service.js';
import type { AnswerRow } from '../answers/answer.repository.js';
import { newSecret, sha256 } from '../auth/tokens.js';
import type { PracticeRepository, ShareRow } from './practice.repository.js';

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

const toShare = (s: ShareRow): Share => ({ id: s.id, answerId: s.answer_id, includeVideo: s.include_video === 1, createdAt: s.created_at, revokedAt: s.revoked_at });

export class ShareService {
  constructor(
    private readonly repo: PracticeRepository,
    private readonly answers: AnswerService,
  ) {}

  async create(answerId: string, owner: string, includeVideo: boolean): Promise<ShareCreated> {
    const answer = await this.answers.row(answerId, 'practice', owner);
    if (answer.status !== 'done') throw conflict('NOT_ANALYSED', `Only an analysed answer can be shared; this one is ${answer.status}.`);
    const token = newSecret(32);
    const row: ShareRow = { id: randomUUID(), answer_id: answerId, owner, token_hash: sha256(token), include_video: includeVideo ? 1 : 0, created_at: new Date().toISOString(), revoked_at: null };
    await this.repo.createShare(row);
    return { ...toShare(row), token, url: `/shared/${token}` };
  }

  async list(answerId: string, owner: string): Promise<Share[]> {
    await this.answers.row(answerId, 'practice', owner);
    return (await this.repo.shares(answerId, owner)).map(toShare);
  }

  async revoke(answerId: string, shareId: string, owner: string): Promise<void> {
    await this.answers.row(answerId, 'practice', owner);
    if (!(await this.repo.revokeShare(shareId, answerId, owner, new Date().toISOString()))) {
      const existing = await this.repo.shareById(shareId);
      if (existing && existing.answer_id === answerId && existing.owner === owner) return; // already revoked: nothing to do
      throw notFound('SHARE_NOT_FOUND', `No link with id "${shareId.slice(0, 80)}" on this answer.`);
    }
  }

  /** The answer behind a live link; 404 for an unknown, malformed or revoked token alike. */
  async resolve(token: string): Promise<{ share: ShareRow; answer: AnswerRow }> {
    const found = TOKEN_FORMAT.test(token) ? await this.repo.activeShare(sha256(token)) : undefined;
    if (!found) throw notFound('SHARE_NOT_FOUND', 'This link does not exist or was revoked by its owner.');
    return found;
  }

  async shared(token: string): Promise<SharedAnswer> {
    const { share, answer } = await this.resolve(token);
    const includeVideo = share.include_video === 1;
    return { ...toDto(answer), videoUrl: includeVideo ? `/api/shared/${token}/video` : null, includeVideo };
  }
}
