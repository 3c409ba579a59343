// A minimal shell for the hiring pages until the app router mounts adminRoutes / candidateRoutes.
// Plain JS (no JSX) so the repository's tsc, which includes test/, does not try to compile it.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { Layout } from '../../../../web/src/components/Layout';
import { AdminApp } from '../../../../web/src/admin/routes';
import { CandidateApp } from '../../../../web/src/candidate/routes';
import '../../../../web/src/styles.css';

const root = document.getElementById('root');
if (root) {
  const page = window.location.pathname.startsWith('/invite/') ? CandidateApp : AdminApp;
  createRoot(root).render(createElement(Layout, null, createElement(page)));
}
