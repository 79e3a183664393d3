import { randomUUID } from 'node:crypto';
import { type Role, SYNC_FORMAT_VERSION } from '@desmigratif/contracts';
import { DEMO_PASSWORD } from '@desmigratif/db';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessProbes } from '../modules/access/access.probes.js';
import { casesProbes } from '../modules/migration/cases.probes.js';
import { homeProbes } from '../modules/migration/home.probes.js';
import { jobsProbes } from '../modules/migration/jobs.probes.js';
import { lettersProbes } from '../modules/migration/letters.probes.js';
import { privacyProbes } from '../modules/privacy/privacy.probes.js';
import { syncProbes } from '../modules/sync/sync.probes.js';
import { plainValue } from '../test/fuzz/arbitraries.js';
import { collectionOf, loadRecordIds, type RecordIds, type RouteSpec, routeSpecs } from '../test/fuzz/routes.js';
import { type BaseIds, type Ids, KENANGA, type Probe } from '../test/probes.js';
import { type Session, useTestApp } from '../test/support.js';

/**
 * Every registered route × every demo account (and a visitor without a session) × in or out
 * of Kenanga's scope, against the verdict the route's own declaration implies:
 * - a role the route does not list is refused with 403, whatever else the request says;
 * - an allowed role inside the record's region gets past the guard (no 401/403);
 * - an allowed role outside it is refused (403/404) on region-bound routes ({ param } and
 *   'record'), sees only its own region on 'filtered' listings and is refused when it asks a
 *   listing for Kenanga by `within`;
 * - nobody needs to sign in for a public route, everybody else must.
 * The rows come from t.routes, so a new route is in the matrix the day it is registered.
 */
const t = useTestApp({ loginRateLimitPerMinute: 1_000_000, loginMaxFailures: 1_000_000 });

type Account = { username: string | null; role: Role | null; inScope: boolean };
const accounts: Account[] = [
  { username: null, role: null, inScope: false },
  // Outsiders first: they must be refused while the Kenanga records are all still there.
  { username: 'petugas.kuripan', role: 'petugas_desa', inScope: false },
  { username: 'disnaker.wonosobo', role: 'koordinator_kabupaten', inScope: false },
  { username: 'mitra.kemenkes', role: 'mitra', inScope: true },
  { username: 'koperasi.kenanga', role: 'pengurus_koperasi', inScope: true },
  { username: 'kades.kenanga', role: 'kepala_desa', inScope: true },
  { username: 'kemnaker', role: 'kementerian', inScope: true },
  { username: 'disnaker.indramayu', role: 'koordinator_kabupaten', inScope: true },
  { username: 'petugas.kenanga', role: 'petugas_desa', inScope: true },
  { username: 'admin', role: 'admin', inScope: true },
];

/** Module probe sets: their URLs name real Kenanga records and their bodies pass validation. */
const probeSets = [jobsProbes, casesProbes, lettersProbes, homeProbes, syncProbes, privacyProbes, accessProbes];
const moduleProbes: Record<string, Probe> = Object.assign({}, ...probeSets.map((set) => set.probes));

type Verdict = 'allow' | 'forbidden' | 'out-of-scope' | 'sign-in';

function verdict(route: RouteSpec, account: Account, asksForKenanga: boolean): Verdict {
  const roles = route.access.roles;
  if (roles === 'public') return 'allow';
  if (!account.role) return 'sign-in';
  if (roles === 'authenticated') return 'allow';
  if (!roles.includes(account.role)) return 'forbidden';
  const regionBound = asksForKenanga || route.access.scope === 'record' || typeof route.access.scope === 'object';
  return regionBound && !account.inScope ? 'out-of-scope' : 'allow';
}

function satisfies(expected: Verdict, status: number): boolean {
  if (status >= 500) return false;
  if (expected === 'allow') return status !== 401 && status !== 403;
  if (expected === 'forbidden') return status === 403;
  if (expected === 'out-of-scope') return status === 403 || status === 404;
  return status === 401;
}

let specs: RouteSpec[];
let ids: Ids;
let records: RecordIds;

/** A Kenanga family, a migrant mother and her son, a consent, a link and a plan, as in authorization.test.ts. */
async function makeKenangaRecords(officer: Session): Promise<Omit<BaseIds, 'kenangaOfficerId'>> {
  const post = async (url: string, payload: object) => {
    const res = await officer.request({ method: 'POST', url, payload });
    expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const family = await post(`/api/v1/villages/${KENANGA}/families`, { noKk: '3212161203150007', dusun: 'Kenanga Kidul' });
  const mother = await post(`/api/v1/villages/${KENANGA}/people`, { nik: '3212165203900001', name: 'Siti Aminah', sex: 2, birthDate: '1990-03-12', familyId: family.id, migrantStatus: 'pmi' });
  const child = await post(`/api/v1/villages/${KENANGA}/people`, { nik: '3212160706150002', name: 'Rizki Ramadhan', sex: 1, birthDate: '2015-06-07', familyId: family.id, migrantStatus: 'keluarga_pmi' });
  const consented = await post(`/api/v1/people/${mother.id}/consents`, { basis: 'kewajiban_hukum' });
  const linked = await post(`/api/v1/people/${mother.id}/links`, { relativeId: child.id, relation: 'anak' });
  const plan = await post(`/api/v1/people/${mother.id}/migration-plans`, { destinationCountry: 'HK', occupation: 'Pengurus rumah tangga', sector: 'domestik', scheme: 'p_to_p' });
  return { personId: mother.id, childId: child.id, familyId: family.id, consentId: consented.consents[0].id, linkId: linked.links[0].id, planId: plan.id };
}

beforeAll(async () => {
  const officer = await t.login('petugas.kenanga');
  const coordinator = await t.login('disnaker.indramayu');
  const admin = await t.login('admin');
  const made = await admin.request({
    method: 'POST',
    url: '/api/v1/users',
    payload: { username: 'fuzz.matriks', fullName: 'Akun Sasaran Matriks', role: 'petugas_desa', scopeCode: KENANGA, password: 'Sasaran#Matriks2026' },
  });
  expect(made.statusCode, made.body).toBe(201);
  const { rows } = await t.pool.query(`SELECT id FROM users WHERE username = 'petugas.kenanga'`);
  const base: BaseIds = { kenangaOfficerId: rows[0].id, ...(await makeKenangaRecords(officer)) };
  let all: Ids = base;
  for (const set of probeSets) if (set.setup) all = { ...all, ...(await set.setup({ officer, coordinator, ids: base })) };
  ids = all;
  records = await loadRecordIds(t.pool);
  // The records made above come first, so generated URLs name them.
  records.people = [ids.personId, ...(records.people ?? [])];
  records.families = [ids.familyId, ...(records.families ?? [])];
  records['migration-plans'] = [ids.planId, ...(records['migration-plans'] ?? [])];
  records.consents = [ids.consentId];
  records.links = [ids.linkId];
  specs = routeSpecs(t.app, t.routes);
});

type Call = { url: string; payload?: unknown; narrowed?: string; asksForKenanga: boolean };

/**
 * Bodies the schema alone cannot make valid (a refined code list), so that an outsider's
 * refusal on a 'record' route is not hidden behind a 400. Listed per route key.
 */
const validBodies: Record<string, (ids: Ids) => unknown> = {
  'POST /api/v1/people/:id/migration-plans': () => ({ destinationCountry: 'HK', occupation: 'Pengurus rumah tangga', sector: 'domestik', scheme: 'p_to_p' }),
};

/**
 * A device outbox belongs to the account that filled it: the probe's outbox is Kenanga's
 * officer's, so the others who may sync push an empty outbox of their own device.
 */
const ownDeviceBodies: Record<string, () => unknown> = {
  'POST /api/v1/sync/push': () => ({ formatVersion: SYNC_FORMAT_VERSION, clientId: randomUUID(), mutations: [] }),
};

/** Region-code fields of a body name Kenanga; id fields name Kenanga's records, two different ones where two are asked. */
function kenangaBody(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = { ...value };
  for (const key of ['villageCode', 'scopeCode', 'regionCode']) if (key in out) out[key] = KENANGA;
  return out;
}

/** The concrete request for a route: its module probe where there is one, else built from its schemas. */
function callFor(spec: RouteSpec): Call {
  const probe = moduleProbes[spec.key];
  if (probe?.expect === 'deny') {
    const payload = typeof probe.body === 'function' ? probe.body(ids) : probe.body;
    // A listing probe that names Kenanga in its query is, for an outsider, a refused record.
    return { url: probe.url(ids), payload, asksForKenanga: spec.access.scope === 'filtered' };
  }
  if (probe?.expect === 'filtered') return { url: probe.url, narrowed: probe.narrowTo, asksForKenanga: false };
  const people = [ids.personId, ids.childId];
  let nextPerson = 0;
  const kenangaId = (field: string) => (/person|keep|merge|relative|migrant/i.test(field) ? people[nextPerson++ % 2]! : ids.planId);
  const url = spec.url.replace(/:(\w+)/g, (_, name: string) => {
    const collection = collectionOf(spec.url, name);
    const known = collection ? records[collection]?.[0] : undefined;
    if (known) return known;
    if (name === 'villageCode' || name === 'code') return KENANGA;
    return encodeURIComponent(String(plainValue(spec.pathParams[name])));
  });
  const query = Object.entries(spec.query)
    .filter(([, q]) => q.required)
    .map(([name, q]) => `${name}=${encodeURIComponent(String(plainValue(q.schema, kenangaId, name)))}`)
    .join('&');
  const payload =
    spec.key === 'POST /api/v1/auth/login'
      ? { username: 'kemnaker', password: DEMO_PASSWORD }
      : (validBodies[spec.key]?.(ids) ?? (spec.body ? kenangaBody(plainValue(spec.body, kenangaId)) : undefined));
  const narrowed = spec.access.scope === 'filtered' && 'within' in spec.query ? `${url}?within=${KENANGA}` : undefined;
  return { url: query ? `${url}?${query}` : url, payload, narrowed, asksForKenanga: false };
}

describe('authorization matrix: every route × every role × in and out of scope', () => {
  it('answers every cell as the route declares', { timeout: 300_000 }, async () => {
    const sessions = new Map<string, Session>();
    const sessionOf = async (username: string) => {
      let session = sessions.get(username);
      if (!session) {
        session = await t.login(username);
        sessions.set(username, session);
      }
      return session;
    };
    // Signing out ends the session the other cells use: it goes last.
    const ordered = [...specs].sort((a, b) => Number(a.key === 'POST /api/v1/auth/logout') - Number(b.key === 'POST /api/v1/auth/logout'));
    const wrong: string[] = [];
    let cells = 0;
    for (const spec of ordered) {
      const call = callFor(spec);
      for (const account of accounts) {
        const payload = account.inScope && ownDeviceBodies[spec.key] ? ownDeviceBodies[spec.key]!() : call.payload;
        const send = async (url: string): Promise<LightMyRequestResponse> => {
          const options = { method: spec.method as 'GET', url, payload: payload as object | undefined };
          return account.username ? (await sessionOf(account.username)).request(options) : t.app.inject(options);
        };
        const expected = verdict(spec, account, call.asksForKenanga);
        const res = await send(call.url);
        cells++;
        if (!satisfies(expected, res.statusCode)) wrong.push(`${spec.key} as ${account.username ?? 'visitor'}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
        // A listing asked for Kenanga by name: refused to outsiders, allowed to those who see it.
        if (call.narrowed && expected === 'allow' && account.username) {
          const narrowed = await send(call.narrowed);
          const want: Verdict = account.inScope ? 'allow' : 'out-of-scope';
          if (!satisfies(want, narrowed.statusCode)) wrong.push(`${spec.method} ${call.narrowed} as ${account.username}: expected ${want}, got ${narrowed.statusCode}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(cells).toBe(specs.length * accounts.length);
  });

  it('puts every registered route in the matrix, each with a region rule', () => {
    expect(specs.map((s) => s.key).sort()).toEqual(t.routes.map((r) => `${r.method} ${r.url}`).sort());
    for (const spec of specs) expect(['none', 'filtered', 'record'].includes(String(spec.access.scope)) || typeof spec.access.scope === 'object', spec.key).toBe(true);
  });
});
