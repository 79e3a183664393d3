import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';

/** Offline sync: push, pull, conflicts (issue 5). */
export const syncRoutes: FastifyPluginAsyncZod<AppContext> = async () => {};
