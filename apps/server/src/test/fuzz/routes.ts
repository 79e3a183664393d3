import type { Role } from '@desmigratif/contracts';
import type { Pool } from '@desmigratif/db';
import type { FastifyInstance } from 'fastify';
import type { RegisteredRoute } from '../../platform/access-control.js';
import { KENANGA } from '../probes.js';
import type { JsonSchema } from './arbitraries.js';

/** One registered route with the JSON schemas of its inputs, as the running app documents them. */
export type RouteSpec = RegisteredRoute & {
  key: string;
  pathParams: Record<string, JsonSchema>;
  query: Record<string, { schema: JsonSchema; required: boolean }>;
  /** The JSON body schema; undefined for routes that take no JSON (none, or a multipart upload). */
  body: JsonSchema | undefined;
  isWrite: boolean;
  /** False when the OpenAPI document lacks the route: its inputs are then fuzzed blind. */
  documented: boolean;
};

type OpenApiOperation = {
  parameters?: Array<{ in: string; name: string; required?: boolean; schema: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema: JsonSchema }> };
};

/**
 * Every route the app registered (t.routes) joined to its operation in the live OpenAPI
 * document, which fastify-type-provider-zod derives from the routes' Zod schemas: a route
 * added tomorrow is fuzzed and put through the matrix without anyone touching these tests.
 */
export function routeSpecs(app: FastifyInstance, routes: RegisteredRoute[]): RouteSpec[] {
  const document = app.swagger() as { paths?: Record<string, Record<string, OpenApiOperation>> };
  return routes.map((route) => {
    const openApiPath = route.url.replace(/:(\w+)/g, '{$1}');
    const found = document.paths?.[openApiPath]?.[route.method.toLowerCase()];
    const operation = found ?? {};
    const pathParams: RouteSpec['pathParams'] = {};
    const query: RouteSpec['query'] = {};
    for (const parameter of operation.parameters ?? []) {
      if (parameter.in === 'path') pathParams[parameter.name] = parameter.schema;
      if (parameter.in === 'query') query[parameter.name] = { schema: parameter.schema, required: parameter.required === true };
    }
    for (const name of route.url.matchAll(/:(\w+)/g)) pathParams[name[1]!] ??= { type: 'string' };
    return {
      ...route,
      key: `${route.method} ${route.url}`,
      pathParams,
      query,
      body: operation.requestBody?.content?.['application/json']?.schema,
      isWrite: route.method !== 'GET',
      documented: found !== undefined,
    };
  });
}

/** Demo accounts, by role, whose scope contains Kenanga (the national ones see everything). */
export const ACCOUNT_OF_ROLE: Record<Role, string> = {
  admin: 'admin',
  kementerian: 'kemnaker',
  mitra: 'mitra.kemenkes',
  koordinator_kabupaten: 'disnaker.indramayu',
  petugas_desa: 'petugas.kenanga',
  kepala_desa: 'kades.kenanga',
  pengurus_koperasi: 'koperasi.kenanga',
};

/**
 * Who sends the fuzz: the village officer where she may call the route (her own records are
 * the interesting ones), otherwise the first allowed account in order of reach; nobody on
 * public routes.
 */
export function fuzzActor(route: RegisteredRoute): string | null {
  const roles = route.access.roles;
  if (roles === 'public') return null;
  if (roles === 'authenticated') return 'petugas.kenanga';
  const preference: Role[] = ['petugas_desa', 'admin', 'kementerian', 'koordinator_kabupaten', 'kepala_desa', 'pengurus_koperasi', 'mitra'];
  const role = preference.find((r) => roles.includes(r));
  return role ? ACCOUNT_OF_ROLE[role] : null;
}

/** Ids of real Kenanga records (and national ones), by the URL segment that names their collection. */
export type RecordIds = Record<string, string[]>;

const collectionQueries: Record<string, string> = {
  people: `SELECT DISTINCT migrant_id AS id FROM migrant_family_links WHERE village_code = $1 AND deleted_at IS NULL`,
  families: `SELECT id FROM families WHERE village_code = $1`,
  'migration-plans': `SELECT id FROM migration_plans WHERE village_code = $1`,
  placements: `SELECT id FROM migration_placements WHERE village_code = $1`,
  cases: `SELECT id FROM migration_cases WHERE village_code = $1`,
  services: `SELECT id FROM migration_services WHERE village_code = $1`,
  imports: `SELECT id FROM import_jobs WHERE village_code = $1`,
  conflicts: `SELECT id FROM sync_conflicts WHERE village_code = $1`,
  'job-orders': `SELECT id FROM job_orders WHERE $1::text IS NOT NULL`,
  agencies: `SELECT id FROM placement_agencies WHERE $1::text IS NOT NULL`,
  users: `SELECT id FROM users WHERE username LIKE 'fuzz.%' AND $1::text IS NOT NULL`,
  consents: `SELECT id FROM person_consents WHERE village_code = $1`,
  links: `SELECT id FROM migrant_family_links WHERE village_code = $1 AND deleted_at IS NULL`,
};

/** Up to three ids per collection; a table that does not exist (yet) simply yields none. */
export async function loadRecordIds(pool: Pool): Promise<RecordIds> {
  const ids: RecordIds = {};
  for (const [collection, sql] of Object.entries(collectionQueries)) {
    try {
      const { rows } = await pool.query(`${sql} ORDER BY 1 LIMIT 3`, [KENANGA]);
      ids[collection] = rows.map((r: { id: string }) => String(r.id));
    } catch {
      ids[collection] = [];
    }
  }
  return ids;
}

/** The collection whose id a path parameter holds: `/people/:id` → people, `:consentId` → consents. */
export function collectionOf(url: string, param: string): string | undefined {
  if (param !== 'id') return param.endsWith('Id') ? `${param.slice(0, -2)}s` : undefined;
  const segments = url.split('/');
  const at = segments.indexOf(':id');
  return at > 0 ? segments[at - 1] : undefined;
}

/**
 * Committed-state fingerprint of every application table: row count and the newest
 * transaction id that touched a row. A refused write must leave it unchanged. Sessions,
 * the audit log (failed sign-ins are audited) and accounts (failed sign-ins are counted)
 * change on purpose; regions are read-only and large.
 */
export async function tableFingerprint(pool: Pool): Promise<Record<string, string>> {
  const tables = await applicationTables(pool);
  const select = tables.map((t) => `(SELECT count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM ${t}) AS "${t}"`).join(', ');
  const { rows } = await pool.query(`SELECT ${select}`);
  return rows[0];
}

const volatileTables = new Set(['sessions', 'audit_log', 'users', 'regions', 'schema_migrations', 'duplicate_scan_queue', 'duplicate_candidates', 'background_jobs', 'jobs']);
let tableList: Promise<string[]> | undefined;
function applicationTables(pool: Pool): Promise<string[]> {
  tableList ??= pool
    .query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`)
    .then(({ rows }) => rows.map((r: { table_name: string }) => r.table_name).filter((name) => !volatileTables.has(name)));
  return tableList;
}

const leakPatterns: Array<[string, RegExp]> = [
  ['stack trace', /\bat [^\s()]+ \(?(?:file:\/\/|\/)[^)]*:\d+:\d+/],
  ['stack trace', /node_modules|\/apps\/server\/src\//],
  ['SQL', /\bSELECT\s.+\sFROM\b|\bINSERT INTO\b|\bUPDATE \w+ SET\b|syntax error at|violates [\w\s-]*constraint|duplicate key value|relation "\w+"|column "\w+"/i],
  ['internal error class', /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|DatabaseError|ZodError|FastifyError|AppError)\b/],
];

/** What a response must never reveal: stack traces, SQL, internal error classes. */
export function leaksIn(body: string): string[] {
  return leakPatterns.filter(([, pattern]) => pattern.test(body)).map(([what]) => what);
}

/** An error body must be exactly `{ error: { code, message, details? } }`. */
export function errorShapeProblem(status: number, contentType: string | undefined, body: string): string | null {
  if (status < 400) return null;
  if (!contentType?.includes('application/json')) return `non-JSON error (${contentType})`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'error body is not JSON';
  }
  const error = (parsed as { error?: Record<string, unknown> }).error;
  if (!error || Object.keys(parsed as object).length !== 1) return 'error body is not { error }';
  if (typeof error.code !== 'string' || typeof error.message !== 'string') return 'error lacks code or message';
  const extra = Object.keys(error).filter((k) => !['code', 'message', 'details'].includes(k));
  return extra.length ? `error has extra keys ${extra.join(',')}` : null;
}
