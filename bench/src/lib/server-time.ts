import { REQUEST_TIMEOUT_MS } from './load.js';

/**
 * Server-side time of single requests, from the server's own Prometheus histogram
 * `http_request_duration_seconds` (apps/server/src/platform/health.ts: observed in
 * Fastify's onResponse hook with reply.elapsedTime, i.e. from the request's arrival to
 * the response being handed to the socket). GET /metrics answers loopback only.
 *
 * The histogram's buckets are too coarse for percentiles, but its `_sum` and `_count`
 * are exact: read them before and after ONE request to a route, with nothing else
 * hitting that route meanwhile, and the difference of the sums is that request's
 * server time. The suites that use this send their requests one at a time.
 */

export type RouteTotals = Map<string, { sum: number; count: number }>;

const seriesPattern = /^http_request_duration_seconds_(sum|count)\{([^}]*)\}\s+(\S+)$/;
const routeLabel = /(?:^|,)route="([^"]*)"/;

/** GET /metrics → per route template, the histogram's sum (seconds) and count over all methods and statuses. */
export async function readRouteTotals(baseUrl: string): Promise<RouteTotals> {
  const response = await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET /metrics answered ${response.status}: ${text.slice(0, 200)}`);
  const totals: RouteTotals = new Map();
  for (const line of text.split('\n')) {
    const match = seriesPattern.exec(line);
    if (!match) continue;
    const route = routeLabel.exec(match[2]!)?.[1];
    if (route === undefined) continue;
    const entry = totals.get(route) ?? { sum: 0, count: 0 };
    if (match[1] === 'sum') entry.sum += Number(match[3]);
    else entry.count += Number(match[3]);
    totals.set(route, entry);
  }
  return totals;
}

/**
 * Server time in milliseconds of the one request made to `route` between two readings,
 * or null when the count did not move by exactly one (another request reached the route).
 */
export function serverTimeMs(before: RouteTotals, after: RouteTotals, route: string): number | null {
  const a = before.get(route) ?? { sum: 0, count: 0 };
  const b = after.get(route);
  if (!b || b.count - a.count !== 1) return null;
  return (b.sum - a.sum) * 1000;
}
