import path from 'node:path';
import { type LoadResult, describeFailures, get, login, runLoad } from '../lib/load.js';
import { type ResultLine, type SuiteReport, type Verdict, below, mib, ms, seconds } from '../lib/report.js';
import { BenchServer, type StopResult, freePort, makeTempDir, removeTempDir } from '../lib/server.js';
import { median, summarize } from '../lib/stats.js';

/**
 * The demo accounts of packages/db/src/seed-demo.ts (DEMO_USERS, DEMO_PASSWORD) that sign in with
 * the password alone: `admin` also needs a one-time code (two-factor), which a load loop cannot replay.
 */
export const DEMO_USERNAMES = [
  'kemnaker',
  'mitra.kemenkes',
  'disnaker.indramayu',
  'disnaker.wonosobo',
  'petugas.kenanga',
  'kades.kenanga',
  'koperasi.kenanga',
  'petugas.kuripan',
  'petugas.kroya',
] as const;
export const DEMO_PASSWORD = 'Desmigratif#2026';

export type FoundationOptions = {
  /** Warm starts after the cold one (the median is reported). */
  warmRuns: number;
  /** Concurrent virtual users for the login and /healthz load. */
  users: number;
  loginsPerUser: number;
  healthzPerUser: number;
  /** Sequential requests per region search query. */
  searchRequests: number;
  searchQueries: readonly string[];
  /** How long a start may take before the suite gives up. */
  startTimeoutMs: number;
  /** Idle pause before the RSS is read. */
  idleMs: number;
};

export const defaultFoundationOptions: FoundationOptions = {
  warmRuns: 3,
  users: 20,
  loginsPerUser: 10,
  healthzPerUser: 50,
  searchRequests: 200,
  searchQueries: ['kenanga', 'indramayu'],
  startTimeoutMs: 120_000,
  idleMs: 3_000,
};

export const foundationTargets = {
  coldStartMs: 60_000,
  warmStartMs: 5_000,
  idleRssKb: 250 * 1024,
  /** apps/server/src/modules/access/password.ts: 20 officers at once, "well under a second". */
  loginP95Ms: 1_000,
  /** The issue: region search "well under a second". */
  searchP95Ms: 1_000,
} as const;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The server reads the client address from X-Forwarded-For (TRUST_PROXY=1), so each
 * virtual user can be a distinct client as behind a reverse proxy. Without this every
 * request comes from 127.0.0.1 and the login rate limit (20 per minute per address)
 * answers 429 after the first 20 logins. Addresses are from documentation ranges
 * (RFC 5737); they are only header values, nothing is sent to them.
 */
const clientAddress = (block: 'users' | 'other', n: number) => (block === 'users' ? `198.51.100.${n + 1}` : `203.0.113.${n + 1}`);

function loadDetail(result: LoadResult): string {
  const l = result.latency;
  return (
    `${result.ok}/${result.requests} ok, p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, p99 ${ms(l.p99)}, max ${ms(l.max)}, ` +
    `mean ${ms(l.mean)}, ${result.throughput.toFixed(1)} req/s over ${seconds(result.wallMs)}; failures: ${describeFailures(result)}`
  );
}

export async function runFoundation(
  options: FoundationOptions = defaultFoundationOptions,
  progress: (message: string) => void = () => undefined,
): Promise<SuiteReport & { error: Error | null }> {
  const startedAt = new Date();
  const t0 = performance.now();
  const results: ResultLine[] = [];
  const notes: string[] = [];
  const stops: StopResult[] = [];
  const add = (name: string, value: string, target: string, verdict: Verdict, detail?: string) =>
    results.push(detail === undefined ? { name, value, target, verdict } : { name, value, target, verdict, detail });

  const root = makeTempDir('desmigratif-bench-');
  const dataDir = path.join(root, 'data');
  const port = await freePort();
  let pgPort = await freePort();
  while (pgPort === port) pgPort = await freePort();
  const serverEnv = { TRUST_PROXY: '1' };
  let server: BenchServer | null = null;
  let error: Error | null = null;

  const start = async (label: string): Promise<{ server: BenchServer; ms: number }> => {
    progress(`${label}: starting the server (PORT ${port}, EMBEDDED_PG_PORT ${pgPort}, DATA_DIR ${dataDir})…`);
    server = BenchServer.start({ dataDir, port, pgPort, env: serverEnv });
    const elapsed = await server.waitHealthy(options.startTimeoutMs);
    // The "siap dalam" line is printed right after listen(); give the pipe a moment to deliver it.
    for (let i = 0; i < 20 && server.reportedReadySeconds === null; i++) await sleep(50);
    progress(`${label}: /healthz 200 after ${seconds(elapsed)} (node pid ${server.pid})`);
    return { server, ms: elapsed };
  };
  const stop = async (label: string) => {
    if (!server) return;
    const result = await server.stop();
    server = null;
    stops.push(result);
    progress(`${label}: stopped in ${seconds(result.durationMs)} (exit ${result.exitCode ?? result.signal}, clean: ${result.clean})`);
    if (!result.clean) {
      notes.push(
        `${label}: unclean stop: exit code ${result.exitCode}, signal ${result.signal}, clean-stop line printed: ${result.printedCleanStop}, ` +
          `SIGKILLed: ${result.killed}, orphan PostgreSQL: ${result.orphanPostgres}.`,
      );
    }
  };

  try {
    // 1. Cold first start: initdb, migrations, 91,592 regions, demo seed.
    const cold = await start('cold start');
    const regions = cold.server.findLine(/dimuat: ([\d.,]+) wilayah/)?.[1] ?? 'not reported';
    add(
      'Cold first start (spawn → /healthz 200)',
      seconds(cold.ms),
      `< ${foundationTargets.coldStartMs / 1000} s`,
      below(cold.ms, foundationTargets.coldStartMs),
      `server's own "siap dalam" figure ${cold.server.reportedReadySeconds ?? 'n/a'} s; regions loaded: ${regions}`,
    );
    await stop('cold start');

    // 2. Warm starts on the same data folder.
    const warm: number[] = [];
    const own: string[] = [];
    for (let i = 1; i <= options.warmRuns; i++) {
      const run = await start(`warm start ${i}/${options.warmRuns}`);
      warm.push(run.ms);
      own.push(`${run.server.reportedReadySeconds ?? 'n/a'}`);
      if (i < options.warmRuns) await stop(`warm start ${i}/${options.warmRuns}`);
    }
    const warmMedian = median(warm);
    add(
      `Warm start, median of ${options.warmRuns} (spawn → /healthz 200)`,
      seconds(warmMedian),
      `< ${foundationTargets.warmStartMs / 1000} s`,
      below(warmMedian, foundationTargets.warmStartMs),
      `runs ${warm.map(seconds).join(', ')}; server's own figures ${own.join(', ')} s`,
    );

    const live = server as BenchServer | null;
    if (!live) throw new Error('no server running after the warm starts');
    const base = live.baseUrl;

    // 3. Idle RSS of the Node server process after a few requests.
    const session = await login(base, 'petugas.kenanga', DEMO_PASSWORD, { 'x-forwarded-for': clientAddress('other', 0) });
    if ('failure' in session) throw new Error(`login as petugas.kenanga failed: ${session.failure}`);
    const auth = { cookie: session.cookie };
    for (const p of ['/healthz', '/healthz', '/api/v1/auth/me', '/api/v1/regions', '/api/v1/regions/search?q=kenanga']) {
      const response = await get(base, p, auth);
      if (response.status !== 200) throw new Error(`GET ${p} answered ${response.status}: ${response.body.slice(0, 200)}`);
    }
    await sleep(options.idleMs);
    const idleRss = live.rssKb();
    add(
      'Idle RSS of the Node server process (VmRSS)',
      mib(idleRss),
      `< ${foundationTargets.idleRssKb / 1024} MiB`,
      idleRss === null ? 'fail' : below(idleRss, foundationTargets.idleRssKb),
      `pid ${live.pid}, ${options.idleMs / 1000} s idle after the last warm start and 6 requests`,
    );
    const pg = live.childrenPssKb();
    add('Embedded PostgreSQL, idle (PSS of its processes)', mib(pg.pssKb), '—', 'info', `${pg.processes} processes`);

    // 4. /healthz baseline and login under the same concurrency.
    progress(`GET /healthz: ${options.users} users × ${options.healthzPerUser}…`);
    const healthz = await runLoad({
      users: options.users,
      iterationsPerUser: options.healthzPerUser,
      request: async () => {
        const response = await get(base, '/healthz');
        return response.status === 200 || `HTTP ${response.status}`;
      },
    });
    progress(`POST /api/v1/auth/login: ${options.users} users × ${options.loginsPerUser}…`);
    const logins = await runLoad({
      users: options.users,
      iterationsPerUser: options.loginsPerUser,
      request: async (user) => {
        const username = DEMO_USERNAMES[user % DEMO_USERNAMES.length]!;
        const outcome = await login(base, username, DEMO_PASSWORD, { 'x-forwarded-for': clientAddress('users', user) });
        return 'cookie' in outcome || outcome.failure;
      },
    });
    const loginFailed = logins.ok !== logins.requests;
    add(
      `Login p95, ${options.users} concurrent users`,
      ms(logins.latency.p95),
      `< ${foundationTargets.loginP95Ms} ms, no errors`,
      loginFailed ? 'fail' : below(logins.latency.p95, foundationTargets.loginP95Ms),
      loadDetail(logins),
    );
    add('Login throughput', `${logins.throughput.toFixed(1)} logins/s`, '—', 'info');
    add(
      `GET /healthz p95, ${options.users} concurrent users (baseline)`,
      ms(healthz.latency.p95),
      'no errors',
      healthz.ok === healthz.requests ? 'info' : 'fail',
      loadDetail(healthz),
    );
    add('Login p95 / healthz p95', `${(logins.latency.p95 / healthz.latency.p95).toFixed(1)}×`, '—', 'info');

    // 5. Region search as a signed-in user, one request at a time, the queries alternating
    //    so that each sees the same database state (autovacuum may run during the measurement).
    progress(`GET /api/v1/regions/search?q=${options.searchQueries.join('|')}: ${options.searchRequests} sequential requests each, alternating…`);
    const searches = options.searchQueries.map((q) => ({
      q,
      url: `/api/v1/regions/search?q=${encodeURIComponent(q)}`,
      items: 0,
      latencies: [] as number[],
      failures: {} as Record<string, number>,
    }));
    for (const search of searches) {
      const first = await get(base, search.url, auth);
      if (first.status === 200) search.items = (JSON.parse(first.body) as { items?: unknown[] }).items?.length ?? 0;
      for (let i = 0; i < 4; i++) await get(base, search.url, auth); // warm-up, not measured
    }
    for (let i = 0; i < options.searchRequests; i++) {
      for (const search of searches) {
        const t = performance.now();
        let outcome: string | null = null;
        try {
          const response = await get(base, search.url, auth);
          if (response.status !== 200) outcome = `HTTP ${response.status}`;
        } catch (caught) {
          outcome = caught instanceof Error ? caught.message : String(caught);
        }
        if (outcome === null) search.latencies.push(performance.now() - t);
        else search.failures[outcome] = (search.failures[outcome] ?? 0) + 1;
      }
    }
    for (const search of searches) {
      const l = summarize(search.latencies);
      const failures = Object.entries(search.failures);
      const edge = Math.min(20, search.latencies.length);
      add(
        `Region search q=${search.q} p95 (1 user)`,
        ms(l.p95),
        `< ${foundationTargets.searchP95Ms} ms, no errors`,
        failures.length || search.items === 0 ? 'fail' : below(l.p95, foundationTargets.searchP95Ms),
        `${search.items} results per answer; ${l.count}/${options.searchRequests} ok, p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, max ${ms(l.max)}, mean ${ms(l.mean)}; ` +
          `median of the first ${edge} ${ms(median(search.latencies.slice(0, edge)))}, of the last ${edge} ${ms(median(search.latencies.slice(-edge)))}; ` +
          `failures: ${failures.length ? failures.map(([k, v]) => `${v}× ${k}`).join(', ') : 'none'}`,
      );
    }
    const [a, b] = searches.map((search) => search.latencies);
    if (a && b && a.length >= 40 && b.length >= 40) {
      const before = median([...a.slice(0, 20), ...b.slice(0, 20)]);
      const after = median([...a.slice(-20), ...b.slice(-20)]);
      if (before > 3 * after || after > 3 * before) {
        notes.push(
          `Region search latency changed during the measurement (median of the first requests ${ms(before)}, of the last ${ms(after)}); ` +
            'likely PostgreSQL autovacuum reaching the freshly loaded regions table (see “Things to know” in docs/benchmarks.md).',
        );
      }
    }

    const afterRss = live.rssKb();
    add('RSS of the Node server process after the load', mib(afterRss), '—', 'info', `peak (VmHWM) ${mib(live.peakRssKb())}`);

    await stop('last warm start');
  } catch (caught) {
    error = caught instanceof Error ? caught : new Error(String(caught));
    add('Suite error', error.message.split('\n')[0] ?? 'error', 'no error', 'fail');
    notes.push(`Error: ${error.message}`);
  } finally {
    const running = server as BenchServer | null;
    if (running) {
      const result = await running.stop();
      stops.push(result);
      server = null;
    }
    removeTempDir(root);
  }

  if (stops.length) {
    const clean = stops.filter((s) => s.clean).length;
    add(
      'Clean stop on SIGTERM (exit 0, "berhenti dengan bersih", no orphan PostgreSQL)',
      `${clean}/${stops.length}`,
      'all',
      clean === stops.length ? 'pass' : 'fail',
      `stop times ${stops.map((s) => seconds(s.durationMs)).join(', ')}`,
    );
  }

  return {
    suite: 'foundation',
    title: 'Foundation: start-up, memory, login, region search',
    startedAt,
    durationMs: performance.now() - t0,
    results,
    settings: [
      'Server: `node --import tsx apps/server/src/main.ts` spawned directly (SKIP_WEB_BUILD=1, no web build), embedded PostgreSQL in a fresh temporary DATA_DIR, free ports, HOST=127.0.0.1, LOG_LEVEL=info, DEMO_DATA=1, TRUST_PROXY=1.',
      'Start times: from spawn() to the first 200 of GET /healthz, polled every 100 ms (resolution ≈ 100 ms).',
      `Load: ${options.users} closed-loop virtual users in one client process on the same machine (client and server share the CPUs); ` +
        `${options.users * options.healthzPerUser} GET /healthz, then ${options.users * options.loginsPerUser} logins over the ${DEMO_USERNAMES.length} demo accounts, each user a distinct X-Forwarded-For address; region search ${options.searchRequests} requests per query, one at a time, the queries alternating, after 5 unmeasured ones each.`,
      'Percentiles: nearest rank over successful requests; latency includes reading the whole response body.',
    ],
    notes,
    error,
  };
}
