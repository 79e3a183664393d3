import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { seal } from '../test/sealed.js';
import { accessProbes } from '../modules/access/access.probes.js';
import { casesProbes } from '../modules/migration/cases.probes.js';
import { homeProbes } from '../modules/migration/home.probes.js';
import { jobsProbes } from '../modules/migration/jobs.probes.js';
import { lettersProbes } from '../modules/migration/letters.probes.js';
import { syncProbes } from '../modules/sync/sync.probes.js';
import { privacyProbes } from '../modules/privacy/privacy.probes.js';
import { type BaseIds, type Ids, KENANGA, type Probe, type ProbeSet } from '../test/probes.js';
import { type Session, useTestApp } from '../test/support.js';

/**
 * Every registered /api route, probed as users of another village and another regency
 * reaching for the Kenanga village (3212162004) in Indramayu. A route missing from this
 * table (or from a module's probe set below) fails the test: a new route cannot land
 * without saying how it keeps people in their region.
 */
const t = useTestApp();
const UNENROLLED_INDRAMAYU_VILLAGE = '3212162001';
/** Modules that keep their probes beside their routes. */
const moduleProbeSets: ProbeSet[] = [jobsProbes, casesProbes, lettersProbes, homeProbes, syncProbes, privacyProbes, accessProbes];

const coreProbes: Record<string, Probe> = {
  'POST /api/v1/auth/login': { expect: 'not-region-bound', url: '/api/v1/auth/login' },
  'POST /api/v1/auth/logout': { expect: 'not-region-bound', url: '/api/v1/auth/logout' },
  'GET /api/v1/auth/me': { expect: 'not-region-bound', url: '/api/v1/auth/me' },
  'POST /api/v1/auth/password': { expect: 'not-region-bound', url: '/api/v1/auth/password' },
  'GET /api/v1/regions': { expect: 'not-region-bound', url: '/api/v1/regions' },
  'GET /api/v1/regions/search': { expect: 'not-region-bound', url: '/api/v1/regions/search?q=kenanga' },
  'GET /api/v1/regions/:code': { expect: 'not-region-bound', url: `/api/v1/regions/${KENANGA}` },
  'GET /api/v1/program/targets': { expect: 'not-region-bound', url: '/api/v1/program/targets' },
  'PUT /api/v1/program/targets/:year': { expect: 'deny', url: () => '/api/v1/program/targets/2017', body: { target: 1 } },
  'GET /api/v1/program/villages': {
    expect: 'filtered',
    url: '/api/v1/program/villages?pageSize=200',
    regionsOf: (b) => (b as { items: Array<{ villageCode: string }> }).items.map((i) => i.villageCode),
    narrowTo: `/api/v1/program/villages?within=${KENANGA}`,
  },
  'POST /api/v1/program/villages': {
    expect: 'deny',
    url: () => '/api/v1/program/villages',
    body: { villageCode: UNENROLLED_INDRAMAYU_VILLAGE, cohortYear: 2026, status: 'diusulkan' },
  },
  'GET /api/v1/program/villages/:villageCode': { expect: 'deny', url: () => `/api/v1/program/villages/${KENANGA}` },
  'PATCH /api/v1/program/villages/:villageCode': {
    expect: 'deny',
    url: () => `/api/v1/program/villages/${KENANGA}`,
    body: { notes: 'diubah orang luar' },
  },
  'GET /api/v1/program/summary': {
    expect: 'filtered',
    url: '/api/v1/program/summary',
    regionsOf: (b) => [(b as { scopeCode: string }).scopeCode],
    narrowTo: `/api/v1/program/summary?within=${KENANGA}`,
  },
  'GET /api/v1/users': {
    expect: 'filtered',
    url: '/api/v1/users?pageSize=200',
    regionsOf: (b) => (b as { items: Array<{ scopeCode: string }> }).items.map((i) => i.scopeCode),
    narrowTo: `/api/v1/users?scopeCode=${KENANGA}`,
  },
  'POST /api/v1/users': {
    expect: 'deny',
    url: () => '/api/v1/users',
    body: { username: 'penyusup', fullName: 'Penyusup', role: 'petugas_desa', scopeCode: KENANGA, password: 'Penyusup#12345' },
  },
  'GET /api/v1/users/:id': { expect: 'deny', url: (ids) => `/api/v1/users/${ids.kenangaOfficerId}` },
  'PATCH /api/v1/users/:id': { expect: 'deny', url: (ids) => `/api/v1/users/${ids.kenangaOfficerId}`, body: { disabled: true } },
  'GET /api/v1/villages/:villageCode/people': { expect: 'deny', url: () => `/api/v1/villages/${KENANGA}/people` },
  'POST /api/v1/villages/:villageCode/people': {
    expect: 'deny',
    url: () => `/api/v1/villages/${KENANGA}/people`,
    body: { nik: '3212164101900001', name: 'Penyusup', sex: 2 },
  },
  'GET /api/v1/people/:id': { expect: 'deny', url: (ids) => `/api/v1/people/${ids.personId}` },
  'PATCH /api/v1/people/:id': { expect: 'deny', url: (ids) => `/api/v1/people/${ids.personId}`, body: { name: 'Diubah', version: '1' } },
  'POST /api/v1/people/:id/migrant-status': {
    expect: 'deny',
    url: (ids) => `/api/v1/people/${ids.personId}/migrant-status`,
    body: { status: 'pmi', effectiveDate: '2024-01-01' },
  },
  'POST /api/v1/people/:id/consents': {
    expect: 'deny',
    url: (ids) => `/api/v1/people/${ids.personId}/consents`,
    body: { basis: 'kewajiban_hukum' },
  },
  'POST /api/v1/people/:id/consents/:consentId/withdraw': {
    expect: 'deny',
    url: (ids) => `/api/v1/people/${ids.personId}/consents/${ids.consentId}/withdraw`,
  },
  'POST /api/v1/people/:id/links': {
    expect: 'deny',
    url: (ids) => `/api/v1/people/${ids.personId}/links`,
    body: { relativeId: '00000000-0000-7000-8000-000000000000', relation: 'anak' },
  },
  'DELETE /api/v1/people/:id/links/:linkId': { expect: 'deny', url: (ids) => `/api/v1/people/${ids.personId}/links/${ids.linkId}` },
  'GET /api/v1/villages/:villageCode/families': { expect: 'deny', url: () => `/api/v1/villages/${KENANGA}/families` },
  'POST /api/v1/villages/:villageCode/families': {
    expect: 'deny',
    url: () => `/api/v1/villages/${KENANGA}/families`,
    body: { noKk: '3212160101200001' },
  },
  'GET /api/v1/families/:id': { expect: 'deny', url: (ids) => `/api/v1/families/${ids.familyId}` },
  'PATCH /api/v1/families/:id': { expect: 'deny', url: (ids) => `/api/v1/families/${ids.familyId}`, body: { dusun: 'Luar', version: '1' } },
  'POST /api/v1/villages/:villageCode/people/imports': {
    expect: 'deny',
    url: () => `/api/v1/villages/${KENANGA}/people/imports`,
    body: { file: 'nama,nik,sex,no_kk' },
  },
  'GET /api/v1/villages/:villageCode/people/imports': { expect: 'deny', url: () => `/api/v1/villages/${KENANGA}/people/imports` },
  'GET /api/v1/people/imports/:id': { expect: 'deny', url: () => `/api/v1/people/imports/${kenangaImportId}` },
  'GET /api/v1/people/imports/:id/rejects': { expect: 'deny', url: () => `/api/v1/people/imports/${kenangaImportId}/rejects` },
  'GET /api/v1/people/imports/:id/rejects.xlsx': { expect: 'deny', url: () => `/api/v1/people/imports/${kenangaImportId}/rejects.xlsx` },
  'GET /api/v1/villages/:villageCode/people/export.xlsx': { expect: 'deny', url: () => `/api/v1/villages/${KENANGA}/people/export.xlsx` },
  'GET /api/v1/villages/:villageCode/people/duplicate-suggestions': {
    expect: 'deny',
    url: () => `/api/v1/villages/${KENANGA}/people/duplicate-suggestions?name=Siti%20Aminah&nik=3212165203900001`,
  },
  'GET /api/v1/people/duplicates': {
    expect: 'filtered',
    url: '/api/v1/people/duplicates?pageSize=200',
    regionsOf: (b) =>
      (b as { items: Array<{ a: { villageCode: string }; b: { villageCode: string } }> }).items.flatMap((i) => [i.a.villageCode, i.b.villageCode]),
    narrowTo: `/api/v1/people/duplicates?within=${KENANGA}`,
  },
  'POST /api/v1/people/duplicates/merge': {
    expect: 'deny',
    url: () => '/api/v1/people/duplicates/merge',
    body: (ids: Ids) => ({ keepId: ids.personId, mergeId: ids.childId }),
  },
  'POST /api/v1/people/duplicates/dismiss': {
    expect: 'deny',
    url: () => '/api/v1/people/duplicates/dismiss',
    body: (ids: Ids) => ({ personAId: ids.personId, personBId: ids.childId }),
  },
  'POST /api/v1/villages/:villageCode/services': {
    expect: 'deny',
    url: () => `/api/v1/villages/${KENANGA}/services`,
    body: { visitorName: 'Penyusup', serviceType: 'lainnya', serviceDate: '2026-01-05' },
  },
  'GET /api/v1/villages/:villageCode/services': { expect: 'deny', url: () => `/api/v1/villages/${KENANGA}/services` },
  'GET /api/v1/villages/:villageCode/services/summary': { expect: 'deny', url: () => `/api/v1/villages/${KENANGA}/services/summary?year=2026` },
  'GET /api/v1/agencies': { expect: 'not-region-bound', url: '/api/v1/agencies' },
  'POST /api/v1/agencies': { expect: 'not-region-bound', url: '/api/v1/agencies' },
  'PATCH /api/v1/agencies/:id': { expect: 'not-region-bound', url: '/api/v1/agencies/00000000-0000-7000-8000-000000000000' },
  'POST /api/v1/people/:id/migration-plans': {
    expect: 'deny',
    url: (ids) => `/api/v1/people/${ids.personId}/migration-plans`,
    body: { destinationCountry: 'HK', occupation: 'Pengurus rumah tangga', sector: 'domestik', scheme: 'p_to_p' },
  },
  'GET /api/v1/migration-plans/:id': { expect: 'deny', url: (ids) => `/api/v1/migration-plans/${ids.planId}` },
  'PATCH /api/v1/migration-plans/:id': { expect: 'deny', url: (ids) => `/api/v1/migration-plans/${ids.planId}`, body: { occupation: 'Diubah orang luar', version: '1' } },
  'PUT /api/v1/migration-plans/:id/documents/:kind': {
    expect: 'deny',
    url: (ids) => `/api/v1/migration-plans/${ids.planId}/documents/paspor`,
    body: { status: 'lengkap', number: 'X1234567' },
  },
  'GET /api/v1/villages/:villageCode/migration-plans': { expect: 'deny', url: () => `/api/v1/villages/${KENANGA}/migration-plans` },
  'GET /api/v1/audit': {
    expect: 'filtered',
    url: '/api/v1/audit?pageSize=200',
    regionsOf: (b) => (b as { items: Array<{ regionCode: string }> }).items.map((i) => i.regionCode),
    narrowTo: `/api/v1/audit?entityId=${KENANGA}`,
  },
};
const probes: Record<string, Probe> = Object.assign({}, coreProbes, ...moduleProbeSets.map((set) => set.probes));

/** Routes a partner ministry (mitra) may call: none of them returns personal data. */
const partnerSafeRoutes = new Set([
  ...moduleProbeSets.flatMap((set) => set.partnerSafe ?? []),
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'GET /api/v1/auth/me',
  'POST /api/v1/auth/password',
  'GET /api/v1/regions',
  'GET /api/v1/regions/search',
  'GET /api/v1/regions/:code',
  'GET /api/v1/program/targets',
  'GET /api/v1/program/summary',
  // The national registry of licensed agencies (P3MI): company names and licences, no one's personal data.
  'GET /api/v1/agencies',
]);

const outsiders = [
  { username: 'petugas.kuripan', role: 'petugas_desa', scope: '3307102004' },
  { username: 'disnaker.wonosobo', role: 'koordinator_kabupaten', scope: '3307' },
] as const;

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

/** A well-formed value for a path parameter, so the 401 check reaches the login guard. */
function samplePathValue(name: string): string {
  if (name === 'villageCode' || name === 'code') return KENANGA;
  if (name === 'year') return '2017';
  if (name === 'kind') return 'paspor';
  return '00000000-0000-7000-8000-000000000000';
}

/** A Kenanga family, a migrant and her child, a consent and a link, made by Kenanga's officer. */
async function makeKenangaRecords(): Promise<Omit<BaseIds, 'kenangaOfficerId'>> {
  const officer = await t.login('petugas.kenanga');
  const family = await officer.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/families`, payload: { noKk: '3212161203150007', dusun: 'Kenanga Kidul' } });
  const familyId = family.json().id;
  const mother = await officer.request({
    method: 'POST',
    url: `/api/v1/villages/${KENANGA}/people`,
    payload: { nik: '3212165203900001', name: 'Siti Aminah', sex: 2, birthDate: '1990-03-12', familyId, migrantStatus: 'pmi' },
  });
  const child = await officer.request({
    method: 'POST',
    url: `/api/v1/villages/${KENANGA}/people`,
    payload: { nik: '3212160706150002', name: 'Rizki Ramadhan', sex: 1, birthDate: '2015-06-07', familyId, migrantStatus: 'keluarga_pmi' },
  });
  const personId = mother.json().id;
  const consented = await officer.request({ method: 'POST', url: `/api/v1/people/${personId}/consents`, payload: { basis: 'kewajiban_hukum' } });
  const linked = await officer.request({ method: 'POST', url: `/api/v1/people/${personId}/links`, payload: { relativeId: child.json().id, relation: 'anak' } });
  const plan = await officer.request({
    method: 'POST',
    url: `/api/v1/people/${personId}/migration-plans`,
    payload: { destinationCountry: 'HK', occupation: 'Pengurus rumah tangga', sector: 'domestik', scheme: 'p_to_p' },
  });
  const service = await officer.request({
    method: 'POST',
    url: `/api/v1/villages/${KENANGA}/services`,
    payload: { personId, serviceType: 'informasi_migrasi_aman', serviceDate: '2026-01-05', notes: 'Siti Rohmah ikut bertanya' },
  });
  expect([family.statusCode, mother.statusCode, child.statusCode, consented.statusCode, linked.statusCode, plan.statusCode, service.statusCode]).toEqual([
    201, 201, 201, 200, 200, 201, 201,
  ]);
  return {
    personId,
    childId: child.json().id,
    familyId,
    consentId: consented.json().consents[0].id,
    linkId: linked.json().links[0].id,
    planId: plan.json().id,
  };
}

async function kenangaState() {
  const { rows } = await t.pool.query(
    `SELECT (SELECT count(*) FROM users)::int AS users,
            (SELECT notes FROM program_villages WHERE village_code = $1) AS notes,
            (SELECT count(*) FROM program_villages)::int AS villages,
            (SELECT disabled_at FROM users WHERE username = 'petugas.kenanga') AS disabled,
            (SELECT target FROM program_targets WHERE year = 2017) AS target,
            (SELECT json_agg(p ORDER BY p.id) FROM people p WHERE village_code = $1) AS people,
            (SELECT json_agg(f ORDER BY f.id) FROM families f WHERE village_code = $1) AS families,
            (SELECT count(*)::int FROM person_consents WHERE withdrawn_at IS NULL) AS consents,
            (SELECT count(*)::int FROM migrant_family_links WHERE deleted_at IS NULL) AS links,
            (SELECT count(*)::int FROM migrant_status_events) AS events,
            (SELECT json_agg(s ORDER BY s.id) FROM migration_services s WHERE village_code = $1) AS services,
            (SELECT json_agg(m ORDER BY m.id) FROM migration_plans m WHERE village_code = $1) AS plans,
            (SELECT json_agg(d ORDER BY d.id) FROM migration_documents d WHERE village_code = $1) AS documents`,
    [KENANGA],
  );
  const state: Record<string, unknown> = rows[0];
  for (const table of moduleProbeSets.flatMap((set) => set.villageTables ?? [])) {
    const extra = await t.pool.query(`SELECT json_agg(x ORDER BY x.id) AS rows FROM ${table} x WHERE village_code = $1`, [KENANGA]);
    state[table] = extra.rows[0].rows;
  }
  return state;
}

/** A finished import into Kenanga with one rejected row: it names a resident and her NIK. */
const kenangaImportId = '01900000-0000-7000-8000-000000000001';
beforeAll(async () => {
  await t.pool.query(
    `INSERT INTO import_jobs (id, village_code, file_name, file_size, status, total_rows, processed_rows, rejected_count, created_by, finished_at)
     SELECT $1, $2, 'penduduk-kenanga.xlsx', 1000, 'selesai', 1, 1, 1, id, now() FROM users WHERE username = 'petugas.kenanga'`,
    [kenangaImportId, KENANGA],
  );
  await t.pool.query(
    `INSERT INTO import_rejects (job_id, row_number, raw, problems) VALUES ($1, 2, $2, $3)`,
    [kenangaImportId, seal(JSON.stringify({ nama: 'Siti Rohmah', nik: '321216520390001' })), JSON.stringify([{ column: 'nik', reason: 'NIK harus 16 digit angka' }])],
  );
});

let kenangaRecords: Promise<Omit<Ids, 'kenangaOfficerId'>>;
beforeAll(() => {
  kenangaRecords = (async () => {
    const base = await makeKenangaRecords();
    const { rows } = await t.pool.query(`SELECT id FROM users WHERE username = 'petugas.kenanga'`);
    const officer = await t.login('petugas.kenanga');
    const coordinator = await t.login('disnaker.indramayu');
    let ids: Omit<Ids, 'kenangaOfficerId'> = base;
    for (const set of moduleProbeSets) {
      if (set.setup) ids = { ...ids, ...(await set.setup({ officer, coordinator, ids: { kenangaOfficerId: rows[0].id, ...base } })) };
    }
    return ids;
  })();
  return kenangaRecords.then(() => undefined);
});

describe('region scope on every route', () => {
  it('has a probe for every registered route, and no probe for a route that is gone', () => {
    const registered = t.routes.map(key).sort();
    expect(registered.filter((r) => !(r in probes))).toEqual([]);
    expect(Object.keys(probes).filter((p) => !registered.includes(p))).toEqual([]);
  });

  it('asks for a login on every route that is not public', async () => {
    for (const route of t.routes) {
      if (route.access.roles === 'public') continue;
      const res = await t.app.inject({ method: route.method as 'GET', url: route.url.replace(/:(\w+)/g, (_, name: string) => samplePathValue(name)) });
      expect(res.statusCode, key(route)).toBe(401);
    }
  });

  for (const outsider of outsiders) {
    it(`keeps ${outsider.username} out of Kenanga's data on every route`, async () => {
      const session: Session = await t.login(outsider.username);
      const { rows } = await t.pool.query(`SELECT id FROM users WHERE username = 'petugas.kenanga'`);
      const ids = { kenangaOfficerId: rows[0].id, ...(await kenangaRecords) } as Ids;
      const before = await kenangaState();
      for (const route of t.routes) {
        const probe = probes[key(route)]!;
        const method = route.method as 'GET';
        if (probe.expect === 'deny') {
          const payload = (typeof probe.body === 'function' ? probe.body(ids) : probe.body) as object | undefined;
          const res: LightMyRequestResponse = await session.request({ method, url: probe.url(ids), payload });
          expect([403, 404], `${key(route)} → ${res.statusCode} ${res.body}`).toContain(res.statusCode);
          expect(res.body).not.toContain('Siti Rohmah');
        } else if (probe.expect === 'filtered') {
          const res = await session.request({ method, url: probe.url });
          const roles = route.access.roles;
          const mayList = roles === 'authenticated' || (roles !== 'public' && roles.includes(outsider.role));
          expect(res.statusCode, key(route)).toBe(mayList ? 200 : 403);
          if (!mayList) continue;
          const regions = probe.regionsOf(res.json());
          expect(regions.every((code) => code.startsWith(outsider.scope)), `${key(route)}: ${regions.join(',')}`).toBe(true);
          if (probe.narrowTo) {
            const narrowed = await session.request({ method, url: probe.narrowTo });
            const leaked = narrowed.statusCode === 200 ? probe.regionsOf(narrowed.json()).filter((c) => c.startsWith(KENANGA)) : [];
            expect(leaked, `${probe.narrowTo} → ${narrowed.statusCode}`).toEqual([]);
          }
        }
      }
      expect(await kenangaState()).toEqual(before);
    });
  }

  it('gives a partner ministry (mitra) no route that returns personal data', async () => {
    const mitra = await t.login('mitra.kemenkes');
    for (const route of t.routes) {
      const roles = route.access.roles;
      const reachable = roles === 'public' || roles === 'authenticated' || roles.includes('mitra');
      if (reachable) {
        expect(partnerSafeRoutes.has(key(route)), `${key(route)} is open to mitra but not listed as partner-safe`).toBe(true);
        continue;
      }
      const probe = probes[key(route)]!;
      const ids = { kenangaOfficerId: '00000000-0000-7000-8000-000000000000', ...(await kenangaRecords) } as Ids;
      const url = probe.expect === 'deny' ? probe.url(ids) : probe.url;
      const body = probe.expect === 'filtered' ? undefined : probe.body;
      const payload = (typeof body === 'function' ? body(ids) : body) as object | undefined;
      const res = await mitra.request({ method: route.method as 'GET', url, payload });
      expect(res.statusCode, key(route)).toBe(403);
    }
    const summary = await mitra.request({ method: 'GET', url: '/api/v1/program/summary' });
    expect(summary.statusCode).toBe(200);
    expect(summary.body).not.toMatch(/Siti Rohmah|0813/);
  });
});
