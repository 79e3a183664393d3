import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';

/** Routes for document scans and letters (PDF with QR). */
export const letterRoutes: FastifyPluginAsyncZod<AppContext> = async () => {};
