/** The hiring side's services; built once by the composition root (server/container.ts). */
import type { AuditLog } from '../audit/audit.repository.js';
import type { AuthService } from '../auth/auth.service.js';
import type { UserService } from '../auth/user.service.js';
import type { CandidateService } from '../candidates/candidate.service.js';
import type { InterviewService } from '../interviews/interview.service.js';
import type { InviteService } from '../invites/invite.service.js';
import type { LeaderboardService } from '../leaderboard/leaderboard.service.js';
import type { ReviewService } from '../reviews/review.service.js';
import type { HiringSettings } from './settings.js';

export interface Hiring {
  settings: HiringSettings;
  audit: AuditLog;
  auth: AuthService;
  users: UserService;
  interviews: InterviewService;
  candidates: CandidateService;
  invites: InviteService;
  reviews: ReviewService;
  leaderboard: LeaderboardService;
}
