import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const defaultWebDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/**
 * Serves the built web app; any other GET that accepts HTML gets index.html so that
 * the client-side router can open deep links. Returns whether a build was found.
 */
export async function installWeb(app: FastifyInstance, dist = defaultWebDist): Promise<boolean> {
  if (!existsSync(path.join(dist, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: dist,
    wildcard: false,
    index: false,
    setHeaders: (res, file) => {
      // Hashed assets never change; the shell and service worker must always be revalidated.
      const cacheable = file.includes(`${path.sep}assets${path.sep}`);
      res.header('Cache-Control', cacheable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return true;
}
