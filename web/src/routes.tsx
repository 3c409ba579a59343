/**
 * Every page of the web app in one route tree (React Router 7): the practice area at the top level, the hiring
 * team's admin panel under /admin (a layout that signs in first), the candidate's interview at /invite/:token.
 * The admin and candidate areas load as separate chunks.
 */
import type { RouteObject } from 'react-router';
import { Layout, type RouteHandle } from './components/Layout';
import { PracticeOnly } from './components/PracticeOnly';
import { RouteError } from './components/RouteError';
import { Account } from './pages/Account';
import { History } from './pages/History';
import { Home } from './pages/Home';
import { Interview } from './pages/Interview';
import { MockInterview } from './pages/mock/MockInterview';
import { MockReport } from './pages/mock/MockReport';
import { MockSetup } from './pages/mock/MockSetup';
import { MyQuestions } from './pages/mock/MyQuestions';
import { NotFound } from './pages/NotFound';
import { ProgressPage } from './pages/Progress';
import { Results } from './pages/Results';
import { Shared } from './pages/Shared';

const handle = (title: string): RouteHandle => ({ title });
const admin = () => import('./admin/pages');

export const routes: RouteObject[] = [
  {
    id: 'root',
    path: '/',
    element: <Layout />,
    errorElement: <RouteError />,
    // Shown while the code of a lazily loaded area (admin, invite) arrives on a first visit.
    hydrateFallbackElement: <p role="status">Loading…</p>,
    children: [
      {
        id: 'home',
        index: true,
        element: (
          <PracticeOnly>
            <Home />
          </PracticeOnly>
        ),
      },
      {
        id: 'interview',
        path: 'interview',
        element: (
          <PracticeOnly>
            <Interview />
          </PracticeOnly>
        ),
        handle: handle('Practice interview'),
      },
      {
        id: 'history',
        path: 'history',
        element: (
          <PracticeOnly>
            <History />
          </PracticeOnly>
        ),
        handle: handle('History'),
      },
      {
        id: 'progress',
        path: 'progress',
        element: (
          <PracticeOnly>
            <ProgressPage />
          </PracticeOnly>
        ),
        handle: handle('Progress'),
      },
      {
        id: 'account',
        path: 'account',
        element: (
          <PracticeOnly open>
            <Account />
          </PracticeOnly>
        ),
        handle: handle('Account'),
      },
      {
        id: 'mock',
        path: 'mock',
        element: (
          <PracticeOnly>
            <MockSetup />
          </PracticeOnly>
        ),
        handle: handle('Mock interview'),
      },
      {
        id: 'my-questions',
        path: 'mock/questions',
        element: (
          <PracticeOnly>
            <MyQuestions />
          </PracticeOnly>
        ),
        handle: handle('My questions and sets'),
      },
      {
        id: 'mock-session',
        path: 'mock/:id',
        element: (
          <PracticeOnly>
            <MockInterview />
          </PracticeOnly>
        ),
        handle: handle('Mock interview'),
      },
      {
        id: 'mock-report',
        path: 'mock/:id/report',
        element: (
          <PracticeOnly>
            <MockReport />
          </PracticeOnly>
        ),
        handle: handle('Mock interview report'),
      },
      {
        id: 'answer',
        path: 'answers/:id',
        element: (
          <PracticeOnly>
            <Results />
          </PracticeOnly>
        ),
        handle: handle('Report'),
      },
      {
        id: 'shared',
        path: 'shared/:token',
        element: (
          <PracticeOnly open>
            <Shared />
          </PracticeOnly>
        ),
        handle: handle('Shared report'),
      },
      {
        id: 'admin',
        path: 'admin',
        handle: handle('Admin'),
        lazy: async () => ({ Component: (await admin()).AdminLayout }),
        children: [
          { id: 'admin-interviews', index: true, lazy: async () => ({ Component: (await admin()).InterviewsPage }) },
          { id: 'admin-interview', path: 'interviews/:id', lazy: async () => ({ Component: (await admin()).InterviewPage }) },
          { id: 'admin-leaderboard', path: 'interviews/:id/leaderboard', lazy: async () => ({ Component: (await admin()).LeaderboardPage }) },
          { id: 'admin-fairness', path: 'interviews/:id/fairness', lazy: async () => ({ Component: (await admin()).FairnessPage }) },
          { id: 'admin-candidate', path: 'interviews/:id/candidates/:candidateId', lazy: async () => ({ Component: (await admin()).CandidatePage }) },
          { id: 'admin-users', path: 'users', lazy: async () => ({ Component: (await admin()).UsersPage }) },
          { id: 'admin-audit', path: 'audit', lazy: async () => ({ Component: (await admin()).AuditPage }) },
          { id: 'admin-queue', path: 'queue', lazy: async () => ({ Component: (await admin()).QueuePage }) },
          { id: 'admin-integrations', path: 'integrations', lazy: async () => ({ Component: (await admin()).IntegrationsPage }) },
          { id: 'admin-not-found', path: '*', lazy: async () => ({ Component: (await admin()).AdminNotFound }) },
        ],
      },
      { id: 'not-found', path: '*', element: <NotFound />, handle: handle('Not found') },
    ],
  },
  {
    // The candidate's interview: its own frame, without the practice area's links or analysis wording.
    id: 'invite-root',
    path: '/invite/:token',
    errorElement: <RouteError />,
    hydrateFallbackElement: <p role="status">Loading…</p>,
    lazy: async () => ({ Component: (await import('./candidate/CandidateLayout')).CandidateLayout }),
    children: [{ id: 'invite', index: true, handle: handle('Interview'), lazy: async () => ({ Component: (await import('./candidate/InvitePage')).InvitePage }) }],
  },
];
