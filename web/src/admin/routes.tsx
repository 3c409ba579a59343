/** The admin panel's routes for the app router: every path renders <AdminApp/>, which matches the path itself. */
import type { ReactElement } from 'react';
import { ADMIN_PATHS, AdminApp } from './AdminApp';

export { AdminApp } from './AdminApp';
export { matchPath } from './match';

export const adminRoutes: Array<{ path: string; element: ReactElement }> = ADMIN_PATHS.map((path) => ({ path, element: <AdminApp /> }));

/** True for paths the admin panel handles (a prefix match is enough for a router). */
export const isAdminPath = (pathname: string): boolean => pathname === '/admin' || pathname.startsWith('/admin/');
