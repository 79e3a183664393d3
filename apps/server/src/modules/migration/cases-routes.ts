import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';

/** Routes for departures, returns and cases. */
export const caseRoutes: FastifyPluginAsyncZod<AppContext> = async () => {};
