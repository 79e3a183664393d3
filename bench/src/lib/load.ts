import { type Summary, summarize } from './stats.js';

/** Per-request time limit, so that every loop stays bounded even if the server hangs. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** What one request reports: true when it succeeded, otherwise a short failure label ("HTTP 429"). */
export type Outcome = true | string;

export type LoadResult = {
  /** Latencies of the successful requests, in milliseconds. */
  latency: Summary;
  requests: number;
  ok: number;
  /** Failure label → count. */
  failures: Record<string, number>;
  wallMs: number;
  /** Successful requests per second over the whole run. */
  throughput: number;
};

/**
 * `users` virtual users run concurrently; each performs `iterationsPerUser` requests one
 * after the other (a closed loop: a user sends its next request when the previous answered).
 */
export async function runLoad(options: {
  users: number;
  iterationsPerUser: number;
  request: (user: number, iteration: number) => Promise<Outcome>;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  const started = performance.now();
  const user = async (index: number) => {
    for (let i = 0; i < options.iterationsPerUser; i++) {
      const t0 = performance.now();
      let outcome: Outcome;
      try {
        outcome = await options.request(index, i);
      } catch (error) {
        outcome = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
      const elapsed = performance.now() - t0;
      if (outcome === true) latencies.push(elapsed);
      else failures[outcome] = (failures[outcome] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: options.users }, (_, index) => user(index)));
  const wallMs = performance.now() - started;
  return {
    latency: summarize(latencies),
    requests: options.users * options.iterationsPerUser,
    ok: latencies.length,
    failures,
    wallMs,
    throughput: latencies.length / (wallMs / 1000),
  };
}

export function describeFailures(result: LoadResult): string {
  const entries = Object.entries(result.failures);
  return entries.length ? entries.map(([label, count]) => `${count}× ${label}`).join(', ') : 'none';
}

/** POST /api/v1/auth/login; returns the session cookie ("name=value") or a failure label. */
export async function login(
  baseUrl: string,
  username: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<{ cookie: string } | { failure: string }> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = (await response.json().catch(() => null)) as { csrfToken?: unknown } | null;
  if (response.status !== 200) return { failure: `HTTP ${response.status}` };
  if (typeof body?.csrfToken !== 'string') return { failure: 'no csrfToken in response' };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('desmigratif_session='));
  return cookie ? { cookie } : { failure: 'no session cookie' };
}

/** GET that must answer 200; the body is read completely (and returned) before the clock stops. */
export async function get(baseUrl: string, pathAndQuery: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const response = await fetch(`${baseUrl}${pathAndQuery}`, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  return { status: response.status, body: await response.text() };
}
