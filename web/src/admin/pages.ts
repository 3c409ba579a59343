/** The admin panel's pages, loaded as one chunk when /admin is first opened (see routes.tsx). */
export { AdminLayout, AdminNotFound } from './AdminLayout';
export { AuditPage } from './AuditPage';
export { CandidatePage } from './CandidatePage';
export { FairnessPage } from './FairnessPage';
export { IntegrationsPage } from './IntegrationsPage';
export { InterviewPage } from './InterviewPage';
export { InterviewsPage } from './InterviewsPage';
export { LeaderboardPage } from './LeaderboardPage';
export { QueuePage } from './QueuePage';
export { UsersPage } from './UsersPage';
