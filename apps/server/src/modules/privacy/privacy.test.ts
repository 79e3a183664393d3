import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { seal } from '../../test/sealed.js';
import { type Session, useTestApp } from '../../test/support.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'desmigratif-privacy-'));
const t = useTestApp({ dataDir });
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const KENANGA = '3212162004';
const KURIPAN = '3307102004';

const sessions = new Map<string, Promise<Session>>();
/** One login per account for the whole file: logins are rate-limited. */
function as(username: string): Promise<Session> {
  if (!sessions.has(username)) sessions.set(username, t.login(username));
  return sessions.get(username)!;
}

let serial = 0;
/** A fresh Kenanga resident with a unique, well-formed NIK (born 12 March 1990 or as given). */
async function resident(payload: Record<string, unknown> = {}): Promise<string> {
  const officer = await as('petugas.kenanga');
  serial += 1;
  const birthDate = (payload.birthDate as string | undefined) ?? '1990-03-12';
  const [y, m, d] = birthDate.split('-');
  const nik = `321216${Number(d) + 40}${m}${y!.slice(2)}${String(serial).padStart(4, '0')}`;
  const res = await officer.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/people`, payload: { nik, name: `Warga ${serial}`, sex: 2, birthDate, ...payload } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function auditOf(entityId: string, action: string) {
  const { rows } = await t.pool.query(`SELECT actor_username, entity_type, after FROM audit_log WHERE entity_id = $1 AND action = $2 ORDER BY id`, [entityId, action]);
  return rows;
}

async function sheets(raw: Buffer): Promise<Map<string, string[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(raw as unknown as ArrayBuffer);
  const out = new Map<string, string[][]>();
  for (const ws of book.worksheets) {
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    out.set(ws.name, rows);
  }
  return out;
}

describe('sensitive reads', () => {
  it('audits a full-NIK read once per request, but not lists, masked reads or write answers', async () => {
    const id = await resident();
    expect(await auditOf(id, 'read_sensitive')).toEqual([]);
    const officer = await as('petugas.kenanga');
    await officer.request({ method: 'PATCH', url: `/api/v1/people/${id}`, payload: { phone: '081234567890', version: (await officer.request({ method: 'GET', url: `/api/v1/people/${id}` })).json().version } });
    expect(await auditOf(id, 'read_sensitive')).toEqual([{ actor_username: 'petugas.kenanga', entity_type: 'person', after: { what: 'NIK lengkap' } }]);
    const list = await officer.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/people?pageSize=200` });
    expect(list.statusCode).toBe(200);
    const coordinator = await as('disnaker.indramayu');
    expect((await coordinator.request({ method: 'GET', url: `/api/v1/people/${id}` })).statusCode).toBe(200);
    // The coordinator saw a masked adult record; the list showed masked rows: nothing more recorded.
    expect(await auditOf(id, 'read_sensitive')).toHaveLength(1);
  });

  it("audits a child's record even for a viewer who sees identity numbers masked", async () => {
    const child = await resident({ birthDate: '2015-06-07', sex: 1 });
    const coordinator = await as('disnaker.indramayu');
    expect((await coordinator.request({ method: 'GET', url: `/api/v1/people/${child}` })).statusCode).toBe(200);
    expect(await auditOf(child, 'read_sensitive')).toEqual([{ actor_username: 'disnaker.indramayu', entity_type: 'person', after: { what: 'data anak' } }]);
  });

  it('audits opening a plan that holds a health and psychological check', async () => {
    const person = await resident();
    const officer = await as('petugas.kenanga');
    const plan = await officer.request({
      method: 'POST',
      url: `/api/v1/people/${person}/migration-plans`,
      payload: { destinationCountry: 'HK', occupation: 'Pengurus rumah tangga', sector: 'domestik', scheme: 'p_to_p' },
    });
    const planId = plan.json().id;
    await officer.request({ method: 'GET', url: `/api/v1/migration-plans/${planId}` });
    expect(await auditOf(planId, 'read_sensitive')).toEqual([]);
    const doc = await officer.request({ method: 'PUT', url: `/api/v1/migration-plans/${planId}/documents/pemeriksaan_kesehatan_psikologi`, payload: { status: 'lengkap', issuingOffice: 'Klinik Sehat Indramayu' } });
    expect(doc.statusCode, doc.body).toBe(200);
    await officer.request({ method: 'GET', url: `/api/v1/migration-plans/${planId}` });
    expect(await auditOf(planId, 'read_sensitive')).toEqual([
      { actor_username: 'petugas.kenanga', entity_type: 'migration_plan', after: { what: 'hasil pemeriksaan kesehatan dan psikologi' } },
    ]);
  });

  it('audits every opening of a document scan', async () => {
    const person = await resident();
    const officer = await as('petugas.kenanga');
    const plan = await officer.request({
      method: 'POST',
      url: `/api/v1/people/${person}/migration-plans`,
      payload: { destinationCountry: 'TW', occupation: 'Operator pabrik', sector: 'formal', scheme: 'p_to_p' },
    });
    const planId = plan.json().id;
    const boundary = '----desmigratif-privacy';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="paspor.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
      Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
      Buffer.from('foto paspor'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const url = `/api/v1/migration-plans/${planId}/documents/paspor/scan`;
    const uploaded = await officer.request({ method: 'POST', url, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const coordinator = await as('disnaker.indramayu');
    expect((await coordinator.request({ method: 'GET', url })).statusCode).toBe(200);
    expect((await officer.request({ method: 'GET', url })).statusCode).toBe(200);
    expect((await auditOf(planId, 'read_sensitive')).map((r) => [r.actor_username, r.after.what])).toEqual([
      ['disnaker.indramayu', 'pindaian dokumen paspor'],
      ['petugas.kenanga', 'pindaian dokumen paspor'],
    ]);
    // The scan belongs to the person's plan: it is in their access history.
    const head = await as('kades.kenanga');
    const log = await head.request({ method: 'GET', url: `/api/v1/people/${person}/access-log?readsOnly=true` });
    expect(log.json().items.map((i: { what: string }) => i.what)).toEqual(['pindaian dokumen paspor', 'pindaian dokumen paspor']);
  });
});

describe('who looked at this person’s data', () => {
  it("shows the village head another user's read, the record's creation and changes to related records", async () => {
    const mother = await resident();
    const child = await resident({ birthDate: '2015-06-07', sex: 1 });
    const officer = await as('petugas.kenanga');
    await officer.request({ method: 'GET', url: `/api/v1/people/${mother}` });
    await officer.request({ method: 'POST', url: `/api/v1/people/${mother}/links`, payload: { relativeId: child, relation: 'anak' } });

    const head = await as('kades.kenanga');
    const res = await head.request({ method: 'GET', url: `/api/v1/people/${mother}/access-log` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.personName).toMatch(/^Warga /);
    expect(body.items.map((i: { action: string; actorUsername: string; what: string | null }) => [i.action, i.actorUsername, i.what])).toEqual([
      ['link_family', 'petugas.kenanga', null],
      ['read_sensitive', 'petugas.kenanga', 'NIK lengkap'],
      ['create', 'petugas.kenanga', null],
    ]);
    expect(body.items[1].actorName).toBe('Siti Rohmah');

    // The link was recorded on the mother's record but names the child: it is in the child's log too.
    const childLog = await head.request({ method: 'GET', url: `/api/v1/people/${child}/access-log` });
    expect(childLog.json().items.map((i: { action: string }) => i.action)).toContain('link_family');
    const readsOnly = await head.request({ method: 'GET', url: `/api/v1/people/${mother}/access-log?readsOnly=true` });
    expect(readsOnly.json().items.map((i: { action: string }) => i.action)).toEqual(['read_sensitive']);
  });

  it('is open to the regency coordinator and the admin, not to the officer, another regency or a partner ministry', async () => {
    const person = await resident();
    for (const [username, status] of [
      ['disnaker.indramayu', 200],
      ['admin', 200],
      ['petugas.kenanga', 403],
      ['disnaker.wonosobo', 403],
      ['mitra.kemenkes', 403],
    ] as const) {
      const s = await as(username);
      const res = await s.request({ method: 'GET', url: `/api/v1/people/${person}/access-log` });
      expect(res.statusCode, username).toBe(status);
    }
  });
});

describe('data-subject requests', () => {
  it('sets 3×24 hours for access, correction and restriction, 14 days for erasure and objection', async () => {
    const person = await resident();
    const officer = await as('petugas.kenanga');
    const receivedAt = '2026-03-02T08:00:00+07:00';
    const hours: Record<string, number> = { akses: 72, koreksi: 72, pembatasan: 72, penghapusan: 336, keberatan: 336 };
    for (const [kind, h] of Object.entries(hours)) {
      const res = await officer.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/data-subject-requests`, payload: { personId: person, kind, requesterName: 'Warga', receivedAt } });
      expect(res.statusCode, res.body).toBe(201);
      expect((Date.parse(res.json().dueAt) - Date.parse(receivedAt)) / 3600_000, kind).toBe(h);
      // Received long ago and still open: past its deadline.
      expect(res.json()).toMatchObject({ status: 'diterima', overdue: true, allowedTransitions: ['diproses', 'ditolak'] });
    }
    const future = await officer.request({
      method: 'POST',
      url: `/api/v1/villages/${KENANGA}/data-subject-requests`,
      payload: { personId: person, kind: 'akses', requesterName: 'Warga', receivedAt: '2099-01-01T00:00:00Z' },
    });
    expect(future.statusCode).toBe(400);
  });

  it('moves diterima → diproses → selesai, refuses only with a reason, and keeps an audit trail', async () => {
    const person = await resident();
    const officer = await as('petugas.kenanga');
    const created = await officer.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/data-subject-requests`, payload: { personId: person, kind: 'koreksi', requesterName: 'Warga sendiri', notes: 'Tanggal lahir salah' } });
    expect(created.json()).toMatchObject({ status: 'diterima', overdue: false, notes: 'Tanggal lahir salah' });
    const { id, version } = created.json();
    const move = (payload: object) => officer.request({ method: 'POST', url: `/api/v1/data-subject-requests/${id}/transitions`, payload });

    expect((await move({ to: 'selesai', version })).statusCode).toBe(409);
    const processing = await move({ to: 'diproses', version });
    expect(processing.json()).toMatchObject({ status: 'diproses', handledByName: 'Siti Rohmah', closedAt: null });
    expect((await move({ to: 'selesai', version })).statusCode).toBe(409); // stale version
    const refused = await move({ to: 'ditolak', version: processing.json().version });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].path).toBe('reason');
    const done = await move({ to: 'selesai', reason: 'Tanggal lahir dibetulkan', version: processing.json().version });
    expect(done.json()).toMatchObject({ status: 'selesai', statusReason: 'Tanggal lahir dibetulkan', allowedTransitions: [] });
    expect(done.json().closedAt).not.toBeNull();
    expect((await auditOf(id, 'transition')).map((r) => r.after.status)).toEqual(['diproses', 'selesai']);

    const list = await officer.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/data-subject-requests?personId=${person}` });
    expect(list.json().items.map((r: { id: string }) => r.id)).toEqual([id]);
  });

  it('keeps requests inside the village', async () => {
    const person = await resident();
    const outsider = await as('petugas.kuripan');
    const create = await outsider.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/data-subject-requests`, payload: { personId: person, kind: 'akses', requesterName: 'X' } });
    expect(create.statusCode).toBe(403);
    const elsewhere = await outsider.request({ method: 'POST', url: `/api/v1/villages/${KURIPAN}/data-subject-requests`, payload: { personId: person, kind: 'akses', requesterName: 'X' } });
    expect(elsewhere.statusCode).toBe(400);
    const officer = await as('petugas.kenanga');
    const own = await officer.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/data-subject-requests`, payload: { personId: person, kind: 'akses', requesterName: 'Warga' } });
    const wonosobo = await as('disnaker.wonosobo');
    const moved = await wonosobo.request({ method: 'POST', url: `/api/v1/data-subject-requests/${own.json().id}/transitions`, payload: { to: 'diproses', version: own.json().version } });
    expect(moved.statusCode).toBe(403);
    const coordinator = await as('disnaker.indramayu');
    const handled = await coordinator.request({ method: 'POST', url: `/api/v1/data-subject-requests/${own.json().id}/transitions`, payload: { to: 'diproses', version: own.json().version } });
    expect(handled.statusCode).toBe(200);
    const mitra = await as('mitra.kemenkes');
    expect((await mitra.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/data-subject-requests` })).statusCode).toBe(403);
  });
});

describe("the person's data for an access request", () => {
  async function migrantWithHistory() {
    const person = await resident({ phone: '081311112222' });
    const officer = await as('petugas.kenanga');
    await officer.request({ method: 'POST', url: `/api/v1/people/${person}/consents`, payload: { basis: 'kewajiban_hukum' } });
    const plan = await officer.request({
      method: 'POST',
      url: `/api/v1/people/${person}/migration-plans`,
      payload: { destinationCountry: 'TW', occupation: 'Perawat lansia', sector: 'domestik', scheme: 'p_to_p' },
    });
    await officer.request({ method: 'PUT', url: `/api/v1/migration-plans/${plan.json().id}/documents/paspor`, payload: { status: 'lengkap', number: 'C1234567' } });
    await officer.request({ method: 'POST', url: `/api/v1/people/${person}/placements`, payload: { departureDate: '2026-01-10', destinationCountry: 'TW', employer: 'Keluarga Chen' } });
    await officer.request({
      method: 'POST',
      url: `/api/v1/villages/${KENANGA}/cases`,
      payload: { migrantPersonId: person, reporterName: 'Kasturi', caseType: 'hilang_kontak', description: 'Tidak bisa dihubungi dua minggu' },
    });
    return { person, planId: plan.json().id as string };
  }

  it('hands the village everything it holds, with full NIK for the officer, and audits the export', async () => {
    const { person, planId } = await migrantWithHistory();
    const officer = await as('petugas.kenanga');
    const res = await officer.request({ method: 'GET', url: `/api/v1/people/${person}/data-export.json` });
    expect(res.statusCode, res.body).toBe(200);
    const data = res.json();
    expect(data.identityNumbersMasked).toBe(false);
    expect(data.person).toMatchObject({ id: person, phone: '081311112222', village_code: KENANGA });
    expect(data.person.nik).toMatch(/^\d{16}$/);
    expect(data.person).not.toHaveProperty('version');
    expect(data.plans.map((p: { id: string }) => p.id)).toEqual([planId]);
    expect(data.documents).toEqual([expect.objectContaining({ kind: 'paspor', number: 'C1234567' })]);
    expect(data.placements).toEqual([expect.objectContaining({ employer: 'Keluarga Chen', destination_country: 'TW' })]);
    expect(data.cases).toEqual([expect.objectContaining({ case_type: 'hilang_kontak', reporter_name: 'Kasturi' })]);
    expect(data.consents).toEqual([expect.objectContaining({ basis: 'kewajiban_hukum' })]);
    expect(data.statusHistory.map((e: { status: string }) => e.status)).toEqual(expect.arrayContaining(['calon_pmi', 'pmi']));
    expect(await auditOf(person, 'export_person_data')).toEqual([
      { actor_username: 'petugas.kenanga', entity_type: 'person', after: { format: 'json', what: 'seluruh data (json), NIK lengkap' } },
    ]);
  });

  it('masks identity numbers for the coordinator and gives an xlsx with one sheet per part', async () => {
    const { person } = await migrantWithHistory();
    const coordinator = await as('disnaker.indramayu');
    const json = await coordinator.request({ method: 'GET', url: `/api/v1/people/${person}/data-export.json` });
    expect(json.json().identityNumbersMasked).toBe(true);
    expect(json.json().person.nik).toMatch(/^3212•{8}\d{4}$/);
    const xlsx = await coordinator.request({ method: 'GET', url: `/api/v1/people/${person}/data-export.xlsx` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain(`data-pribadi-${person}.xlsx`);
    const book = await sheets(xlsx.rawPayload);
    expect([...book.keys()]).toEqual(expect.arrayContaining(['Data pribadi', 'Keluarga', 'Rencana migrasi', 'Penempatan', 'Kasus', 'Dokumen']));
    expect(book.get('Data pribadi')).toEqual(expect.arrayContaining([['phone', '081311112222']]));
    expect(book.get('Penempatan')![1]).toContain('Keluarga Chen');
  });

  it('is refused outside the village and to a partner ministry', async () => {
    const person = await resident();
    for (const username of ['petugas.kuripan', 'disnaker.wonosobo', 'mitra.kemenkes', 'koperasi.kenanga']) {
      const s = await as(username);
      expect((await s.request({ method: 'GET', url: `/api/v1/people/${person}/data-export.json` })).statusCode, username).toBe(403);
    }
  });
});

describe('retention', () => {
  async function importWithRejects(id: string, finishedMonthsAgo: number) {
    await t.pool.query(
      `INSERT INTO import_jobs (id, village_code, file_name, file_size, file_content, status, total_rows, processed_rows, rejected_count, created_by, created_at, finished_at)
       SELECT $1, $2, 'penduduk.csv', 10, $4, 'selesai', 2, 2, 2, id, now() - make_interval(months => $3), now() - make_interval(months => $3)
         FROM users WHERE username = 'petugas.kenanga'`,
      [id, KENANGA, finishedMonthsAgo, seal('nik,nama')],
    );
    for (const row of [2, 3]) {
      await t.pool.query(`INSERT INTO import_rejects (job_id, row_number, raw, problems) VALUES ($1, $2, $3, '[]')`, [id, row, seal(JSON.stringify({ nik: '32121652039000', nama: 'Siti' }))]);
    }
  }

  it('purges the rejected rows and uploads of imports older than the rule, and nothing newer', async () => {
    const old = '01900000-0000-7000-8000-0000000000a1';
    const recent = '01900000-0000-7000-8000-0000000000a2';
    await importWithRejects(old, 4);
    await importWithRejects(recent, 1);
    const admin = await as('admin');
    const res = await admin.request({ method: 'POST', url: '/api/v1/privacy/retention-rules/import-rejects/purge' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ recordType: 'import_rejects', keepMonths: 3, jobs: 1, rowsRemoved: 2 });
    const left = await t.pool.query(`SELECT job_id, count(*)::int AS n FROM import_rejects WHERE job_id = ANY($1) GROUP BY job_id`, [[old, recent]]);
    expect(left.rows).toEqual([{ job_id: recent, n: 2 }]);
    const files = await t.pool.query(`SELECT id, file_content IS NULL AS gone FROM import_jobs WHERE id = ANY($1) ORDER BY id`, [[old, recent]]);
    expect(files.rows).toEqual([
      { id: old, gone: true },
      { id: recent, gone: false },
    ]);
    expect(await auditOf(old, 'purge_retention')).toEqual([
      { actor_username: 'admin', entity_type: 'import_job', after: { recordType: 'import_rejects', keepMonths: 3, rowsRemoved: 2, uploadRemoved: true } },
    ]);
    const again = await admin.request({ method: 'POST', url: '/api/v1/privacy/retention-rules/import-rejects/purge' });
    expect(again.json()).toMatchObject({ jobs: 0, rowsRemoved: 0 });
  });

  it('lists the rules to every personal-data role and lets only the admin change them', async () => {
    const officer = await as('petugas.kenanga');
    const list = await officer.request({ method: 'GET', url: '/api/v1/privacy/retention-rules' });
    expect(list.statusCode).toBe(200);
    const rule = list.json().items.find((r: { recordType: string }) => r.recordType === 'import_rejects');
    expect(rule).toMatchObject({ keepMonths: 3, enforced: true });
    const payload = { keepMonths: 6, legalBasis: 'UU 27/2022 Pasal 16 ayat (2), diperpanjang untuk audit impor', version: rule.version };
    const coordinator = await as('disnaker.indramayu');
    expect((await coordinator.request({ method: 'PUT', url: '/api/v1/privacy/retention-rules/import_rejects', payload })).statusCode).toBe(403);
    const mitra = await as('mitra.kemenkes');
    expect((await mitra.request({ method: 'GET', url: '/api/v1/privacy/retention-rules' })).statusCode).toBe(403);
    const admin = await as('admin');
    const updated = await admin.request({ method: 'PUT', url: '/api/v1/privacy/retention-rules/import_rejects', payload });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ keepMonths: 6 });
    expect((await admin.request({ method: 'PUT', url: '/api/v1/privacy/retention-rules/import_rejects', payload })).statusCode).toBe(409);
    expect((await admin.request({ method: 'PUT', url: '/api/v1/privacy/retention-rules/tidak_ada', payload })).statusCode).toBe(404);
    // Restore the default for the purge test's expectations in any order.
    await admin.request({ method: 'PUT', url: '/api/v1/privacy/retention-rules/import_rejects', payload: { ...payload, keepMonths: 3, version: updated.json().version } });
  });

  it('lists consents past their last day and guardian consents of children who have since turned 18', async () => {
    const lapsed = await resident();
    const grownUp = await resident({ birthDate: '2006-01-15' });
    const guardian = await resident();
    const current = await resident();
    const adultWithGuardian = await resident({ birthDate: '1960-05-01' });
    const officer = await as('petugas.kenanga');
    const consent = async (person: string, payload: object) =>
      (await officer.request({ method: 'POST', url: `/api/v1/people/${person}/consents`, payload: { basis: 'persetujuan', givenByName: 'Wali', ...payload } })).json().consents.at(0).id;
    const lapsedId = await consent(lapsed, {});
    const currentId = await consent(current, {});
    const grownUpId = await consent(grownUp, { guardianPersonId: guardian, guardianRelationship: 'ibu' });
    // Given by her mother in 2020, when she was 14.
    await t.pool.query(`UPDATE person_consents SET recorded_at = '2020-02-01T10:00:00+07:00' WHERE id = $1`, [grownUpId]);
    // An adult's consent given through a guardian is not a child's consent: it does not lapse at 18.
    await consent(adultWithGuardian, { guardianRelationship: 'pengampu' });
    await t.pool.query(`UPDATE person_consents SET expires_at = '2025-12-31' WHERE id = $1`, [lapsedId]);
    await t.pool.query(`UPDATE person_consents SET expires_at = '2099-12-31' WHERE id = $1`, [currentId]);

    const res = await officer.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/expired-consents` });
    expect(res.statusCode).toBe(200);
    const items = res.json().items.filter((i: { personId: string }) => [lapsed, grownUp, current, adultWithGuardian].includes(i.personId));
    expect(items.map((i: { personId: string; reason: string; expiresOn: string }) => [i.personId, i.reason, i.expiresOn])).toEqual([
      [grownUp, 'dewasa', '2024-01-15'],
      [lapsed, 'tanggal', '2025-12-31'],
    ]);
    const outsider = await as('petugas.kuripan');
    expect((await outsider.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/expired-consents` })).statusCode).toBe(403);
  });
});

describe('consent expiry', () => {
  const todayWib = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
  const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  it('records the last day of a consent and returns it with the person', async () => {
    const person = await resident();
    const officer = await as('petugas.kenanga');
    const until = addDays(todayWib(), 365);
    const res = await officer.request({ method: 'POST', url: `/api/v1/people/${person}/consents`, payload: { basis: 'persetujuan', givenByName: 'Warga sendiri', expiresAt: until } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().consents).toEqual([expect.objectContaining({ basis: 'persetujuan', expiresAt: until, withdrawnAt: null })]);
    const read = await officer.request({ method: 'GET', url: `/api/v1/people/${person}` });
    expect(read.json().consents[0].expiresAt).toBe(until);
    // Without an end date the consent holds until withdrawn.
    const open = await officer.request({ method: 'POST', url: `/api/v1/people/${person}/consents`, payload: { basis: 'persetujuan', givenByName: 'Warga sendiri' } });
    expect(open.json().consents[0].expiresAt).toBeNull();
  });

  it('refuses an end date for a legal duty, and one that is not after today, in plain Indonesian', async () => {
    const person = await resident();
    const officer = await as('petugas.kenanga');
    const post = (payload: object) => officer.request({ method: 'POST', url: `/api/v1/people/${person}/consents`, payload });
    const fieldError = async (payload: object) => {
      const res = await post(payload);
      expect(res.statusCode, res.body).toBe(400);
      return res.json().error.details.find((d: { path: string }) => d.path === 'expiresAt')?.message;
    };
    expect(await fieldError({ basis: 'kewajiban_hukum', expiresAt: addDays(todayWib(), 30) })).toBe(
      'Batas waktu hanya untuk persetujuan; kewajiban hukum tidak berakhir pada tanggal tertentu',
    );
    expect(await fieldError({ basis: 'persetujuan', givenByName: 'Warga', expiresAt: todayWib() })).toBe('Tanggal berlaku sampai harus setelah hari ini');
    expect(await fieldError({ basis: 'persetujuan', givenByName: 'Warga', expiresAt: '2020-01-01' })).toBe('Tanggal berlaku sampai harus setelah hari ini');
    expect(await fieldError({ basis: 'persetujuan', givenByName: 'Warga', expiresAt: '31-12-2030' })).toBe('Tanggal berlaku sampai tidak valid (format YYYY-MM-DD)');
    const { rows } = await t.pool.query(`SELECT count(*)::int AS n FROM person_consents WHERE person_id = $1`, [person]);
    expect(rows[0].n).toBe(0);
  });

  it('puts a consent on the expired list the day after its last day, not before', async () => {
    const person = await resident();
    const officer = await as('petugas.kenanga');
    const recorded = await officer.request({
      method: 'POST',
      url: `/api/v1/people/${person}/consents`,
      payload: { basis: 'persetujuan', givenByName: 'Warga sendiri', expiresAt: addDays(todayWib(), 1) },
    });
    const consentId = recorded.json().consents[0].id;
    const listed = async () =>
      (await officer.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/expired-consents` })).json().items.filter((i: { consentId: string }) => i.consentId === consentId);
    expect(await listed()).toEqual([]);
    // Time passes: the last day is today — the consent still holds.
    await t.pool.query(`UPDATE person_consents SET expires_at = $2 WHERE id = $1`, [consentId, todayWib()]);
    expect(await listed()).toEqual([]);
    // … and yesterday: it has lapsed.
    await t.pool.query(`UPDATE person_consents SET expires_at = $2 WHERE id = $1`, [consentId, addDays(todayWib(), -1)]);
    expect(await listed()).toEqual([expect.objectContaining({ personId: person, reason: 'tanggal', expiresOn: addDays(todayWib(), -1) })]);
    // Withdrawn, it is no longer a consent to renew.
    await officer.request({ method: 'POST', url: `/api/v1/people/${person}/consents/${consentId}/withdraw` });
    expect(await listed()).toEqual([]);
  });
});

describe('erasure requests', () => {
  const boundary = '----desmigratif-erasure';
  const jpeg = (text: string) =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
      Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
      Buffer.from(text),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);

  /**
   * Sri: a returned migrant with a phone, two service visits (one with notes), a plan with a
   * passport scan, a placement with return notes, a live consent and a legal-duty one, and a
   * case she reported about her husband.
   */
  async function sriWithHistory() {
    const officer = await as('petugas.kenanga');
    const sri = await resident({ phone: '081377778888' });
    const husband = await resident({ sex: 1 });
    const ok = async (method: 'POST' | 'PUT', url: string, payload: object, headers?: Record<string, string>) => {
      const res = await officer.request({ method, url, payload: payload as never, headers });
      expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(300);
      return res.json();
    };
    await ok('POST', `/api/v1/people/${sri}/consents`, { basis: 'kewajiban_hukum' });
    await ok('POST', `/api/v1/people/${sri}/consents`, { basis: 'persetujuan', givenByName: 'Sri sendiri' });
    await ok('POST', `/api/v1/villages/${KENANGA}/services`, { personId: sri, serviceType: 'bimbingan_konseling', serviceDate: '2026-01-05', notes: 'Cerita soal utang ke rentenir' });
    await ok('POST', `/api/v1/villages/${KENANGA}/services`, { personId: sri, serviceType: 'informasi_pasar_kerja', serviceDate: '2026-01-06' });
    const plan = await ok('POST', `/api/v1/people/${sri}/migration-plans`, {
      destinationCountry: 'TW',
      occupation: 'Perawat lansia',
      sector: 'domestik',
      scheme: 'p_to_p',
      recruiterContact: 'media_sosial_saja',
    });
    await ok('PUT', `/api/v1/migration-plans/${plan.id}/documents/paspor`, { status: 'lengkap', number: 'C7654321' });
    await ok('POST', `/api/v1/migration-plans/${plan.id}/documents/paspor/scan`, jpeg('paspor Sri'), { 'content-type': `multipart/form-data; boundary=${boundary}` });
    const placement = await ok('POST', `/api/v1/people/${sri}/placements`, {
      departureDate: '2024-01-10',
      destinationCountry: 'TW',
      employer: 'Keluarga Lin',
      notes: 'Majikan sering marah',
    });
    await ok('POST', `/api/v1/placements/${placement.id}/return`, {
      returnDate: '2026-01-03',
      reason: 'kontrak_selesai',
      skillsGained: 'Bahasa Mandarin',
      savingsPlan: 'Warung kelontong',
      reintegrationNeeds: ['modal_usaha'],
      notes: 'Pulang sehat',
      version: placement.version,
    });
    const kase = await ok('POST', `/api/v1/villages/${KENANGA}/cases`, {
      migrantPersonId: husband,
      reporterPersonId: sri,
      reporterRelation: 'pasangan',
      reporterPhone: '081377778888',
      caseType: 'gaji_tidak_dibayar',
      description: 'Gaji suami tidak dibayar tiga bulan',
    });
    const { rows } = await t.pool.query(`SELECT storage_id FROM migration_document_scans WHERE plan_id = $1`, [plan.id]);
    return { sri, husband, planId: plan.id as string, placementId: placement.id as string, caseId: kase.id as string, storageId: rows[0].storage_id as string };
  }

  async function erasureRequest(person: string, processing = true) {
    const officer = await as('petugas.kenanga');
    const created = await officer.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/data-subject-requests`, payload: { personId: person, kind: 'penghapusan', requesterName: 'Sri' } });
    expect(created.statusCode, created.body).toBe(201);
    if (!processing) return created.json();
    const moved = await officer.request({ method: 'POST', url: `/api/v1/data-subject-requests/${created.json().id}/transitions`, payload: { to: 'diproses', version: created.json().version } });
    expect(moved.statusCode, moved.body).toBe(200);
    return moved.json();
  }

  const scanFile = (storageId: string) => path.join(dataDir, 'uploads', storageId);

  it('shows what may be erased and what the law keeps', async () => {
    const { sri } = await sriWithHistory();
    const request = await erasureRequest(sri);
    expect(request.allowedTransitions).toEqual(['ditolak']);
    const officer = await as('petugas.kenanga');
    const res = await officer.request({ method: 'GET', url: `/api/v1/data-subject-requests/${request.id}/erasure-preview` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      requestId: request.id,
      personId: sri,
      personName: request.personName,
      erasable: [
        { category: 'telepon', count: 2 },
        { category: 'catatan_layanan', count: 1 },
        { category: 'catatan_penempatan', count: 1 },
        { category: 'pindaian_dokumen', count: 1 },
        { category: 'persetujuan', count: 1 },
      ],
      retained: [
        { category: 'identitas', count: null },
        { category: 'pencatatan_pmi', count: expect.any(Number) },
        { category: 'kasus', count: 1 },
        { category: 'surat', count: 0 },
        { category: 'catatan_kepatuhan', count: null },
      ],
    });
    // An access request has nothing to erase.
    const access = await officer.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/data-subject-requests`, payload: { personId: sri, kind: 'akses', requesterName: 'Sri' } });
    const wrongKind = await officer.request({ method: 'GET', url: `/api/v1/data-subject-requests/${access.json().id}/erasure-preview` });
    expect(wrongKind.statusCode).toBe(409);
    expect(wrongKind.json().error.code).toBe('NOT_AN_ERASURE');
  });

  it('erases the chosen data in one step, removes the scan file, keeps the registry identity and closes the request', async () => {
    const { sri, planId, placementId, caseId, storageId } = await sriWithHistory();
    expect(existsSync(scanFile(storageId))).toBe(true);
    const before = (await t.pool.query(`SELECT name, birth_date, sex, village_code, migrant_status, nik FROM people WHERE id = $1`, [sri])).rows[0];
    const request = await erasureRequest(sri);
    const officer = await as('petugas.kenanga');
    const url = `/api/v1/data-subject-requests/${request.id}/erasure`;

    // Closing an erasure request without the erasure step is refused.
    const plain = await officer.request({ method: 'POST', url: `/api/v1/data-subject-requests/${request.id}/transitions`, payload: { to: 'selesai', reason: 'Sudah', version: request.version } });
    expect(plain.statusCode).toBe(409);
    expect(plain.json().error.code).toBe('ERASURE_REQUIRED');

    const categories = ['pindaian_dokumen', 'telepon', 'catatan_layanan', 'catatan_penempatan'];
    const res = await officer.request({ method: 'POST', url, payload: { categories, note: 'Disampaikan langsung kepada Sri.', version: request.version } });
    expect(res.statusCode, res.body).toBe(200);
    const done = res.json();
    expect(done).toMatchObject({
      status: 'selesai',
      allowedTransitions: [],
      handledByName: 'Siti Rohmah',
      erasure: {
        categories: ['telepon', 'catatan_layanan', 'catatan_penempatan', 'pindaian_dokumen'],
        items: [
          { category: 'telepon', count: 2 },
          { category: 'catatan_layanan', count: 1 },
          { category: 'catatan_penempatan', count: 1 },
          { category: 'pindaian_dokumen', count: 1 },
        ],
        filesRemoved: 1,
        erasedByName: 'Siti Rohmah',
      },
    });
    expect(done.closedAt).not.toBeNull();
    expect(done.statusReason).toBe(
      'Dihapus: nomor telepon (2), catatan kunjungan layanan (1), catatan keberangkatan dan kepulangan (1), pindaian dokumen (1). ' +
        'Tetap disimpan karena diwajibkan undang-undang: data kependudukan, pencatatan PMI, kasus, surat, dasar pemrosesan, permintaan subjek data dan jejak audit. ' +
        'Disampaikan langsung kepada Sri.',
    );

    // Erased: the phone (person and as reporter), the visit notes, the placement's free text, the scan and its file.
    expect((await t.pool.query(`SELECT phone FROM people WHERE id = $1`, [sri])).rows[0].phone).toBeNull();
    expect((await t.pool.query(`SELECT reporter_phone, description FROM migration_cases WHERE id = $1`, [caseId])).rows[0]).toEqual({
      reporter_phone: null,
      description: 'Gaji suami tidak dibayar tiga bulan',
    });
    const services = await t.pool.query(`SELECT service_type, notes FROM migration_services WHERE person_id = $1 ORDER BY service_date`, [sri]);
    expect(services.rows).toEqual([
      { service_type: 'bimbingan_konseling', notes: null },
      { service_type: 'informasi_pasar_kerja', notes: null },
    ]);
    const placement = await t.pool.query(
      `SELECT to_char(departure_date, 'YYYY-MM-DD') AS departure_date, employer, to_char(return_date, 'YYYY-MM-DD') AS return_date, return_reason,
              notes, return_notes, skills_gained, savings_plan, reintegration_needs
         FROM migration_placements WHERE id = $1`,
      [placementId],
    );
    expect(placement.rows[0]).toEqual({
      departure_date: '2024-01-10',
      employer: 'Keluarga Lin',
      return_date: '2026-01-03',
      return_reason: 'kontrak_selesai',
      notes: null,
      return_notes: null,
      skills_gained: null,
      savings_plan: null,
      reintegration_needs: [],
    });
    expect((await t.pool.query(`SELECT count(*)::int AS n FROM migration_document_scans WHERE plan_id = $1`, [planId])).rows[0].n).toBe(0);
    expect(existsSync(scanFile(storageId))).toBe(false);
    expect((await officer.request({ method: 'GET', url: `/api/v1/migration-plans/${planId}/documents/paspor/scan` })).statusCode).toBe(404);

    // Kept: the registry identity, the plan with its checklist and red-flag answers, the consents (not chosen).
    expect((await t.pool.query(`SELECT name, birth_date, sex, village_code, migrant_status, nik FROM people WHERE id = $1`, [sri])).rows[0]).toEqual(before);
    const person = await officer.request({ method: 'GET', url: `/api/v1/people/${sri}` });
    expect(person.statusCode).toBe(200);
    expect(person.json()).toMatchObject({ phone: null, name: before.name });
    expect(person.json().consents.filter((c: { withdrawnAt: string | null }) => c.withdrawnAt === null)).toHaveLength(2);
    const plan = await t.pool.query(`SELECT recruiter_contact, destination_country FROM migration_plans WHERE id = $1`, [planId]);
    expect(plan.rows[0]).toEqual({ recruiter_contact: 'media_sosial_saja', destination_country: 'TW' });
    expect((await t.pool.query(`SELECT status FROM migration_documents WHERE plan_id = $1 AND kind = 'paspor'`, [planId])).rows[0].status).toBe('lengkap');

    // The audit log records what was erased, never the content.
    const audit = await auditOf(request.id, 'erase_personal_data');
    expect(audit).toEqual([
      {
        actor_username: 'petugas.kenanga',
        entity_type: 'data_subject_request',
        after: {
          status: 'selesai',
          personId: sri,
          categories: ['telepon', 'catatan_layanan', 'catatan_penempatan', 'pindaian_dokumen'],
          items: done.erasure.items,
          filesRemoved: 1,
          note: 'Disampaikan langsung kepada Sri.',
        },
      },
    ]);
    const trail = JSON.stringify(audit) + done.statusReason;
    for (const erased of ['081377778888', 'rentenir', 'Majikan', 'Mandarin', 'Warung', storageId]) expect(trail).not.toContain(erased);
    // … and it is in Sri's access history.
    const head = await as('kades.kenanga');
    const log = await head.request({ method: 'GET', url: `/api/v1/people/${sri}/access-log` });
    expect(log.json().items.map((i: { action: string }) => i.action)).toContain('erase_personal_data');
  });

  it('is harmless the second time: a repeated confirmation erases nothing twice, a new request finds nothing left', async () => {
    const { sri } = await sriWithHistory();
    const request = await erasureRequest(sri);
    const officer = await as('petugas.kenanga');
    const url = `/api/v1/data-subject-requests/${request.id}/erasure`;
    const payload = { categories: ['telepon', 'pindaian_dokumen', 'persetujuan'], version: request.version };
    const first = await officer.request({ method: 'POST', url, payload });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().erasure.items).toEqual([
      { category: 'telepon', count: 2 },
      { category: 'pindaian_dokumen', count: 1 },
      { category: 'persetujuan', count: 1 },
    ]);
    // The legal-duty basis is never withdrawn by an erasure.
    const consents = await t.pool.query(`SELECT basis, withdrawn_at IS NOT NULL AS withdrawn FROM person_consents WHERE person_id = $1 ORDER BY basis`, [sri]);
    expect(consents.rows).toEqual([
      { basis: 'kewajiban_hukum', withdrawn: false },
      { basis: 'persetujuan', withdrawn: true },
    ]);

    // The answer was lost and the officer confirms again: the same request comes back, nothing more happens.
    const again = await officer.request({ method: 'POST', url, payload });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await auditOf(request.id, 'erase_personal_data')).toHaveLength(1);
    const other = await officer.request({ method: 'POST', url, payload: { ...payload, categories: ['catatan_layanan'] } });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('ALREADY_ERASED');

    // Sri asks again a month later: there is nothing left in those categories.
    const second = await erasureRequest(sri);
    const preview = await officer.request({ method: 'GET', url: `/api/v1/data-subject-requests/${second.id}/erasure-preview` });
    expect(preview.json().erasable.filter((e: { count: number }) => e.count > 0)).toEqual([{ category: 'catatan_layanan', count: 1 }, { category: 'catatan_penempatan', count: 1 }]);
    const nothing = await officer.request({ method: 'POST', url: `/api/v1/data-subject-requests/${second.id}/erasure`, payload: { ...payload, version: second.version } });
    expect(nothing.statusCode, nothing.body).toBe(200);
    expect(nothing.json().erasure).toMatchObject({ items: [{ category: 'telepon', count: 0 }, { category: 'pindaian_dokumen', count: 0 }, { category: 'persetujuan', count: 0 }], filesRemoved: 0 });
    expect(nothing.json().statusReason).toMatch(/^Tidak ada data yang dihapus\. Tidak ada datanya: nomor telepon, pindaian dokumen, persetujuan yang masih berlaku \(ditarik\)\./);
  });

  it('asks for the reason when nothing is chosen, and only erases a request being processed', async () => {
    const { sri } = await sriWithHistory();
    const officer = await as('petugas.kenanga');
    const received = await erasureRequest(sri, false);
    const early = await officer.request({ method: 'POST', url: `/api/v1/data-subject-requests/${received.id}/erasure`, payload: { categories: ['telepon'], version: received.version } });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('Ubah permintaan ke "Diproses" lebih dulu, lalu hapus datanya.');

    const request = await erasureRequest(sri);
    const url = `/api/v1/data-subject-requests/${request.id}/erasure`;
    const stale = await officer.request({ method: 'POST', url, payload: { categories: ['telepon'], version: received.version } });
    expect(stale.statusCode).toBe(409);
    const bare = await officer.request({ method: 'POST', url, payload: { categories: [], version: request.version } });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.details).toEqual([expect.objectContaining({ path: 'note' })]);
    const twice = await officer.request({ method: 'POST', url, payload: { categories: ['telepon', 'telepon'], version: request.version } });
    expect(twice.statusCode).toBe(400);
    const unknown = await officer.request({ method: 'POST', url, payload: { categories: ['nik'], version: request.version } });
    expect(unknown.statusCode).toBe(400);
    expect((await t.pool.query(`SELECT phone FROM people WHERE id = $1`, [sri])).rows[0].phone).toBe('081377778888');

    const answered = await officer.request({
      method: 'POST',
      url,
      payload: { categories: [], note: 'Data yang diminta (riwayat keberangkatan) wajib disimpan desa menurut UU 18/2017 Pasal 42; pemrosesannya dibatasi.', version: request.version },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'selesai', erasure: { categories: [], items: [], filesRemoved: 0 } });
    expect(answered.json().statusReason).toContain('pemrosesannya dibatasi');
    expect((await t.pool.query(`SELECT phone FROM people WHERE id = $1`, [sri])).rows[0].phone).toBe('081377778888');
  });

  it('is refused outside the village, to another regency and to roles that do not handle requests, and changes nothing', async () => {
    const { sri, storageId } = await sriWithHistory();
    const request = await erasureRequest(sri);
    for (const username of ['petugas.kuripan', 'disnaker.wonosobo', 'mitra.kemenkes', 'koperasi.kenanga', 'kemnaker']) {
      const s = await as(username);
      const preview = await s.request({ method: 'GET', url: `/api/v1/data-subject-requests/${request.id}/erasure-preview` });
      expect(preview.statusCode, username).toBe(403);
      const erase = await s.request({ method: 'POST', url: `/api/v1/data-subject-requests/${request.id}/erasure`, payload: { categories: ['telepon', 'pindaian_dokumen'], version: request.version } });
      expect(erase.statusCode, username).toBe(403);
    }
    expect((await t.pool.query(`SELECT phone FROM people WHERE id = $1`, [sri])).rows[0].phone).toBe('081377778888');
    expect(existsSync(scanFile(storageId))).toBe(true);
    expect((await t.pool.query(`SELECT status, erasure FROM data_subject_requests WHERE id = $1`, [request.id])).rows[0]).toEqual({ status: 'diproses', erasure: null });

    // The regency coordinator acts for the village.
    const coordinator = await as('disnaker.indramayu');
    const done = await coordinator.request({ method: 'POST', url: `/api/v1/data-subject-requests/${request.id}/erasure`, payload: { categories: ['telepon'], version: request.version } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().erasure.erasedByName).not.toBe('Siti Rohmah');
  });

  it('clears the phone from an open sync conflict, so settling it cannot write the number back', async () => {
    const { sri } = await sriWithHistory();
    const { rows } = await t.pool.query(`SELECT id FROM users WHERE username = 'petugas.kenanga'`);
    const officerId: string = rows[0].id;
    const client = '01900000-0000-7000-8000-0000000000c1';
    const mutation = '01900000-0000-7000-8000-0000000000c2';
    const conflict = '01900000-0000-7000-8000-0000000000c3';
    await t.pool.query(`INSERT INTO sync_clients (client_id, user_id, last_seq) VALUES ($1, $2, 1)`, [client, officerId]);
    await t.pool.query(`INSERT INTO sync_mutations (id, client_id, seq, name, status, made_at) VALUES ($1, $2, 1, 'person.update', 'conflict', now())`, [mutation, client]);
    await t.pool.query(
      `INSERT INTO sync_conflicts (id, village_code, table_name, record_id, record_label, mutation_id, fields, created_by)
       VALUES ($1, $2, 'people', $3, 'Sri', $4, $5, $6)`,
      [
        conflict,
        KENANGA,
        sri,
        mutation,
        JSON.stringify([
          { field: 'phone', base: '081200000000', theirs: '081377778888', mine: '081399990000' },
          { field: 'address', base: 'Blok A', theirs: 'Blok B', mine: 'Blok C' },
        ]),
        officerId,
      ],
    );
    const request = await erasureRequest(sri);
    const officer = await as('petugas.kenanga');
    const res = await officer.request({ method: 'POST', url: `/api/v1/data-subject-requests/${request.id}/erasure`, payload: { categories: ['telepon'], version: request.version } });
    expect(res.statusCode, res.body).toBe(200);
    const left = await t.pool.query(`SELECT fields FROM sync_conflicts WHERE id = $1`, [conflict]);
    expect(left.rows[0].fields).toEqual([
      { field: 'phone', base: null, theirs: null, mine: null },
      { field: 'address', base: 'Blok A', theirs: 'Blok B', mine: 'Blok C' },
    ]);
  });

  it('finishes removing a scan file that could not be removed, when the officer confirms again', async () => {
    const { sri, storageId } = await sriWithHistory();
    // Something in the way of the removal: the file's place is taken by a folder.
    rmSync(scanFile(storageId));
    mkdirSync(scanFile(storageId));
    writeFileSync(path.join(scanFile(storageId), 'x'), 'x');
    const request = await erasureRequest(sri);
    const officer = await as('petugas.kenanga');
    const url = `/api/v1/data-subject-requests/${request.id}/erasure`;
    const payload = { categories: ['pindaian_dokumen'], version: request.version };
    const failed = await officer.request({ method: 'POST', url, payload });
    expect(failed.statusCode).toBe(503);
    expect(failed.json().error.message).toBe('Data sudah dihapus, tetapi sebagian berkas pindaian belum terhapus dari penyimpanan. Tekan "Hapus data" sekali lagi.');
    // The erasure itself is committed; the file waits on the request.
    const pending = await t.pool.query(`SELECT status, erasure_files FROM data_subject_requests WHERE id = $1`, [request.id]);
    expect(pending.rows[0]).toEqual({ status: 'selesai', erasure_files: [storageId] });
    rmSync(scanFile(storageId), { recursive: true });
    writeFileSync(scanFile(storageId), 'scan');
    const retried = await officer.request({ method: 'POST', url, payload });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(existsSync(scanFile(storageId))).toBe(false);
    expect((await t.pool.query(`SELECT erasure_files FROM data_subject_requests WHERE id = $1`, [request.id])).rows[0].erasure_files).toBeNull();
  });
});

describe('breach-response report', () => {
  it("lists whose data an account read or changed in the window, by person and by village", async () => {
    const read = await resident();
    const changed = await resident();
    const untouched = await resident();
    const { rows } = await t.pool.query(`SELECT id FROM users WHERE username = 'kades.kenanga'`);
    const headId: string = rows[0].id;
    const head = await as('kades.kenanga');
    await head.request({ method: 'GET', url: `/api/v1/people/${read}` });
    const current = await head.request({ method: 'GET', url: `/api/v1/people/${changed}` });
    await head.request({ method: 'PATCH', url: `/api/v1/people/${changed}`, payload: { phone: '081200000000', version: current.json().version } });

    const admin = await as('admin');
    const url = (from: string, to: string) => `/api/v1/privacy/breach-report?userId=${headId}&from=${from}&to=${to}`;
    const res = await admin.request({ method: 'GET', url: url('2020-01-01', '2099-12-31') });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.user).toMatchObject({ username: 'kades.kenanga', role: 'kepala_desa', scopeCode: KENANGA });
    const byId = new Map(report.people.map((p: { personId: string }) => [p.personId, p]));
    expect(byId.get(read)).toMatchObject({ villageCode: KENANGA, reads: 1, writes: 0 });
    expect(byId.get(changed)).toMatchObject({ reads: 1, writes: 1 });
    expect(byId.has(untouched)).toBe(false);
    expect(report.villages).toEqual([expect.objectContaining({ villageCode: KENANGA, villageName: 'Kenanga', people: report.people.length })]);

    const before = await admin.request({ method: 'GET', url: url('2020-01-01', '2020-12-31') });
    expect(before.json()).toMatchObject({ totalEntries: 0, people: [], villages: [] });
    const xlsx = await admin.request({ method: 'GET', url: url('2020-01-01', '2099-12-31').replace('breach-report', 'breach-report.xlsx') });
    expect(xlsx.statusCode).toBe(200);
    const book = await sheets(xlsx.rawPayload);
    expect(book.get('Orang')!.slice(1).map((r) => r[0])).toEqual(expect.arrayContaining([read, changed]));
    expect(book.get('Desa')![1]).toEqual([KENANGA, 'Kenanga', String(report.people.length), String(report.villages[0].entries)]);
    const bad = await admin.request({ method: 'GET', url: url('2026-02-01', '2026-01-01') });
    expect(bad.statusCode).toBe(400);
  });

  it('is for the national admin only', async () => {
    const { rows } = await t.pool.query(`SELECT id FROM users WHERE username = 'petugas.kenanga'`);
    for (const username of ['disnaker.indramayu', 'kemnaker', 'petugas.kenanga', 'mitra.kemenkes']) {
      const s = await as(username);
      const res = await s.request({ method: 'GET', url: `/api/v1/privacy/breach-report?userId=${rows[0].id}&from=2020-01-01&to=2099-12-31` });
      expect(res.statusCode, username).toBe(403);
    }
    // An admin limited to a regency may not trace accounts nationally, nor change national rules.
    await t.pool.query(
      `INSERT INTO users (id, username, full_name, role, scope_code, password_hash)
       SELECT '01900000-0000-7000-8000-0000000000b1', 'admin.indramayu', 'Admin Indramayu', 'admin', '3212', password_hash FROM users WHERE username = 'admin'`,
    );
    const regional = await as('admin.indramayu');
    const report = await regional.request({ method: 'GET', url: `/api/v1/privacy/breach-report?userId=${rows[0].id}&from=2020-01-01&to=2099-12-31` });
    expect(report.statusCode).toBe(403);
    const purge = await regional.request({ method: 'POST', url: '/api/v1/privacy/retention-rules/import-rejects/purge' });
    expect(purge.statusCode).toBe(403);
  });
});
