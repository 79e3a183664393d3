import { createPool, DEMO_PASSWORD, type Pool } from '@desmigratif/db';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, inject } from 'vitest';
import { buildApp } from '../app.js';
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
    const built = await buildApp({ pool: context.pool, settings: { logLevel: 'silent', ...testLimits, ...settings }, logger: false });
    context.app = built.app;
    context.routes = built.routes;
    context.login = async (username, password = DEMO_PASSWORD) => {
      const res = await context.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
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
