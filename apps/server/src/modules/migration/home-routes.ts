import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';

/** Routes for the officer's and coordinator's home dashboards. */
export const homeRoutes: FastifyPluginAsyncZod<AppContext> = async () => {};
