import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
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
       SELECT $1, $2, 'penduduk.csv', 10, 'nik,nama'::bytea, 'selesai', 2, 2, 2, id, now() - make_interval(months => $3), now() - make_interval(months => $3)
         FROM users WHERE username = 'petugas.kenanga'`,
      [id, KENANGA, finishedMonthsAgo],
    );
    for (const row of [2, 3]) {
      await t.pool.query(`INSERT INTO import_rejects (job_id, row_number, raw, problems) VALUES ($1, $2, $3, '[]')`, [id, row, JSON.stringify({ nik: '32121652039000', nama: 'Siti' })]);
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

  it('lists consents past their end date and guardian consents of children who have turned 18', async () => {
    const lapsed = await resident();
    const grownUp = await resident({ birthDate: '2006-01-15' });
    const guardian = await resident();
    const current = await resident();
    const officer = await as('petugas.kenanga');
    const consent = async (person: string, payload: object) =>
      (await officer.request({ method: 'POST', url: `/api/v1/people/${person}/consents`, payload: { basis: 'persetujuan', givenByName: 'Wali', ...payload } })).json().consents.at(-1).id;
    const lapsedId = await consent(lapsed, {});
    const currentId = await consent(current, {});
    await consent(grownUp, { guardianPersonId: guardian, guardianRelationship: 'ibu' });
    await t.pool.query(`UPDATE person_consents SET expires_at = '2025-12-31' WHERE id = $1`, [lapsedId]);
    await t.pool.query(`UPDATE person_consents SET expires_at = '2099-12-31' WHERE id = $1`, [currentId]);

    const res = await officer.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/expired-consents` });
    expect(res.statusCode).toBe(200);
    const items = res.json().items.filter((i: { personId: string }) => [lapsed, grownUp, current].includes(i.personId));
    expect(items.map((i: { personId: string; reason: string; expiresOn: string }) => [i.personId, i.reason, i.expiresOn])).toEqual([
      [lapsed, 'tanggal', '2025-12-31'],
      [grownUp, 'dewasa', '2024-01-15'],
    ].sort((a, b) => a[2]!.localeCompare(b[2]!)));
    const outsider = await as('petugas.kuripan');
    expect((await outsider.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/expired-consents` })).statusCode).toBe(403);
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
