import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';

/** Routes for job information (lowongan), agency import, the public page's API. */
export const jobRoutes: FastifyPluginAsyncZod<AppContext> = async () => {};
