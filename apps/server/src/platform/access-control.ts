import type { Role, SessionUser } from '@desmigratif/contracts';
import { isInScope, narrowScope } from '@desmigratif/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden, outOfScope, unauthenticated } from './errors.js';

/**
 * How a route is protected. Every route under /api must declare one (start-up fails
 * otherwise), and the authorization test walks every registered route with it.
 *
 * - roles: 'public' (no login), 'authenticated' (any signed-in user) or the roles allowed.
 * - scope: how the route keeps a user inside their region:
 *   - 'none': the route returns no region-bound data (own account, reference regions);
 *   - 'filtered': a listing whose query is limited to the user's scope (requestScope());
 *   - 'record': the handler loads the record and calls assertInScope() on its region;
 *   - { param }: a region code in the URL params, checked here before the handler runs.
 */
export type RouteAccess = {
  roles: 'public' | 'authenticated' | readonly Role[];
  scope: 'none' | 'filtered' | 'record' | { param: string };
  /** Cookie-authenticated writes need the CSRF header, except where there is no session yet (login). */
  csrf?: boolean;
  /**
   * Reachable by an admin who must still set up two-factor sign-in (ADMIN_TOTP_REQUIRED): the
   * setup itself, /auth/me, the password change and sign-out. Every other route answers 403
   * TOTP_SETUP_REQUIRED to such a session (platform/auth.ts).
   */
  duringTotpSetup?: boolean;
  /** What a role not listed in `roles` is told, when the generic refusal would not say why. */
  deniedMessage?: string;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    user: SessionUser | null;
    sessionId: string | null;
    csrfToken: string | null;
  }
}

export function requireUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw unauthenticated();
  return request.user;
}

/** Throws 403 when a record of region `code` lies outside the user's scope. */
export function assertInScope(request: FastifyRequest, code: string): void {
  if (!isInScope(requireUser(request).scopeCode, code)) throw outOfScope();
}

/** The region prefix a listing must be limited to, narrowed by an optional `within` filter. */
export function requestScope(request: FastifyRequest, within?: string): string {
  const narrowed = narrowScope(requireUser(request).scopeCode, within);
  if (narrowed === null) throw outOfScope();
  return narrowed;
}

/** Registered routes with their access rules, for the authorization test and the docs. */
export type RegisteredRoute = { method: string; url: string; access: RouteAccess };

/**
 * Refuses to start when an /api route declares no access rule, and checks every
 * request against its route's rule before its input is even validated, so that
 * an outsider learns nothing from validation messages.
 */
export function installAccessControl(app: FastifyInstance, registry: RegisteredRoute[]): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} has no access rule (config.access)`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') registry.push({ method, url: route.url, access });
    }
  });

  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || access.roles === 'public') return;
    const user = requireUser(request);
    if (access.roles !== 'authenticated' && !access.roles.includes(user.role)) throw forbidden(access.deniedMessage);
    if (typeof access.scope === 'object') {
      const code = (request.params as Record<string, string | undefined>)[access.scope.param];
      if (code === undefined || !isInScope(user.scopeCode, code)) throw outOfScope();
    }
  });
}
