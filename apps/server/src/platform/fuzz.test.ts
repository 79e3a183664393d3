import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidBody, invalidSegment, multipartUpload, rawInvalidBodies, useKnownIds, validish, wellFormed } from '../test/fuzz/arbitraries.js';
import { collectionOf, errorShapeProblem, fuzzActor, leaksIn, loadRecordIds, type RecordIds, type RouteSpec, routeSpecs, tableFingerprint } from '../test/fuzz/routes.js';
import { KENANGA } from '../test/probes.js';
import { type Session, useTestApp } from '../test/support.js';

/**
 * Every registered route, fed by fast-check with odd-but-valid and invalid input derived from
 * its own schema, as an account allowed to call it: no response may be a 5xx, reveal a stack
 * trace, SQL or an internal error class, or break the error shape; a refused write must leave
 * every table as it was. FUZZ_RUNS sets the runs per route and mode (npm run fuzz uses
 * thousands); FUZZ_SEED replays a failure.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
/** A mode takes about a second per run over all routes on the 2-core CI machine; allow five. */
const MODE_TIMEOUT = Math.max(300_000, RUNS * 5_000);

const dataDir = await mkdtemp(path.join(tmpdir(), 'desmigratif-fuzz-'));
// Sign-in limits and lock-outs would otherwise turn the fuzzing of /auth/login against the fuzzer's own accounts.
const t = useTestApp({ dataDir, loginRateLimitPerMinute: 1_000_000, loginMaxFailures: 1_000_000 });

type FuzzRequest = { url: string; payload?: string | Buffer; contentType?: string };

let specs: RouteSpec[];
let ids: RecordIds;
beforeAll(async () => {
  // Queued imports would write in the background and blur the "nothing half-written" check.
  await t.app.jobs.stop();
  const admin = await t.login('admin');
  const made = await admin.request({
    method: 'POST',
    url: '/api/v1/users',
    payload: { username: 'fuzz.sasaran', fullName: 'Akun Sasaran Fuzz', role: 'petugas_desa', scopeCode: KENANGA, password: 'Sasaran#Fuzz2026' },
  });
  expect(made.statusCode, made.body).toBe(201);
  await t.pool.query(
    `INSERT INTO import_jobs (id, village_code, file_name, file_size, status, total_rows, processed_rows, rejected_count, created_by, finished_at)
     SELECT '01900000-0000-7000-8000-0000000000f1', $1, 'fuzz.csv', 10, 'selesai', 0, 0, 0, id, now() FROM users WHERE username = 'petugas.kenanga'`,
    [KENANGA],
  );
  specs = routeSpecs(t.app, t.routes);
  ids = await loadRecordIds(t.pool);
  useKnownIds(Object.values(ids).flat());
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const sessions = new Map<string, Session>();
let addressCounter = 0;

/** Sends as the route's actor from a fresh client address (per-address rate limits stay out of the way). */
async function send(spec: RouteSpec, request: FuzzRequest): Promise<LightMyRequestResponse> {
  const actor = fuzzActor(spec);
  const n = ++addressCounter;
  const options = {
    method: spec.method as 'GET',
    url: request.url,
    payload: request.payload,
    headers: request.contentType ? { 'content-type': request.contentType } : {},
    remoteAddress: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
  };
  if (!actor) return t.app.inject(options);
  let session = sessions.get(actor);
  if (!session) {
    session = await t.login(actor);
    sessions.set(actor, session);
  }
  const res = await session.request(options);
  // Logging out (or a fuzzed password change) ends the session: sign in again next time.
  if (res.statusCode === 401 || spec.key === 'POST /api/v1/auth/logout') sessions.delete(actor);
  return res;
}

// A lone surrogate cannot be percent-encoded; it travels as U+FFFD, as a browser would send it.
const encodeValue = (value: unknown) => encodeURIComponent(wellFormed(typeof value === 'string' ? value : JSON.stringify(value)));

/** Path values: mostly real Kenanga records (so handlers go deep), sometimes whatever the schema allows. */
function pathArbitrary(spec: RouteSpec): fc.Arbitrary<Record<string, string>> {
  const model: Record<string, fc.Arbitrary<string>> = {};
  for (const [name, schema] of Object.entries(spec.pathParams)) {
    const collection = collectionOf(spec.url, name);
    const real = collection ? (ids[collection] ?? []) : name === 'villageCode' || name === 'code' ? [KENANGA] : [];
    const fromSchema = validish(schema).map(encodeValue);
    model[name] = real.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...real) }, { weight: 1, arbitrary: fromSchema }) : fromSchema;
  }
  return fc.record(model);
}

function queryArbitrary(spec: RouteSpec): fc.Arbitrary<string> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const [name, { schema, required: isRequired }] of Object.entries(spec.query)) {
    model[name] = validish(schema);
    if (isRequired) required.push(name);
  }
  return fc.record(model, { requiredKeys: required }).map((values) =>
    Object.entries(values)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${encodeValue(v)}`)
      .join('&'),
  );
}

/** Query values the schema must refuse, and parameters it does not know, repeated or poisoned. */
function invalidQueryArbitrary(spec: RouteSpec): fc.Arbitrary<string> {
  const names = [...Object.keys(spec.query), 'page', '__proto__', 'constructor[prototype][x]', 'villageCode'];
  return fc
    .array(fc.tuple(fc.constantFrom(...names), invalidSegment), { minLength: 1, maxLength: 3 })
    .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&'));
}

const buildUrl = (spec: RouteSpec, params: Record<string, string>, query: string) =>
  spec.url.replace(/:(\w+)/g, (_, name: string) => params[name] ?? 'x') + (query ? `?${query}` : '');

/** Odd-but-valid: what a form, a spreadsheet or a sync client may really send. */
function validishRequest(spec: RouteSpec): fc.Arbitrary<FuzzRequest> {
  const body: fc.Arbitrary<Omit<FuzzRequest, 'url'>> = spec.body
    ? validish(spec.body).map((value) => ({ payload: JSON.stringify(value ?? {}), contentType: 'application/json' }))
    : spec.isWrite
      ? fc.oneof(fc.constant({}), multipartUpload.map((upload) => ({ payload: upload.body, contentType: upload.contentType })))
      : fc.constant({});
  return fc.tuple(pathArbitrary(spec), queryArbitrary(spec), body).map(([params, query, rest]) => ({ url: buildUrl(spec, params, query), ...rest }));
}

/** Invalid: a broken path segment, a refused query, a body of the wrong shape or no JSON at all. */
function invalidRequest(spec: RouteSpec): fc.Arbitrary<FuzzRequest> {
  const validBody = validishRequest(spec);
  const options: Array<fc.Arbitrary<FuzzRequest>> = [
    fc.tuple(validBody, queryArbitrary(spec), invalidQueryArbitrary(spec)).map(([request, , badQuery]) => ({ ...request, url: `${request.url.split('?')[0]}?${badQuery}` })),
  ];
  const params = Object.keys(spec.pathParams);
  if (params.length) {
    options.push(
      fc.tuple(pathArbitrary(spec), fc.constantFrom(...params), invalidSegment, queryArbitrary(spec)).map(([values, name, bad, query]) => ({
        url: buildUrl(spec, { ...values, [name]: bad }, query),
      })),
    );
  }
  if (spec.isWrite) {
    options.push(
      fc.tuple(pathArbitrary(spec), invalidBody(spec.body)).map(([values, value]) => ({
        url: buildUrl(spec, values, ''),
        payload: JSON.stringify(value) ?? 'null',
        contentType: 'application/json',
      })),
      fc.tuple(pathArbitrary(spec), rawInvalidBodies).map(([values, raw]) => ({ url: buildUrl(spec, values, ''), payload: raw.body, contentType: raw.contentType })),
    );
  }
  return fc.oneof(...options);
}

/** Status codes seen per route and mode; printed with FUZZ_STATS=1 to see how deep the fuzz reaches. */
const seen = new Map<string, Map<number, number>>();
afterAll(() => {
  if (!process.env.FUZZ_STATS) return;
  for (const [key, statuses] of seen) console.log(key, JSON.stringify(Object.fromEntries(statuses)));
});

/** Sends one request and returns what is wrong with the answer (nothing, ideally). */
async function problemsOf(mode: string, spec: RouteSpec, request: FuzzRequest): Promise<{ problems: string[]; res: LightMyRequestResponse }> {
  const before = spec.isWrite ? await tableFingerprint(t.pool) : undefined;
  const res = await send(spec, request);
  const statuses = seen.get(`${mode} ${spec.key}`) ?? new Map<number, number>();
  statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
  seen.set(`${mode} ${spec.key}`, statuses);
  const problems: string[] = [];
  if (res.statusCode >= 500) problems.push(`status ${res.statusCode}`);
  problems.push(...leaksIn(res.body).map((what) => `${what} in response`));
  const shape = errorShapeProblem(res.statusCode, res.headers['content-type'] as string | undefined, res.body);
  if (shape) problems.push(shape);
  if (before && res.statusCode >= 400) {
    const after = await tableFingerprint(t.pool);
    const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
    if (changed.length) problems.push(`refused write changed ${changed.join(', ')}`);
  }
  return { problems, res };
}

/** Fuzzes every route in one mode; gathers every failing route before failing, so one run shows them all. */
async function fuzzEveryRoute(mode: string, makeRequest: (spec: RouteSpec) => fc.Arbitrary<FuzzRequest>): Promise<string[]> {
  const failures: string[] = [];
  for (const spec of specs) {
    let problem = '';
    try {
      await fc.assert(
        fc.asyncProperty(makeRequest(spec), async (request) => {
          const { problems, res } = await problemsOf(mode, spec, request);
          if (!problems.length) return;
          problem = `${problems.join('; ')} — ${res.statusCode} ${res.body.slice(0, 300)}`;
          throw new Error(problem);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    } catch (error) {
      const lines = (error as Error).message.split('\n').filter(Boolean);
      const counterexample = lines.find((l) => l.startsWith('Counterexample')) ?? '';
      failures.push(`${spec.key}: ${problem || lines[0]} | ${counterexample.slice(0, 600)}`);
    }
  }
  return failures;
}

describe('fuzzing every route', () => {
  it('covers every registered route, each with the schemas of its inputs', () => {
    expect(specs.map((s) => s.key)).toEqual(t.routes.map((r) => `${r.method} ${r.url}`));
    expect(specs.filter((s) => !s.documented).map((s) => s.key)).toEqual([]);
  });

  it('answers odd-but-valid input without a crash, a leak or a half-written record', { timeout: MODE_TIMEOUT }, async () => {
    expect(await fuzzEveryRoute('valid', validishRequest)).toEqual([]);
  });

  it('refuses invalid input with a 4xx in the one error shape, writing nothing', { timeout: MODE_TIMEOUT }, async () => {
    expect(await fuzzEveryRoute('invalid', invalidRequest)).toEqual([]);
  });
});

/** What the fuzzer found once, pinned so that it cannot come back unnoticed between fuzz runs. */
describe('findings of the fuzzer, as fixed examples', () => {
  const cases: Array<{ as: string; method: 'GET' | 'PATCH'; url: string; payload?: object; status: number; code: string }> = [
    // A NUL character in text: PostgreSQL refuses it (22021), which was a 500.
    { as: 'admin', method: 'GET', url: '/api/v1/agencies?q=a%00b', status: 400, code: 'VALIDATION_FAILED' },
    // Year 0000 passes the date pattern but not PostgreSQL (22008), which was a 500.
    { as: 'admin', method: 'GET', url: '/api/v1/audit?from=0000-01-01', status: 400, code: 'VALIDATION_FAILED' },
    // Broken percent-encoding and an over-long path parameter got Fastify's own error body, echoing the URL.
    { as: 'petugas.kenanga', method: 'GET', url: '/api/v1/people/%E0%A4%A', status: 400, code: 'BAD_REQUEST' },
    { as: 'petugas.kenanga', method: 'GET', url: `/api/v1/people/${'x'.repeat(600)}`, status: 414, code: 'URI_TOO_LONG' },
  ];
  for (const c of cases) {
    it(`${c.method} ${c.url.slice(0, 50)} → ${c.status} ${c.code}`, async () => {
      const res = await (await t.login(c.as)).request({ method: c.method, url: c.url, payload: c.payload });
      expect(res.statusCode, res.body).toBe(c.status);
      expect(res.json()).toMatchObject({ error: { code: c.code } });
      expect(errorShapeProblem(res.statusCode, res.headers['content-type'] as string, res.body)).toBeNull();
      expect(res.body).not.toContain('%E0%A4%A');
    });
  }

  it('a user patched with a NUL in the name is refused and stays as she was', async () => {
    const admin = await t.login('admin');
    const { rows } = await t.pool.query(`SELECT id, full_name FROM users WHERE username = 'fuzz.sasaran'`);
    const res = await admin.request({ method: 'PATCH', url: `/api/v1/users/${rows[0].id}`, payload: { fullName: 'Siti\u0000Aminah' } });
    expect(res.statusCode, res.body).toBe(400);
    const after = await t.pool.query(`SELECT full_name FROM users WHERE id = $1`, [rows[0].id]);
    expect(after.rows[0].full_name).toBe(rows[0].full_name);
  });
});
