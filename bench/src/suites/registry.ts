import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { type GeneratedPerson, type GeneratedVillage, RegistryGenerator, openSidWorkbook, personCopyTargets, personCopyLine } from '../lib/generate-registry.js';
import { REQUEST_TIMEOUT_MS } from '../lib/load.js';
import { copyChunks, copyFrom } from '../lib/pg-copy.js';
import { type RegencyPlan, connectEmbedded, loadRegency, planRegency, vacuumRegistry } from '../lib/registry-data.js';
import { type ResultLine, type SuiteReport, type Verdict, below, mib, ms, seconds } from '../lib/report.js';
import { BenchServer, type StopResult, freePort, makeTempDir, removeTempDir, repoRoot } from '../lib/server.js';
import { type RouteTotals, readRouteTotals, serverTimeMs } from '../lib/server-time.js';
import { type Summary, median, summarize } from '../lib/stats.js';
import { DEMO_PASSWORD } from './foundation.js';

/**
 * The registry at the size of a regency (issue 3, "Measured"): 20,000 residents in one
 * village and 200,000 in the regency, read through the real HTTP API of the spawned
 * server; the OpenSID import of a 20,000-row workbook against a raw COPY of the same rows.
 * Method and caveats: docs/benchmarks.md, "Registry suite".
 */

export type RegistryOptions = {
  regency: string;
  /** The village measured (Kenanga, Sindang: the demo's pilot village). */
  village: string;
  villagePeople: number;
  regencyPeople: number;
  /** Residents per other village of the regency, about. */
  perVillage: number;
  /** Measured requests per read, after `warmup` unmeasured ones. */
  requests: number;
  warmup: number;
  /** Extra village officers of the measured village, to stay inside the suggestions' per-account limit. */
  suggestionAccounts: number;
  importRows: number;
  /** COPY runs per baseline table (the median is reported). */
  copyRuns: number;
  /** How often the import job is polled, as the web does. */
  pollMs: number;
  importTimeoutMs: number;
  /** Limit for the first duplicate review list, which works off everything queued by the load. */
  reviewTimeoutMs: number;
  startTimeoutMs: number;
  seed: number;
};

export const defaultRegistryOptions: RegistryOptions = {
  regency: '3212',
  village: '3212162004',
  villagePeople: 20_000,
  regencyPeople: 200_000,
  perVillage: 2_000,
  requests: 200,
  warmup: 5,
  suggestionAccounts: 10,
  importRows: 20_000,
  copyRuns: 3,
  pollMs: 100,
  importTimeoutMs: 600_000,
  reviewTimeoutMs: 300_000,
  startTimeoutMs: 120_000,
  seed: 20_161_004,
};

export const registryTargets = {
  /** Issue 3: list page and name search p95 < 30 ms server time. */
  readP95Ms: 30,
  /** Issue 3: duplicate suggestions for a typed name < 50 ms. */
  suggestionsP95Ms: 50,
  /** Issue 3: import ≥ 2,000 rows/s end to end. */
  importRowsPerSecond: 2_000,
  /** Mission: ten times faster than OpenSID's ~0.2 s for a 20,000-resident list. */
  missionListMs: 20,
  /** Reference, not measured here: OpenSID v2410, 20,000-resident list, 2-core machine, local database. */
  opensidListMs: 200,
  /** Reference, not measured here: OpenSID users' hosting, family list of a 7,433-resident village. */
  opensidFamiliesMs: 70_000,
} as const;

const sleep = (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds));
const count = (n: number) => n.toLocaleString('en-US');
const address = (n: number) => `198.51.100.${(n % 250) + 1}`;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Session = { username: string; cookie: string; csrf: string };

/** POST /api/v1/auth/login from a distinct (documentation-range) client address; the cookie and CSRF token. */
async function signIn(base: string, username: string, n: number): Promise<Session> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address(n) },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = (await response.json().catch(() => null)) as { csrfToken?: unknown } | null;
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('desmigratif_session='));
  if (response.status !== 200 || !cookie || typeof body?.csrfToken !== 'string') throw new Error(`login as ${username} failed: HTTP ${response.status}`);
  return { username, cookie, csrf: body.csrfToken };
}

async function getJson<T>(base: string, pathAndQuery: string, session: Session | null, timeoutMs = REQUEST_TIMEOUT_MS): Promise<{ status: number; body: T }> {
  const response = await fetch(`${base}${pathAndQuery}`, {
    headers: session ? { cookie: session.cookie } : {},
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, body: body as T };
}

// ---------------------------------------------------------------------------------------
// Reads

type Probe = {
  key: string;
  label: string;
  path: string;
  /** The route template as the server's histogram labels it. */
  route: string;
  /** Rotated request by request. */
  sessions: Session[] | null;
  /** Target for the p95 of server time; null: reported only. */
  targetMs: number | null;
  /** What one answer holds (filled by the first request). */
  answer: string;
  client: number[];
  server: number[];
  /** Requests whose server time could not be read (another request reached the route). */
  unattributed: number;
  failures: Record<string, number>;
};

function describeAnswer(body: unknown): string {
  const b = body as { total?: number; items?: unknown[]; candidates?: unknown[]; nikRecordedElsewhere?: unknown[]; status?: string };
  if (Array.isArray(b?.candidates)) return `${b.candidates.length} candidates, NIK recorded elsewhere: ${b.nikRecordedElsewhere?.length ?? 0}`;
  if (Array.isArray(b?.items)) return `${count(b.total ?? 0)} matching, ${b.items.length} on the page`;
  return typeof b?.status === 'string' ? `status ${b.status}` : 'answer';
}

/**
 * Every probe once per round, `rounds` rounds, one request at a time: all reads see the
 * same database state (autovacuum, caches). Around each request the server's histogram
 * is read (GET /metrics), which gives the request's own server time.
 */
async function measureProbes(base: string, probes: Probe[], o: { rounds: number; warmup: number }, progress: (m: string) => void): Promise<void> {
  let totals: RouteTotals = await readRouteTotals(base);
  const one = async (probe: Probe, i: number, record: boolean) => {
    const session = probe.sessions ? probe.sessions[i % probe.sessions.length]! : null;
    const t = performance.now();
    let outcome: string | null = null;
    let body: unknown = null;
    try {
      const response = await fetch(`${base}${probe.path}`, {
        headers: session ? { cookie: session.cookie } : {},
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await response.text();
      if (response.status !== 200) outcome = `HTTP ${response.status}`;
      else if (!probe.answer) body = JSON.parse(text);
    } catch (error) {
      outcome = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    const elapsed = performance.now() - t;
    const after = await readRouteTotals(base);
    const server = serverTimeMs(totals, after, probe.route);
    totals = after;
    if (outcome !== null) {
      probe.failures[outcome] = (probe.failures[outcome] ?? 0) + 1;
      return;
    }
    if (body !== null) probe.answer = describeAnswer(body);
    if (!record) return;
    probe.client.push(elapsed);
    if (server === null) probe.unattributed += 1;
    else probe.server.push(server);
  };
  // The first (unmeasured) answer also tells what a request returns.
  for (const probe of probes) for (let i = 0; i < Math.max(1, o.warmup); i++) await one(probe, i, false);
  for (const probe of probes) probe.failures = {};
  for (let round = 0; round < o.rounds; round++) {
    for (const probe of probes) await one(probe, round, true);
    if ((round + 1) % 50 === 0) progress(`reads: round ${round + 1}/${o.rounds}`);
  }
}

function latencyDetail(label: string, s: Summary): string {
  return `${label} p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)}, max ${ms(s.max)}`;
}

// ---------------------------------------------------------------------------------------
// Import

type ImportJob = {
  id: string;
  status: 'antri' | 'berjalan' | 'selesai' | 'gagal';
  totalRows: number | null;
  processedRows: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  rejectedCount: number;
  errorMessage: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

type ImportRun = { job: ImportJob; endToEndMs: number; uploadMs: number; polls: number };

/** Uploads the workbook (multipart, field "file") and polls the job until it has finished. */
async function importWorkbook(
  base: string,
  session: Session,
  villageCode: string,
  file: Buffer,
  o: { pollMs: number; timeoutMs: number },
): Promise<ImportRun> {
  const boundary = `----desmigratif-bench-${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="penduduk-${villageCode}.xlsx"\r\nContent-Type: ${XLSX_TYPE}\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const t0 = performance.now();
  const response = await fetch(`${base}/api/v1/villages/${villageCode}/people/imports`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  const uploadMs = performance.now() - t0;
  if (response.status !== 202) throw new Error(`import upload answered ${response.status}: ${text.slice(0, 300)}`);
  let job = JSON.parse(text) as ImportJob;
  let polls = 0;
  while (job.status !== 'selesai' && job.status !== 'gagal') {
    if (performance.now() - t0 > o.timeoutMs) throw new Error(`import ${job.id} still '${job.status}' after ${seconds(o.timeoutMs)} (${job.processedRows} rows processed)`);
    await sleep(o.pollMs);
    const polled = await getJson<ImportJob>(base, `/api/v1/people/imports/${job.id}`, session);
    polls += 1;
    if (polled.status !== 200) throw new Error(`GET import ${job.id} answered ${polled.status}`);
    job = polled.body;
  }
  return { job, endToEndMs: performance.now() - t0, uploadMs, polls };
}

const between = (from: string | null, to: string | null) => (from && to ? Date.parse(to) - Date.parse(from) : Number.NaN);

function importDetail(run: ImportRun, fileBytes: number, pollMs: number): string {
  const j = run.job;
  return (
    `job ${j.status}; ${count(j.totalRows ?? 0)} rows: ${count(j.createdCount)} created, ${count(j.updatedCount)} updated, ` +
    `${count(j.unchangedCount)} unchanged, ${count(j.rejectedCount)} rejected; workbook ${mib(fileBytes / 1024)}; ` +
    `upload answered 202 after ${ms(run.uploadMs)} (receiving, checking and storing the file); ` +
    `queued → started ${ms(between(j.createdAt, j.startedAt))}, started → finished ${seconds(between(j.startedAt, j.finishedAt))} (the job's own timestamps); ` +
    `end to end ${seconds(run.endToEndMs)} from the start of the upload to the poll that saw '${j.status}' (${run.polls} polls every ${pollMs} ms)`
  );
}

/**
 * After 'selesai' the import job searches the new rows for duplicates (afterImport in
 * apps/server/src/app.ts), still holding the job runner; done when the village has
 * nothing left in duplicate_scan_queue. Returns milliseconds, or NaN on timeout.
 */
async function waitForDuplicateScan(db: pg.ClientBase, villageCode: string, timeoutMs: number, pollMs: number): Promise<{ ms: number; left: number }> {
  const t = performance.now();
  for (;;) {
    const left = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM duplicate_scan_queue WHERE village_code = $1`, [villageCode])).rows[0]!.n;
    if (left === 0) return { ms: performance.now() - t, left };
    if (performance.now() - t > timeoutMs) return { ms: Number.NaN, left };
    await sleep(pollMs);
  }
}

/** The commit measured, and whether the working tree had changes (the server runs from it). */
function codeVersion(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8', timeout: 5_000 }).trim();
    const changed = execFileSync('git', ['status', '--porcelain', '--', 'apps', 'packages'], { cwd: repoRoot, encoding: 'utf8', timeout: 5_000 })
      .split('\n')
      .filter(Boolean).length;
    return changed ? `commit ${commit} with ${changed} uncommitted changed files under apps/ and packages/` : `commit ${commit}, no uncommitted changes under apps/ and packages/`;
  } catch {
    return 'commit unknown (git not available)';
  }
}

// ---------------------------------------------------------------------------------------

export async function runRegistry(
  options: RegistryOptions = defaultRegistryOptions,
  progress: (message: string) => void = () => undefined,
): Promise<SuiteReport & { error: Error | null }> {
  const startedAt = new Date();
  const t0 = performance.now();
  const version = codeVersion();
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
  let plan: RegencyPlan | null = null;

  try {
    progress(`starting the server (PORT ${port}, EMBEDDED_PG_PORT ${pgPort}, DATA_DIR ${dataDir})…`);
    server = BenchServer.start({ dataDir, port, pgPort, env: { TRUST_PROXY: '1' } });
    const startMs = await server.waitHealthy(options.startTimeoutMs);
    progress(`/healthz 200 after ${seconds(startMs)} (node pid ${server.pid})`);
    const base = server.baseUrl;
    db = await connectEmbedded(pgPort);

    // 1. The registry: the village to 20,000, the regency to 200,000, written with COPY.
    plan = await planRegency(db, options);
    const generator = new RegistryGenerator(options.seed);
    progress(
      `loading: ${options.village} +${count(plan.villageAdded)} residents, ${plan.others.length} other villages of ${options.regency} (${count(plan.others.reduce((s, v) => s + v.people, 0))} residents)…`,
    );
    // Kenanga keeps the demo's dusun names and gets a few more.
    const loaded = await loadRegency(db, generator, plan, { villageDusun: ['Kenanga Lor', 'Kenanga Kidul', 'Blok Mangga', 'Blok Pahing', 'Blok Wage'] }, progress);
    const vacuumMs = await vacuumRegistry(db);
    const sizes = (
      await db.query<{ village: number; regency: number; families: number; migrants: number; events: number; size: string }>(
        `SELECT count(*) FILTER (WHERE village_code = $1)::int AS village, count(*)::int AS regency,
                (SELECT count(*)::int FROM families WHERE village_code LIKE $2 || '%' AND deleted_at IS NULL) AS families,
                count(*) FILTER (WHERE migrant_status IN ('calon_pmi', 'pmi', 'purna_pmi'))::int AS migrants,
                (SELECT count(*)::int FROM migrant_status_events WHERE village_code LIKE $2 || '%') AS events,
                pg_size_pretty(pg_total_relation_size('people')) AS size
           FROM people WHERE village_code LIKE $2 || '%' AND deleted_at IS NULL`,
        [options.village, options.regency],
      )
    ).rows[0]!;
    progress(`loaded in ${seconds(loaded.generateMs + loaded.copyMs)}; VACUUM ANALYZE ${seconds(vacuumMs)}`);
    add(
      `Registry loaded: ${count(sizes.village)} residents in ${options.village}, ${count(sizes.regency)} in regency ${options.regency}`,
      seconds(loaded.generateMs + loaded.copyMs),
      '—',
      sizes.village === options.villagePeople && sizes.regency === options.regencyPeople ? 'info' : 'fail',
      `${count(loaded.counts.people)} residents generated in ${seconds(loaded.generateMs)} and written with COPY in ${seconds(loaded.copyMs)} ` +
        `(${count(Math.round(loaded.counts.people / (loaded.copyMs / 1000)))} rows/s for people, families, KK numbers, status events and links together); ` +
        `${count(sizes.families)} families, ${count(sizes.migrants)} current/prospective/returned migrants, ${count(sizes.events)} status events, ${count(loaded.counts.links)} migrant–family links; ` +
        `people table ${sizes.size}; VACUUM ANALYZE ${seconds(vacuumMs)}`,
    );

    // 2. Accounts. The suggestions allow 120 requests a minute per account; the benchmark
    //    sends more, so it adds officers of the same role and village (the same password
    //    hash as petugas.kenanga) and rotates over them.
    await db.query(
      `INSERT INTO users (id, username, full_name, role, scope_code, password_hash)
       SELECT gen_random_uuid(), 'bench.petugas.' || i, 'Petugas benchmark ' || i, u.role, u.scope_code, u.password_hash
         FROM users u CROSS JOIN generate_series(1, $1::int) AS i WHERE u.username = 'petugas.kenanga'`,
      [options.suggestionAccounts],
    );
    let signIns = 0;
    const officer = await signIn(base, 'petugas.kenanga', signIns++);
    const coordinator = await signIn(base, 'disnaker.indramayu', signIns++);
    const officers: Session[] = [officer];
    for (let i = 1; i <= options.suggestionAccounts; i++) officers.push(await signIn(base, `bench.petugas.${i}`, signIns++));

    // 3. The regency's duplicate review list, first opened after the load: it works off
    //    every person queued since (apps/server/src/modules/people/duplicates/candidate-refresh.ts).
    const queued = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM duplicate_scan_queue`)).rows[0]!.n;
    progress(`first duplicate review list of ${options.regency} (${count(queued)} people queued by the load)…`);
    const reviewPath = `/api/v1/people/duplicates?within=${options.regency}&page=1&pageSize=20`;
    let t = performance.now();
    const firstReview = await getJson<{ total?: number }>(base, reviewPath, coordinator, options.reviewTimeoutMs);
    const firstReviewMs = performance.now() - t;
    if (firstReview.status !== 200) throw new Error(`GET ${reviewPath} answered ${firstReview.status}`);
    add(
      `Duplicate review list of regency ${options.regency}, first opened after the load (disnaker.indramayu)`,
      seconds(firstReviewMs),
      '—',
      'info',
      `works off ${count(queued)} queued people in batches of 5,000 and finds ${count(firstReview.body.total ?? 0)} likely duplicate pairs; later openings are measured below`,
    );
    await db.query('VACUUM (ANALYZE) duplicate_scan_queue');
    await db.query('VACUUM (ANALYZE) duplicate_candidates');

    // 4. Reads, through the API, one request at a time.
    const village = loaded.village;
    const hasRealNik = (p: GeneratedPerson) => !p.nik.startsWith('0');
    const withName = (pattern: RegExp) => village.people.find((p) => hasRealNik(p) && pattern.test(p.name_key) && p.words.length >= 2) ?? village.people[0]!;
    const nikPerson = village.people.slice(Math.floor(village.people.length / 3)).find(hasRealNik) ?? village.people[0]!;
    const typedSiti = withName(/^siti /);
    const typedSitiName = generator.retype(typedSiti);
    const elsewhere: GeneratedPerson = loaded.elsewhere.find((p) => p.sex === 2) ?? loaded.elsewhere[0]!;
    const elsewhereTyped = generator.retype(elsewhere);
    const K = `/api/v1/villages/${options.village}`;
    const peopleRoute = '/api/v1/villages/:villageCode/people';
    const suggestRoute = '/api/v1/villages/:villageCode/people/duplicate-suggestions';
    const read = registryTargets.readP95Ms;
    const probe = (key: string, label: string, p: string, route: string, sessions: Session[] | null, targetMs: number | null): Probe => ({
      key, label, path: p, route, sessions, targetMs, answer: '', client: [], server: [], unattributed: 0, failures: {},
    });
    const q = (params: Record<string, string | number>) => new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();
    const probes: Probe[] = [
      probe('list', `Village list, first page (50 of ${count(options.villagePeople)})`, `${K}/people?${q({ page: 1, pageSize: 50 })}`, peopleRoute, [officer], read),
      probe('deep', 'Village list, page 200 (rows 9,951–10,000)', `${K}/people?${q({ page: 200, pageSize: 50 })}`, peopleRoute, [officer], read),
      probe('pmi', 'Filter migrantStatus=pmi', `${K}/people?${q({ migrantStatus: 'pmi', page: 1, pageSize: 50 })}`, peopleRoute, [officer], read),
      probe('dusun', 'Filter dusun=Kenanga Kidul', `${K}/people?${q({ dusun: 'Kenanga Kidul', page: 1, pageSize: 50 })}`, peopleRoute, [officer], read),
      probe('age', 'Filter ageBand=25-39', `${K}/people?${q({ ageBand: '25-39', page: 1, pageSize: 50 })}`, peopleRoute, [officer], read),
      probe('siti', 'Name search q=siti', `${K}/people?${q({ q: 'siti', page: 1, pageSize: 50 })}`, peopleRoute, [officer], read),
      probe('rizki', 'Name search q=muhamad rizki', `${K}/people?${q({ q: 'muhamad rizki', page: 1, pageSize: 50 })}`, peopleRoute, [officer], read),
      probe('nuraini', 'Name search q=nuraini', `${K}/people?${q({ q: 'nuraini', page: 1, pageSize: 50 })}`, peopleRoute, [officer], read),
      probe('nik', 'NIK search, 16 digits', `${K}/people?${q({ q: nikPerson.nik, page: 1, pageSize: 50 })}`, peopleRoute, [officer], read),
      probe('families', 'Families list, first page (50)', `${K}/families?${q({ page: 1, pageSize: 50 })}`, '/api/v1/villages/:villageCode/families', [officer], read),
      probe('coordinator', 'Village list, first page, as disnaker.indramayu (masked NIKs)', `${K}/people?${q({ page: 1, pageSize: 50 })}`, peopleRoute, [coordinator], read),
      probe(
        'suggest',
        `Duplicate suggestions, name="${typedSitiName}" + birthDate`,
        `${K}/people/duplicate-suggestions?${q({ name: typedSitiName, birthDate: typedSiti.birth_date })}`,
        suggestRoute,
        officers,
        registryTargets.suggestionsP95Ms,
      ),
      probe('suggest-name', 'Duplicate suggestions, name="muhamad rizki" only', `${K}/people/duplicate-suggestions?${q({ name: 'muhamad rizki' })}`, suggestRoute, officers, registryTargets.suggestionsP95Ms),
      probe(
        'suggest-nik',
        'Duplicate suggestions, name + birthDate + NIK recorded in another village',
        `${K}/people/duplicate-suggestions?${q({ name: elsewhereTyped, birthDate: elsewhere.birth_date, nik: elsewhere.nik })}`,
        suggestRoute,
        officers,
        registryTargets.suggestionsP95Ms,
      ),
      probe('review', `Duplicate review list of regency ${options.regency} (disnaker.indramayu, queue empty)`, reviewPath, '/api/v1/people/duplicates', [coordinator], null),
      probe('healthz', 'GET /healthz (baseline)', '/healthz', '/healthz', null, null),
    ];
    progress(`reads: ${probes.length} requests × ${options.requests} rounds after ${options.warmup} unmeasured each, one at a time…`);
    const loadBeforeReads = os.loadavg()[0] ?? Number.NaN;
    t = performance.now();
    await measureProbes(base, probes, { rounds: options.requests, warmup: options.warmup }, progress);
    notes.push(
      `Reads took ${seconds(performance.now() - t)}; 1-minute load average ${loadBeforeReads.toFixed(2)} before them and ${(os.loadavg()[0] ?? Number.NaN).toFixed(2)} after ` +
        `(${os.availableParallelism()} CPUs; anything above that means other work competed with the server, PostgreSQL and the client).`,
    );

    const healthz = probes.find((p) => p.key === 'healthz')!;
    const healthzClient = summarize(healthz.client);
    const healthzServer = summarize(healthz.server);
    const stats = new Map<string, { client: Summary; server: Summary }>();
    for (const p of probes) {
      const client = summarize(p.client);
      const serverSide = summarize(p.server);
      stats.set(p.key, { client, server: serverSide });
      const failures = Object.entries(p.failures);
      const failed = failures.length > 0 || p.client.length < options.requests;
      const verdict: Verdict = failed ? 'fail' : p.targetMs === null ? 'info' : below(serverSide.p95, p.targetMs);
      add(
        `${p.label} — p95`,
        `${ms(serverSide.p95)} server · ${ms(client.p95)} client`,
        p.targetMs === null ? (p.key === 'healthz' ? 'no errors' : '—') : `< ${p.targetMs} ms server`,
        verdict,
        `${p.answer}; ${p.client.length}/${options.requests} ok; ${latencyDetail('server', serverSide)}; ${latencyDetail('client', client)}` +
          (p.key === 'healthz' ? '' : `; client p95 = ${(client.p95 / healthzClient.p95).toFixed(1)}× /healthz p95`) +
          (p.unattributed ? `; ${p.unattributed} requests without a server time` : '') +
          `; failures: ${failures.length ? failures.map(([k, v]) => `${v}× ${k}`).join(', ') : 'none'}`,
      );
    }
    const list = stats.get('list')!;
    const families = stats.get('families')!;
    add('Village list first page p95 / GET /healthz p95 (client)', `${(list.client.p95 / healthzClient.p95).toFixed(1)}×`, '—', 'info',
      `server: ${(list.server.p95 / healthzServer.p95).toFixed(1)}×`);
    add(
      'OpenSID v2410, 20,000-resident list (published figure, not measured here)',
      `≈ ${registryTargets.opensidListMs} ms`,
      '—',
      'info',
      'reference from the project brief: OpenSID v2410 on a 2-core machine with a local database, about 300 SQL statements per page',
    );
    add(
      'Village list first page vs OpenSID: 200 ms ÷ our client p95',
      `${(registryTargets.opensidListMs / list.client.p95).toFixed(1)}× faster (${ms(list.client.p95)})`,
      `≥ 10× (p95 ≤ ${registryTargets.missionListMs} ms)`,
      list.client.p95 <= registryTargets.missionListMs ? 'pass' : 'fail',
      `server-side p95 ${ms(list.server.p95)} = ${(registryTargets.opensidListMs / list.server.p95).toFixed(1)}× faster than 200 ms`,
    );
    add(
      'Families list vs OpenSID users (70 s for a 7,433-resident family list)',
      `${ms(families.client.p95)} p95 client`,
      'instant',
      'info',
      `${count(Math.round(registryTargets.opensidFamiliesMs / families.client.p95))}× less time; the 70 s figure is from OpenSID issues on users' hosting (project brief), not comparable machine for machine`,
    );

    // 5. Import of a 20,000-row OpenSID workbook into an empty village, then again.
    const importVillageCode = plan.emptyVillage;
    t = performance.now();
    const importVillage: GeneratedVillage = generator.village(importVillageCode, options.importRows);
    const workbook = await openSidWorkbook(importVillage);
    progress(`import: workbook of ${count(options.importRows)} rows for ${importVillageCode} (${mib(workbook.length / 1024)}) built in ${seconds(performance.now() - t)}; uploading as disnaker.indramayu…`);
    const rssBefore = server.rssKb();
    const first = await importWorkbook(base, coordinator, importVillageCode, workbook, { pollMs: options.pollMs, timeoutMs: options.importTimeoutMs });
    const firstRate = options.importRows / (first.endToEndMs / 1000);
    progress(`import: ${first.job.status} in ${seconds(first.endToEndMs)} (${count(Math.round(firstRate))} rows/s); waiting for its duplicate search…`);
    const scan = await waitForDuplicateScan(db, importVillageCode, options.importTimeoutMs, options.pollMs);
    progress(`import: duplicate search of the new rows done ${seconds(scan.ms)} after 'selesai'; importing the same file again…`);
    const again = await importWorkbook(base, coordinator, importVillageCode, workbook, { pollMs: options.pollMs, timeoutMs: options.importTimeoutMs });
    const againRate = options.importRows / (again.endToEndMs / 1000);
    progress(`re-import: ${again.job.status} in ${seconds(again.endToEndMs)} (${count(Math.round(againRate))} rows/s)`);
    const imported = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM people WHERE village_code = $1 AND deleted_at IS NULL`, [importVillageCode])).rows[0]!.n;
    const importOk = first.job.status === 'selesai' && first.job.createdCount === options.importRows && imported === options.importRows;
    add(
      `Import of a ${count(options.importRows)}-row OpenSID workbook into an empty village (${importVillageCode}), end to end`,
      `${count(Math.round(firstRate))} rows/s (${seconds(first.endToEndMs)})`,
      `≥ ${count(registryTargets.importRowsPerSecond)} rows/s`,
      importOk ? (firstRate >= registryTargets.importRowsPerSecond ? 'pass' : 'fail') : 'fail',
      `${importDetail(first, workbook.length, options.pollMs)}; ${count(imported)} residents in the village afterwards`,
    );
    add(
      'Import: duplicate search of the new rows, after the job reported selesai',
      Number.isFinite(scan.ms) ? seconds(scan.ms) : `not done after ${seconds(options.importTimeoutMs)}`,
      '—',
      Number.isFinite(scan.ms) ? 'info' : 'fail',
      `the job runner searches the imported residents for likely duplicates once the import is committed (afterImport → refreshCandidates); ` +
        `timed from the poll that saw 'selesai' until the village had nothing left in duplicate_scan_queue (polled every ${options.pollMs} ms); ` +
        `import plus duplicate search: ${seconds(first.endToEndMs + scan.ms)} = ${count(Math.round(options.importRows / ((first.endToEndMs + scan.ms) / 1000)))} rows/s. ` +
        `The re-import below starts after it.`,
    );
    const againOk = again.job.status === 'selesai' && again.job.unchangedCount === options.importRows;
    add(
      'Re-import of the same workbook (every row unchanged), end to end',
      `${count(Math.round(againRate))} rows/s (${seconds(again.endToEndMs)})`,
      `≥ ${count(registryTargets.importRowsPerSecond)} rows/s`,
      againOk ? (againRate >= registryTargets.importRowsPerSecond ? 'pass' : 'fail') : 'fail',
      importDetail(again, workbook.length, options.pollMs),
    );
    for (const run of [first, again]) {
      if (run.job.rejectedCount > 0) {
        const rejects = await getJson<{ items?: unknown[] }>(base, `/api/v1/people/imports/${run.job.id}/rejects?page=1&pageSize=3`, coordinator);
        notes.push(`Import ${run.job.id} rejected ${run.job.rejectedCount} rows, e.g. ${JSON.stringify(rejects.body.items ?? []).slice(0, 400)}`);
      }
    }
    notes.push(`1-minute load average after the imports: ${(os.loadavg()[0] ?? Number.NaN).toFixed(2)}.`);
    add('RSS of the Node server process after the imports', mib(server.rssKb()), '—', 'info', `before ${mib(rssBefore)}; peak (VmHWM) ${mib(server.peakRssKb())}`);

    // 6. Baseline in the same run: raw COPY of the same 20,000 people rows into a copy of
    //    `people`, with all its indexes and without any.
    const chunks = [...copyChunks(importVillage.people.map(personCopyLine))];
    const copyTimes: Record<'indexed' | 'bare', number[]> = { indexed: [], bare: [] };
    await db.query('DROP TABLE IF EXISTS bench_copy_indexed, bench_copy_bare');
    await db.query('CREATE TABLE bench_copy_indexed (LIKE people INCLUDING ALL)');
    await db.query('CREATE TABLE bench_copy_bare (LIKE people INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING CONSTRAINTS)');
    try {
      for (let run = 0; run < options.copyRuns; run++) {
        for (const kind of ['indexed', 'bare'] as const) {
          await db.query(`TRUNCATE bench_copy_${kind}`);
          t = performance.now();
          const rows = await copyFrom(db, `bench_copy_${kind}`, personCopyTargets, chunks);
          copyTimes[kind].push(performance.now() - t);
          if (rows !== options.importRows) throw new Error(`COPY into bench_copy_${kind} wrote ${rows} rows`);
        }
      }
    } finally {
      await db.query('DROP TABLE IF EXISTS bench_copy_indexed, bench_copy_bare');
    }
    const copyIndexed = median(copyTimes.indexed);
    const copyBare = median(copyTimes.bare);
    const indexCount = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'people'`)).rows[0]!.n;
    add(
      `Raw COPY of the same ${count(options.importRows)} people rows into CREATE TABLE … (LIKE people INCLUDING ALL), median of ${options.copyRuns}`,
      `${count(Math.round(options.importRows / (copyIndexed / 1000)))} rows/s (${seconds(copyIndexed)})`,
      '—',
      'info',
      `runs ${copyTimes.indexed.map(seconds).join(', ')}; the ${indexCount} indexes of people (btree, trigram GIN and GiST), its generated name folds and CHECKs; no foreign keys or triggers; people rows only (the import also writes families, KK numbers, status events)`,
    );
    add(
      `Raw COPY of the same rows into a copy of people without indexes, median of ${options.copyRuns}`,
      `${count(Math.round(options.importRows / (copyBare / 1000)))} rows/s (${seconds(copyBare)})`,
      '—',
      'info',
      `runs ${copyTimes.bare.map(seconds).join(', ')}; generated columns and CHECKs kept`,
    );
    add(
      'Import end to end ÷ raw COPY with indexes (same rows)',
      `${(first.endToEndMs / copyIndexed).toFixed(1)}×`,
      '—',
      'info',
      `÷ COPY without indexes: ${(first.endToEndMs / copyBare).toFixed(1)}×; the import's own processing (started → finished) ÷ COPY with indexes: ${(between(first.job.startedAt, first.job.finishedAt) / copyIndexed).toFixed(1)}×; re-import ÷ COPY with indexes: ${(again.endToEndMs / copyIndexed).toFixed(1)}×`,
    );

    settings.push(
      `Code: ${version} when the run started.`,
      'Server: `node --import tsx apps/server/src/main.ts` spawned directly (SKIP_WEB_BUILD=1), embedded PostgreSQL in a fresh temporary DATA_DIR, free ports, HOST=127.0.0.1, LOG_LEVEL=info, DEMO_DATA=1, TRUST_PROXY=1.',
      `Data: generated by bench/src/lib/generate-registry.ts (seed ${options.seed}) and written with COPY through the server's own database while it runs: ${options.village} (Kenanga) from ${plan.villageExisting} demo residents to ${count(options.villagePeople)}; ` +
        `${plan.others.length} other villages of the ${plan.villagesInRegency} in regency ${options.regency} (Indramayu) with about ${count(options.perVillage)} each, to ${count(options.regencyPeople)} in the regency; then VACUUM (ANALYZE) of the registry tables, as autovacuum would have done.`,
      `Reads: ${probes.length} different requests, ${options.requests} rounds, one request at a time in a fixed order (so every read sees the same database state), after ${options.warmup} unmeasured requests each; as petugas.kenanga (village officer), disnaker.indramayu (regency coordinator) and, for the duplicate suggestions (limited to 120 requests a minute per account), rotating over petugas.kenanga and ${options.suggestionAccounts} added officers of the same role and village.`,
      'Server time: read from the server\'s own histogram `http_request_duration_seconds` (GET /metrics, loopback only) before and after every request: the difference of its `_sum` is that request\'s time in the server (Fastify reply.elapsedTime, arrival to response handed to the socket). Client time: fetch() to the last byte of the body, on the same machine; an upper bound of what a browser next to the server would see.',
      `Import: a workbook built by the generator (sheet "Data Penduduk", the 43 OpenSID columns + pekerja_migran, NIK and No. KK as text, codes as numbers), uploaded as multipart to POST /api/v1/villages/:villageCode/people/imports as disnaker.indramayu, the job polled every ${options.pollMs} ms; then the same file again.`,
      `COPY baseline: the same residents as COPY text, pre-encoded, sent with COPY … FROM STDIN over one connection (bench/src/lib/pg-copy.ts) into two scratch tables, TRUNCATEd between runs and dropped afterwards.`,
      'Percentiles: nearest rank over successful requests.',
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
      progress(`server stopped in ${seconds(result.durationMs)} (exit ${result.exitCode ?? result.signal}, clean: ${result.clean})`);
    }
    removeTempDir(root);
  }

  for (const stop of stops) {
    add(
      'Clean stop on SIGTERM (exit 0, "berhenti dengan bersih", no orphan PostgreSQL)',
      stop.clean ? 'yes' : 'no',
      'yes',
      stop.clean ? 'pass' : 'fail',
      `stopped in ${seconds(stop.durationMs)}; exit code ${stop.exitCode}, signal ${stop.signal}, SIGKILLed: ${stop.killed}, orphan PostgreSQL: ${stop.orphanPostgres}`,
    );
  }

  return {
    suite: 'registry',
    title: 'Registry: 20,000 residents in a village, 200,000 in a regency; OpenSID import',
    startedAt,
    durationMs: performance.now() - t0,
    results,
    settings,
    notes,
    error,
  };
}
