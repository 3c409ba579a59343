/**
 * Declared access (issue 13): every route says who may call it in its options,
 * `config: { access: 'public' | 'practice' | 'account' | 'share' | 'invite' | 'staff' | 'admin' | 'token' }`,
 * and one onRequest hook enforces it before the handler (and before a byte of an upload is read).
 * The app refuses to start when a route has no declaration (or an unknown one).
 *
 * - public: anyone, no identity.
 * - practice: the practice owner, anonymous or signed in (ownership is checked by the practice rule).
 * - account: a signed-in user (any role with a session).
 * - share: a read-only share link (the link's secret is checked by the share rule).
 * - invite: a candidate holding an invite token (the token in the URL is checked by the invite service).
 * - staff: a signed-in reviewer or admin.
 * - admin: a signed-in admin.
 * - token: an admin API token (`Authorization: Bearer ...`), resolved by the token rule when one is plugged in.
 *
 * Cookie-authenticated rules (account, staff, admin) also require the CSRF token on state-changing methods.
 */
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { SessionUser } from '../features/auth/guard.js';
import { HttpError } from './errors.js';

export const ACCESS_RULES = ['public', 'practice', 'account', 'share', 'invite', 'staff', 'admin', 'token'] as const;
export type Access = (typeof ACCESS_RULES)[number];

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route (see server/http/access.ts). Required on every route. */
    access?: Access;
  }
}

/** How each rule finds out who is calling; the features plug their part in. */
export interface AccessRules {
  /** The user of the session cookie, or undefined (no cookie, expired, deactivated). */
  sessionUser(request: FastifyRequest): Promise<SessionUser | undefined>;
  /** Throws 403 when a state-changing request lacks a CSRF token bound to its session. */
  checkCsrf(request: FastifyRequest): void;
  /** The admin behind an API token (`Authorization: Bearer ...`); unset = tokens are not enabled. */
  tokenUser?(request: FastifyRequest): Promise<SessionUser | undefined>;
  /** Extra check for practice routes (owner identity); unset = any browser is a practice owner. */
  practice?(request: FastifyRequest): Promise<void>;
  /** Extra check for share-link routes; unset = the handler checks the link. */
  share?(request: FastifyRequest): Promise<void>;
  /** Extra check for invite routes; unset = the handler opens the invite by its token. */
  invite?(request: FastifyRequest): Promise<void>;
  /** Records the caller so handlers can read it (`currentUser`). */
  setUser(request: FastifyRequest, user: SessionUser): void;
}

export interface DeclaredRoute {
  method: string;
  url: string;
  access: Access | undefined;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const STAFF = new Set(['admin', 'reviewer']);

/** Every route of the app with its declared access (filled as routes are registered). */
export const declaredRoutes = new WeakMap<FastifyInstance, DeclaredRoute[]>();

/**
 * Installs the checker and the enforcer on the root instance; call before registering any route.
 * `defaultPublic` scopes (the web app's static files) may set `config.access` in their own onRoute hook.
 */
export function installAccess(app: FastifyInstance, rules: AccessRules): void {
  const seen: Array<{ route: RouteOptions }> = [];
  const table: DeclaredRoute[] = [];
  declaredRoutes.set(app, table);
  app.addHook('onRoute', (route) => {
    seen.push({ route });
  });
  app.addHook('onReady', async () => {
    const bad: string[] = [];
    for (const { route } of seen) {
      const access = route.config?.access;
      const methods = ([] as string[]).concat(route.method as string | string[]);
      for (const method of methods) table.push({ method, url: route.url, access });
      if (!access || !(ACCESS_RULES as readonly string[]).includes(access)) bad.push(`${methods.join(',')} ${route.url}${access ? ` (unknown rule "${access}")` : ''}`);
    }
    if (bad.length > 0) {
      throw new MissingAccessError(`Every route must declare who may call it (config.access, one of ${ACCESS_RULES.join(', ')}); these do not:\n  ${bad.join('\n  ')}`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (access === undefined) return; // the not-found handler: nothing to protect
    switch (access) {
      case 'public':
        return;
      case 'practice':
        await rules.practice?.(request);
        return;
      case 'share':
        await rules.share?.(request);
        return;
      case 'invite':
        await rules.invite?.(request);
        return;
      case 'token': {
        if (!rules.tokenUser) throw new HttpError(401, 'TOKEN_REQUIRED', 'This route needs an admin API token (Authorization: Bearer ...), and API tokens are not enabled on this server.');
        const user = await rules.tokenUser(request);
        if (!user) throw new HttpError(401, 'TOKEN_INVALID', 'The API token is missing, unknown or revoked. Send it as "Authorization: Bearer <token>".');
        if (user.role !== 'admin') throw new HttpError(403, 'ADMIN_ONLY', 'Only an admin can do this.');
        rules.setUser(request, user);
        return;
      }
      case 'account':
      case 'staff':
      case 'admin': {
        const user = await rules.sessionUser(request);
        if (!user) throw new HttpError(401, 'NOT_SIGNED_IN', 'Your session has ended or you are not signed in. Please sign in.');
        if (UNSAFE.has(request.method)) rules.checkCsrf(request);
        if (access === 'staff' && !STAFF.has(user.role)) throw new HttpError(403, 'STAFF_ONLY', 'Only reviewers and admins can do this.');
        if (access === 'admin' && user.role !== 'admin') throw new HttpError(403, 'ADMIN_ONLY', 'Only an admin can do this.');
        rules.setUser(request, user);
        return;
      }
      default: {
        const never: never = access;
        throw new Error(`unknown access rule ${String(never)}`);
      }
    }
  });
}

export class MissingAccessError extends Error {}
