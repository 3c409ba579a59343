/** The practice side's services (issue 11), built once from the container and the shared auth stack. */
import type { Container } from '../../container.js';
import type { Storage } from '../../infra/storage/storage.js';
import { SessionRepository } from '../auth/session.repository.js';
import { UserRepository } from '../auth/user.repository.js';
import type { Hiring } from '../hiring/services.js';
import { ProgressService } from '../progress/progress.service.js';
import { AccountService } from './account.service.js';
import { PracticeIdentity } from './owner.js';
import { PracticeRepository } from './practice.repository.js';
import { ShareService } from './share.service.js';
import type { OwnWork } from './export.js';

export interface Practice {
  identity: PracticeIdentity;
  repo: PracticeRepository;
  accounts: AccountService;
  shares: ShareService;
  progress: ProgressService;
  storage: Storage;
  /** Practice routes are served (PRACTICE_MODE is not off). */
  enabled: boolean;
  /** An owner's own questions, question sets and mock interviews (with their questions and session report), for "download all my data". */
  ownWork(owner: string): Promise<OwnWork>;
}

export function createPractice(c: Container, h: Hiring): Practice {
  const db = c.database.db;
  const repo = new PracticeRepository(db);
  const identity = new PracticeIdentity(h.auth, c.config.PRACTICE_MODE, c.config.secureCookies);
  return {
    identity,
    repo,
    accounts: new AccountService({ auth: h.auth, users: new UserRepository(db), sessions: new SessionRepository(db), audit: h.audit, repo, storage: c.storage, sessionHours: h.settings.SESSION_HOURS }),
    shares: new ShareService(repo, c.answers),
    progress: new ProgressService(repo),
    storage: c.storage,
    enabled: c.config.PRACTICE_MODE !== 'off',
    async ownWork(owner) {
      const sessions = await c.sessions.list(owner, 10_000);
      return {
        questions: await c.questions.list(owner, { origin: 'own' }),
        questionSets: await c.questions.listSets(owner),
        mockSessions: await Promise.all(sessions.map((s) => c.sessions.get(owner, s.id))),
      };
    },
  };
}
