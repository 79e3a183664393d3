import { SYNC_FORMAT_VERSION } from '@desmigratif/contracts';
import http from 'node:http';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { RegistryGenerator, copyVillages } from '../lib/generate-registry.js';
import { REQUEST_TIMEOUT_MS } from '../lib/load.js';
import { connectEmbedded, vacuumRegistry } from '../lib/registry-data.js';
import { type ResultLine, type SuiteReport, type Verdict, below, seconds } from '../lib/report.js';
import { BenchServer, type StopResult, freePort, makeTempDir, removeTempDir } from '../lib/server.js';
import { DEMO_PASSWORD } from './foundation.js';

/**
 * Offline sync at the size of a village (issue 5, "Measured"): the officer's first pull of a
 * village of 2,000 residents over HTTP with gzip, and a push of 1,000 queued service visits in
 * batches of 200 — each against a baseline measured in the same run (the registry's own list
 * pages for the same residents; the same 1,000 visits saved online one POST at a time).
 * Method: docs/benchmarks.md, "Sync suite".
 */

export type SyncOptions = {
  village: string;
  officer: string;
  residents: number;
  /** Made online before the pull, so the pull carries more than the registry. */
  plans: number;
  services: number;
  mutations: number;
  batch: number;
  /** The registry list's largest page (pageQuerySchema). */
  listPageSize: number;
  startTimeoutMs: number;
  seed: number;
};

export const defaultSyncOptions: SyncOptions = {
  village: '3212162004',
  officer: 'petugas.kenanga',
  residents: 2_000,
  plans: 100,
  services: 300,
  mutations: 1_000,
  batch: 200,
  listPageSize: 200,
  startTimeoutMs: 120_000,
  seed: 20_261_122,
};

export const syncTargets = {
  /** Issue 5: push of 1,000 queued mutations < 5 s on this machine. */
  pushMs: 5_000,
  /** A slow rural connection for the estimate of the first pull's transfer (1 Mbit/s). */
  slowLinkBitsPerSecond: 1_000_000,
} as const;

const count = (n: number) => n.toLocaleString('en-US');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

type Session = { cookie: string; csrf: string };

type Answer = { status: number; wireBytes: number; bodyBytes: number; body: unknown };

/** One HTTP request on a fresh connection, counting the bytes on the wire (the body as sent: gzip if the server compressed). */
function request(base: string, method: 'GET' | 'POST', pathAndQuery: string, session: Session | null, payload?: unknown): Promise<Answer> {
  const data = payload === undefined ? null : Buffer.from(JSON.stringify(payload));
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}${pathAndQuery}`,
      {
        method,
        agent: false,
        timeout: REQUEST_TIMEOUT_MS,
        headers: {
          'accept-encoding': 'gzip',
          ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
          ...(data ? { 'content-type': 'application/json', 'content-length': String(data.length) } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const wire = Buffer.concat(chunks);
          const raw = response.headers['content-encoding'] === 'gzip' ? gunzipSync(wire) : wire;
          let body: unknown = raw.toString('utf8');
          try {
            body = JSON.parse(body as string);
          } catch {
            // not JSON: kept as text for the error message
          }
          resolve({ status: response.statusCode ?? 0, wireBytes: wire.length, bodyBytes: raw.length, body });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${pathAndQuery} timed out`)));
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

async function signIn(base: string, username: string): Promise<Session> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = (await response.json().catch(() => null)) as { csrfToken?: unknown } | null;
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('desmigratif_session='));
  if (response.status !== 200 || !cookie || typeof body?.csrfToken !== 'string') throw new Error(`login as ${username} failed: HTTP ${response.status}`);
  return { cookie, csrf: body.csrfToken };
}

function expectOk(answer: Answer, what: string): void {
  if (answer.status < 200 || answer.status > 299) throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
}

type Transfer = { requests: number; wireBytes: number; bodyBytes: number; ms: number };

type PullPage = { cursor: string; hasMore: boolean; changes: Array<{ table: string; rows: unknown[][] }>; tombstones: unknown[] };

/** The phone's first pull: pages until hasMore is false; rows counted per table. */
async function firstPull(base: string, session: Session, village: string): Promise<Transfer & { rows: Map<string, number> }> {
  const rows = new Map<string, number>();
  const transfer: Transfer = { requests: 0, wireBytes: 0, bodyBytes: 0, ms: 0 };
  let cursor: string | undefined;
  const t = performance.now();
  for (;;) {
    const query = new URLSearchParams({ villageCode: village, ...(cursor ? { cursor } : {}) });
    const answer = await request(base, 'GET', `/api/v1/sync/pull?${query}`, session);
    expectOk(answer, 'GET /sync/pull');
    transfer.requests += 1;
    transfer.wireBytes += answer.wireBytes;
    transfer.bodyBytes += answer.bodyBytes;
    const page = answer.body as PullPage;
    for (const change of page.changes) rows.set(change.table, (rows.get(change.table) ?? 0) + change.rows.length);
    cursor = page.cursor;
    if (!page.hasMore) break;
    if (transfer.requests > 1_000) throw new Error('the pull did not finish within 1,000 pages');
  }
  transfer.ms = performance.now() - t;
  return { ...transfer, rows };
}

/** Baseline: the registry list pages (largest page size) until every resident of the village has been fetched. */
async function listAllPeople(base: string, session: Session, village: string, pageSize: number): Promise<Transfer & { people: number }> {
  const transfer: Transfer = { requests: 0, wireBytes: 0, bodyBytes: 0, ms: 0 };
  let people = 0;
  const t = performance.now();
  for (let page = 1; ; page++) {
    const answer = await request(base, 'GET', `/api/v1/villages/${village}/people?page=${page}&pageSize=${pageSize}`, session);
    expectOk(answer, 'GET /villages/:villageCode/people');
    transfer.requests += 1;
    transfer.wireBytes += answer.wireBytes;
    transfer.bodyBytes += answer.bodyBytes;
    const body = answer.body as { total: number; items: unknown[] };
    people += body.items.length;
    if (people >= body.total || body.items.length === 0) break;
  }
  transfer.ms = performance.now() - t;
  return { ...transfer, people };
}

const visit = (n: number, label: string) => ({
  id: uuidv7(),
  visitorName: `Pengunjung ${label} ${n}`,
  serviceType: 'informasi_migrasi_aman',
  serviceDate: '2026-11-20',
});

export async function runSync(
  options: SyncOptions = defaultSyncOptions,
  progress: (message: string) => void = () => undefined,
): Promise<SuiteReport & { error: Error | null }> {
  const startedAt = new Date();
  const t0 = performance.now();
  const results: ResultLine[] = [];
  const notes: string[] = [];
  const settings: string[] = [];
  const stops: StopResult[] = [];
  const add = (name: string, value: string, target: string, verdict: Verdict, detail?: string) =>
    results.push(detail === undefined ? { name, value, target, verdict } : { name, value, target, verdict, detail });

  const root = makeTempDir('desmigratif-bench-');
  const dataDir = path.join(root, 'data');
  const port = await freePort();
  let pgPort = await freePort();
  while (pgPort === port) pgPort = await freePort();
  let server: BenchServer | null = null;
  let db: pg.Client | null = null;
  let error: Error | null = null;
  const K = options.village;

  try {
    progress(`starting the server (PORT ${port}, EMBEDDED_PG_PORT ${pgPort})…`);
    server = BenchServer.start({ dataDir, port, pgPort });
    await server.waitHealthy(options.startTimeoutMs);
    const base = server.baseUrl;
    db = await connectEmbedded(pgPort);

    // 1. The village: the demo's residents topped up to `residents` with COPY (families, KK numbers, status events).
    const existing = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM people WHERE village_code = $1 AND deleted_at IS NULL`, [K])).rows[0]!.n;
    const generated = new RegistryGenerator(options.seed).village(K, Math.max(0, options.residents - existing), {
      dusun: ['Kenanga Lor', 'Kenanga Kidul', 'Blok Mangga'],
    });
    await db.query('BEGIN');
    await copyVillages(db, [generated]);
    await db.query('COMMIT');
    await vacuumRegistry(db);
    const session = await signIn(base, options.officer);

    // Plans and visits made online, as the officer's work would have left them.
    progress(`adding ${options.plans} migration plans and ${options.services} visits online…`);
    const adults = generated.people.filter((p) => p.birth_date < '2000-01-01' && p.status_dasar === 1);
    let plansMade = 0;
    for (const person of adults.slice(0, options.plans)) {
      const answer = await request(base, 'POST', `/api/v1/people/${person.id}/migration-plans`, session, {
        destinationCountry: 'HK',
        occupation: 'Operator produksi',
        sector: 'formal',
        scheme: 'p_to_p',
      });
      if (answer.status === 201 || answer.status === 200) plansMade += 1;
    }
    for (let n = 0; n < options.services; n++) {
      const person = generated.people[n % generated.people.length]!;
      const { visitorName: _visitor, ...registered } = visit(n, 'seed');
      expectOk(await request(base, 'POST', `/api/v1/villages/${K}/services`, session, { ...registered, personId: person.id }), 'POST /services');
    }
    const size = (
      await db.query<{ people: number; families: number; plans: number; services: number }>(
        `SELECT (SELECT count(*)::int FROM people WHERE village_code = $1 AND deleted_at IS NULL) AS people,
                (SELECT count(*)::int FROM families WHERE village_code = $1 AND deleted_at IS NULL) AS families,
                (SELECT count(*)::int FROM migration_plans WHERE village_code = $1) AS plans,
                (SELECT count(*)::int FROM migration_services WHERE village_code = $1) AS services`,
        [K],
      )
    ).rows[0]!;
    const villageText = `${count(size.people)} residents, ${count(size.families)} families, ${count(size.plans)} migration plans, ${count(size.services)} visits`;
    add(`Village ${K} prepared`, villageText, '—', size.people === options.residents ? 'info' : 'fail', `${plansMade} of ${options.plans} plans accepted online`);

    // 2. First pull (the phone's first sync) against the registry's list pages for the same residents.
    progress('first pull and the list baseline…');
    // One unmeasured round each: both start from warm caches.
    await firstPull(base, session, K);
    await listAllPeople(base, session, K, options.listPageSize);
    const pull = await firstPull(base, session, K);
    const list = await listAllPeople(base, session, K, options.listPageSize);
    const pulledPeople = pull.rows.get('people') ?? 0;
    const slowSeconds = (bytes: number) => (bytes * 8) / syncTargets.slowLinkBitsPerSecond;
    add(
      `First pull of the village (all pages, gzip), ${count(pulledPeople)} residents and their records`,
      `${seconds(pull.ms)}, ${kb(pull.wireBytes)} on the wire`,
      '—',
      pulledPeople === size.people ? 'info' : 'fail',
      `${pull.requests} requests; ${kb(pull.bodyBytes)} JSON before gzip (${(pull.bodyBytes / pull.wireBytes).toFixed(1)}× smaller on the wire); rows per table: ` +
        `${[...pull.rows].map(([table, n]) => `${table} ${count(n)}`).join(', ')}; at 1 Mbit/s the transfer alone takes ≈ ${slowSeconds(pull.wireBytes).toFixed(1)} s`,
    );
    add(
      `Baseline: the registry list pages for the same ${count(list.people)} residents (pageSize ${options.listPageSize})`,
      `${seconds(list.ms)}, ${kb(list.wireBytes)} on the wire`,
      '—',
      list.people === size.people ? 'info' : 'fail',
      `${list.requests} requests; ${kb(list.bodyBytes)} JSON${list.wireBytes < list.bodyBytes ? ' before gzip' : ' (the list route is not compressed)'}; people only (no families, plans, visits); at 1 Mbit/s ≈ ${slowSeconds(list.wireBytes).toFixed(1)} s`,
    );
    add(
      'First pull ÷ list baseline',
      `${(pull.wireBytes / list.wireBytes).toFixed(2)}× the bytes, ${(pull.ms / list.ms).toFixed(2)}× the time`,
      '—',
      'info',
      `the pull also carries ${count(pull.rows.get('families') ?? 0)} families, ${count(pull.rows.get('migration_plans') ?? 0)} plans and ${count(pull.rows.get('migration_services') ?? 0)} visits; per resident: pull ${(pull.wireBytes / pulledPeople).toFixed(0)} B, list ${(list.wireBytes / list.people).toFixed(0)} B on the wire`,
    );

    // 3. Push of queued visits in batches against the same number saved online one by one.
    progress(`push of ${count(options.mutations)} service.create mutations in batches of ${options.batch}…`);
    const clientId = uuidv7();
    const mutations = Array.from({ length: options.mutations }, (_, i) => ({
      id: uuidv7(),
      clientId,
      seq: i + 1,
      name: 'service.create',
      args: { ...visit(i, 'sinkron'), villageCode: K },
      createdAt: new Date().toISOString(),
    }));
    const statuses = new Map<string, number>();
    let t = performance.now();
    for (let i = 0; i < mutations.length; i += options.batch) {
      const answer = await request(base, 'POST', '/api/v1/sync/push', session, {
        formatVersion: SYNC_FORMAT_VERSION,
        clientId,
        mutations: mutations.slice(i, i + options.batch),
      });
      expectOk(answer, 'POST /sync/push');
      for (const result of (answer.body as { results: Array<{ status: string }> }).results) statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
    }
    const pushMs = performance.now() - t;
    const applied = statuses.get('applied') ?? 0;

    progress(`baseline: the same number of visits, one online POST each…`);
    t = performance.now();
    for (let i = 0; i < options.mutations; i++) {
      expectOk(await request(base, 'POST', `/api/v1/villages/${K}/services`, session, visit(i, 'daring')), 'POST /services');
    }
    const onlineMs = performance.now() - t;
    const stored = (
      await db.query<{ pushed: number; online: number }>(
        `SELECT count(*) FILTER (WHERE visitor_name LIKE 'Pengunjung sinkron %')::int AS pushed,
                count(*) FILTER (WHERE visitor_name LIKE 'Pengunjung daring %')::int AS online
           FROM migration_services WHERE village_code = $1`,
        [K],
      )
    ).rows[0]!;
    add(
      `Push of ${count(options.mutations)} queued service.create mutations, batches of ${options.batch}`,
      `${seconds(pushMs)} (${count(Math.round(options.mutations / (pushMs / 1000)))} mutations/s)`,
      `< ${seconds(syncTargets.pushMs)}`,
      applied === options.mutations && stored.pushed === options.mutations ? below(pushMs, syncTargets.pushMs) : 'fail',
      `${Math.ceil(options.mutations / options.batch)} requests; results: ${[...statuses].map(([s, n]) => `${count(n)} ${s}`).join(', ')}; ${count(stored.pushed)} visits stored; each mutation in its own transaction with its sequence, as the online route's service`,
    );
    add(
      `Baseline: the same ${count(options.mutations)} visits saved online, one POST /villages/:villageCode/services each`,
      `${seconds(onlineMs)} (${count(Math.round(options.mutations / (onlineMs / 1000)))} requests/s)`,
      '—',
      stored.online === options.mutations ? 'info' : 'fail',
      `one request at a time on a new connection each, as the push requests; ${count(stored.online)} visits stored`,
    );
    add('Push ÷ online baseline (time)', `${(pushMs / onlineMs).toFixed(2)}×`, '—', 'info', `${(onlineMs / pushMs).toFixed(1)}× faster than saving the same visits online one by one`);

    settings.push(
      'Server: `node --import tsx apps/server/src/main.ts` spawned directly (SKIP_WEB_BUILD=1), embedded PostgreSQL in a fresh temporary DATA_DIR, DEMO_DATA=1, loopback only.',
      `Data: village ${K} (Kenanga) topped up from ${existing} demo residents to ${count(options.residents)} with bench/src/lib/generate-registry.ts (seed ${options.seed}, COPY, then VACUUM ANALYZE); ${options.plans} migration plans (POST /people/:id/migration-plans) and ${options.services} visits (POST /villages/:villageCode/services) made online as ${options.officer}.`,
      `Pull: GET /api/v1/sync/pull?villageCode=${K} with Accept-Encoding: gzip, default page size, pages until hasMore is false, as ${options.officer}; time from the first request to the last page decompressed and parsed; bytes counted as received. One unmeasured round of the pull and of the list first.`,
      `List baseline: GET /api/v1/villages/${K}/people?pageSize=${options.listPageSize} page by page until every resident was fetched, same headers.`,
      `Push: ${count(options.mutations)} service.create mutations (visitors, one client id, seq 1…${options.mutations}) in ${Math.ceil(options.mutations / options.batch)} POST /api/v1/sync/push of ${options.batch}; online baseline: ${count(options.mutations)} POST /api/v1/villages/${K}/services one after the other. Every request on a new connection (agent: false), from the same machine.`,
    );
  } catch (caught) {
    error = caught instanceof Error ? caught : new Error(String(caught));
    add('Suite error', error.message.split('\n')[0] ?? 'error', 'no error', 'fail');
    notes.push(`Error: ${error.message}`);
  } finally {
    await db?.end().catch(() => undefined);
    const running = server as BenchServer | null;
    if (running) {
      const result = await running.stop();
      stops.push(result);
      progress(`server stopped in ${seconds(result.durationMs)} (clean: ${result.clean})`);
    }
    removeTempDir(root);
  }

  for (const stop of stops) {
    add('Clean stop on SIGTERM', stop.clean ? 'yes' : 'no', 'yes', stop.clean ? 'pass' : 'fail', `stopped in ${seconds(stop.durationMs)}; exit code ${stop.exitCode}, orphan PostgreSQL: ${stop.orphanPostgres}`);
  }

  return {
    suite: 'sync',
    title: `Sync: first pull of a ${count(options.residents)}-resident village, push of ${count(options.mutations)} mutations`,
    startedAt,
    durationMs: performance.now() - t0,
    results,
    settings,
    notes,
    error,
  };
}
