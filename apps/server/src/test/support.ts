import { createPool, DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_TOTP_USERNAME, type Pool } from '@desmigratif/db';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, inject } from 'vitest';
import { buildApp } from '../app.js';
import { totpCodeAt } from '../modules/access/totp.js';
import type { RegisteredRoute } from '../platform/access-control.js';
import type { AppSettings } from '../platform/config.js';
import { createDatabaseFromTemplate } from './database.js';

export type Session = {
  cookie: string;
  csrfToken: string;
  /** Sends a request as this user (cookie + CSRF header on writes). */
  request: (options: InjectOptions) => Promise<LightMyRequestResponse>;
};

export type TestContext = {
  app: FastifyInstance;
  pool: Pool;
  routes: RegisteredRoute[];
  /** Signs in a demo (or test-made) account and returns a session for it. */
  login: (username: string, password?: string) => Promise<Session>;
};

/**
 * One fresh database per test file, cloned from the migrated template (regions and
 * demo accounts included), and the whole application built on it.
 */
export function useTestApp(settings: Partial<AppSettings> = {}): TestContext {
  const context = {} as TestContext;
  let drop: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    const db = await createDatabaseFromTemplate(inject('pgAdminUrl'), inject('pgTemplate'));
    drop = db.drop;
    context.pool = createPool(db.url, 5);
    // Tests send requests far faster than people do, all from one address: the general API
    // limit is raised here; a test of that limit passes the real values (security.test.ts).
    const testLimits = { rateLimitPerMinute: 1_000_000, anonymousRateLimitPerMinute: 1_000_000 };
    // Tests of other rules make admin accounts on the fly; the forced two-factor setup of admins
    // is switched on where it is tested (modules/access/totp.test.ts).
    const testDefaults = { adminTotpRequired: false };
    const built = await buildApp({ pool: context.pool, settings: { logLevel: 'silent', ...testLimits, ...testDefaults, ...settings }, logger: false });
    context.app = built.app;
    context.routes = built.routes;
    context.login = async (username, password = DEMO_PASSWORD) => {
      const payload: Record<string, string> = { username, password };
      if (username === DEMO_TOTP_USERNAME) {
        // The demo admin signs in with two-factor. Tests sign it in many times within one
        // 30-second step, which the replay guard rightly refuses (totp.test.ts proves it):
        // the last used step is forgotten first, here only.
        await context.pool.query(`UPDATE users SET totp_last_step = NULL WHERE username = $1`, [username]);
        payload.totpCode = totpCodeAt(DEMO_TOTP_SECRET);
      }
      const res = await context.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const { csrfToken } = res.json() as { csrfToken: string };
      return {
        cookie,
        csrfToken,
        request: (options) =>
          context.app.inject({
            ...options,
            headers: { cookie, 'x-csrf-token': csrfToken, ...(options.headers ?? {}) },
          }),
      };
    };
  });
  afterAll(async () => {
    await context.app?.close();
    await context.pool?.end();
    await drop();
  });
  return context;
}
