import cookie from '@fastify/cookie';
import type { Pool } from '@desmigratif/db';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessRoutes } from './modules/access/routes.js';
import { migrationRoutes } from './modules/migration/routes.js';
import { caseRoutes } from './modules/migration/cases-routes.js';
import { homeRoutes } from './modules/migration/home-routes.js';
import { jobRoutes } from './modules/migration/jobs-routes.js';
import { letterRoutes } from './modules/migration/letters-routes.js';
import { refreshCandidates } from './modules/people/duplicates/candidate-refresh.js';
import { peopleDuplicateRoutes } from './modules/people/duplicates/routes.js';
import { peopleRoutes } from './modules/people/routes.js';
import { peopleImportQueue } from './modules/people/import/run-import.js';
import { peopleImportRoutes } from './modules/people/import/routes.js';
import { regionRoutes } from './modules/regions/routes.js';
import { privacyRoutes } from './modules/privacy/routes.js';
import { syncRoutes } from './modules/sync/routes.js';
import { installAppSecurity } from './platform/app-security.js';
import { installAccessControl, type RegisteredRoute } from './platform/access-control.js';
import { installSessions } from './platform/auth.js';
import { type AppSettings, defaultAppSettings } from './platform/config.js';
import { frameworkErrors, installErrorHandling } from './platform/errors.js';
import { installHealth } from './platform/health.js';
import { createJobRunner } from './platform/jobs.js';
import { installOpenApi } from './platform/openapi.js';
import { installWeb } from './platform/web.js';

z.config(z.locales.id());

export type BuiltApp = { app: FastifyInstance; routes: RegisteredRoute[] };

/** Builds the whole application: platform plugins first, then every module under /api/v1. */
export async function buildApp(options: { pool: Pool; settings?: Partial<AppSettings>; logger?: boolean }): Promise<BuiltApp> {
  const settings: AppSettings = { ...defaultAppSettings, ...options.settings };
  const app = Fastify({
    logger: options.logger === false ? false : { level: settings.logLevel },
    trustProxy: settings.trustProxy,
    bodyLimit: 1024 * 1024,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routes: RegisteredRoute[] = [];
  const hasWeb = await installWeb(app, settings.webDist);
  installErrorHandling(app, { spaFallback: hasWeb });
  await installAppSecurity(app, settings);
  await app.register(cookie);
  await installOpenApi(app);
  installHealth(app, options.pool);
  installSessions(app, options.pool, settings.sessionTtlHours, settings.adminTotpRequired);
  installAccessControl(app, routes);
  // Background jobs (imports) run in every server process on the same database.
  app.decorate('jobs', createJobRunner({ pool: options.pool, queues: [peopleImportQueue({ afterImport: (villageCode) => refreshCandidates(options.pool, villageCode) })], log: app.log }));
  app.addHook('onClose', () => app.jobs.stop());

  const context = { pool: options.pool, settings };
  await app.register(accessRoutes, { prefix: '/api/v1', ...context });
  await app.register(regionRoutes, { prefix: '/api/v1', ...context });
  await app.register(peopleRoutes, { prefix: '/api/v1', ...context });
  await app.register(peopleDuplicateRoutes, { prefix: '/api/v1', ...context });
  await app.register(peopleImportRoutes, { prefix: '/api/v1', ...context });
  await app.register(migrationRoutes, { prefix: '/api/v1', ...context });
  await app.register(jobRoutes, { prefix: '/api/v1', ...context });
  await app.register(caseRoutes, { prefix: '/api/v1', ...context });
  await app.register(letterRoutes, { prefix: '/api/v1', ...context });
  await app.register(homeRoutes, { prefix: '/api/v1', ...context });
  await app.register(syncRoutes, { prefix: '/api/v1', ...context });
  await app.register(privacyRoutes, { prefix: '/api/v1', ...context });
  await app.ready();
  app.jobs.start();
  return { app, routes };
}
