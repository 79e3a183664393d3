import type { Pool } from '@desmigratif/db';
import type { FastifyInstance } from 'fastify';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { z } from 'zod';

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** /healthz for load balancers and /metrics (Prometheus) for the operator, from this machine only. */
export function installHealth(app: FastifyInstance, pool: Pool): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.get(
    '/healthz',
    {
      schema: {
        tags: ['sistem'],
        summary: 'Server dan database hidup',
        response: { 200: z.object({ status: z.literal('ok'), database: z.literal('ok') }), 503: z.object({ status: z.literal('error'), database: z.string() }) },
      },
    },
    async (_request, reply) => {
      try {
        await pool.query('SELECT 1');
        return { status: 'ok' as const, database: 'ok' as const };
      } catch {
        return reply.status(503).send({ status: 'error' as const, database: 'tidak terhubung' });
      }
    },
  );

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!loopback.has(request.socket.remoteAddress ?? '')) {
      return reply.status(403).send({ error: { code: 'FORBIDDEN', message: 'Metrik hanya dapat dibaca dari server ini.' } });
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
