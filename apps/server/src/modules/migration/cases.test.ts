import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/support.js';

const t = useTestApp();
const KENANGA = '3212162004';
const KURIPAN = '3307102004';

async function residentIn(username: string, village: string, payload: Record<string, unknown>): Promise<string> {
  const s = await t.login(username);
  const res = await s.request({ method: 'POST', url: `/api/v1/villages/${village}/people`, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function openCase(extra: Record<string, unknown> = {}) {
  const migrantPersonId = await residentIn('petugas.kenanga', KENANGA, { nik: `32121652039${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`, name: 'Darminah', sex: 2 });
  const s = await t.login('petugas.kenanga');
  const res = await s.request({
    method: 'POST',
    url: `/api/v1/villages/${KENANGA}/cases`,
    payload: { migrantPersonId, reporterName: 'Kasturi', reporterRelation: 'orang_tua', reporterPhone: '081398765432', caseType: 'gaji_tidak_dibayar', description: 'Gaji empat bulan belum dibayar oleh majikan', incidentCountry: 'my', ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function sheetOf(raw: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(raw as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

describe('a family complaint (kasus)', () => {
  it('opens as baru with a 24-hour deadline, a timeline and an audit entry', async () => {
    const before = Date.now();
    const created = await openCase();
    expect(created).toMatchObject({
      villageCode: KENANGA,
      villageName: 'Kenanga',
      migrantName: 'Darminah',
      reporterName: 'Kasturi',
      reporterRelation: 'orang_tua',
      caseType: 'gaji_tidak_dibayar',
      incidentCountry: 'MY',
      status: 'baru',
      overdue: false,
      closedAt: null,
      allowedTransitions: ['ditangani_desa', 'dirujuk_kabupaten'],
      canAddNote: true,
    });
    const due = Date.parse(created.dueAt) - Date.parse(created.statusSince);
    expect(due).toBe(24 * 3600_000);
    expect(Date.parse(created.statusSince)).toBeGreaterThanOrEqual(before - 1000);
    expect(created.timeline).toEqual([expect.objectContaining({ kind: 'dibuka', toStatus: 'baru', actorName: 'Siti Rohmah' })]);
    const audit = await t.pool.query(`SELECT action, region_code FROM audit_log WHERE entity_type = 'migration_case' AND entity_id = $1`, [created.id]);
    expect(audit.rows).toEqual([{ action: 'create', region_code: KENANGA }]);
  });

  it('takes a registered reporter, and refuses a migrant or reporter of another village', async () => {
    const kuripanPerson = await residentIn('petugas.kuripan', KURIPAN, { nik: '3307105203900001', name: 'Warga Kuripan', sex: 2 });
    const s = await t.login('petugas.kenanga');
    const foreign = await s.request({
      method: 'POST',
      url: `/api/v1/villages/${KENANGA}/cases`,
      payload: { migrantPersonId: kuripanPerson, reporterName: 'Kasturi', caseType: 'sakit', description: 'Sakit di penampungan agensi' },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details).toEqual([{ path: 'migrantPersonId', message: 'PMI yang dilaporkan harus penduduk terdaftar di desa ini.' }]);
    const noReporter = await s.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/cases`, payload: { migrantPersonId: kuripanPerson, caseType: 'sakit', description: 'Sakit di penampungan agensi' } });
    expect(noReporter.statusCode).toBe(400);
    const { rows } = await t.pool.query(`SELECT id FROM people WHERE village_code = $1 AND name = 'Muhamad Sholeh'`, [KENANGA]);
    const registered = await openCase({ reporterPersonId: rows[0].id, reporterName: null, reporterRelation: 'pasangan' });
    expect(registered.reporterName).toBe('Muhamad Sholeh');
  });

  it('moves baru → ditangani desa → dirujuk kabupaten in the village and is closed by the regency coordinator', async () => {
    const created = await openCase();
    const officer = await t.login('petugas.kenanga');
    const url = `/api/v1/cases/${created.id}/transitions`;

    const skip = await officer.request({ method: 'POST', url, payload: { to: 'selesai', note: 'Beres' } });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.message).toMatch(/tidak dapat langsung dipindah ke "Selesai"/);

    const handled = await officer.request({ method: 'POST', url, payload: { to: 'ditangani_desa', version: created.version } });
    expect(handled.statusCode, handled.body).toBe(200);
    expect(handled.json()).toMatchObject({ status: 'ditangani_desa', allowedTransitions: ['dirujuk_kabupaten', 'selesai'] });
    expect(Date.parse(handled.json().dueAt) - Date.parse(handled.json().statusSince)).toBe(7 * 24 * 3600_000);

    const stale = await officer.request({ method: 'POST', url, payload: { to: 'dirujuk_kabupaten', note: 'x', version: created.version } });
    expect(stale.statusCode).toBe(409);
    const noNote = await officer.request({ method: 'POST', url, payload: { to: 'dirujuk_kabupaten' } });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.details[0]).toMatchObject({ path: 'note' });

    const referred = await officer.request({ method: 'POST', url, payload: { to: 'dirujuk_kabupaten', note: 'Majikan tidak menanggapi; perlu Disnaker.' } });
    expect(referred.statusCode).toBe(200);
    expect(referred.json()).toMatchObject({ status: 'dirujuk_kabupaten', allowedTransitions: [], canAddNote: true });

    // The village may no longer close it, but still adds notes.
    const villageClose = await officer.request({ method: 'POST', url, payload: { to: 'selesai', note: 'Ditutup desa' } });
    expect(villageClose.statusCode).toBe(403);
    expect(villageClose.json().error.message).toMatch(/hanya koordinator kabupaten/);
    const noted = await officer.request({ method: 'POST', url: `/api/v1/cases/${created.id}/notes`, payload: { note: 'Keluarga sudah dikabari.' } });
    expect(noted.statusCode).toBe(200);

    const coordinator = await t.login('disnaker.indramayu');
    const seen = (await coordinator.request({ method: 'GET', url: `/api/v1/cases/${created.id}` })).json();
    expect(seen.allowedTransitions).toEqual(['selesai']);
    const coordNote = await coordinator.request({ method: 'POST', url: `/api/v1/cases/${created.id}/notes`, payload: { note: 'Disnaker menghubungi KBRI Kuala Lumpur.' } });
    expect(coordNote.statusCode).toBe(200);
    const closed = await coordinator.request({ method: 'POST', url, payload: { to: 'selesai', note: 'Gaji dibayar penuh lewat mediasi KBRI.' } });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'selesai', dueAt: null, overdue: false, allowedTransitions: [], canAddNote: false });
    expect(closed.json().closedAt).not.toBeNull();

    const timeline = closed.json().timeline.map((e: { kind: string; fromStatus: string | null; toStatus: string | null; actorName: string | null }) => [e.kind, e.fromStatus, e.toStatus, e.actorName]);
    expect(timeline).toEqual([
      ['dibuka', null, 'baru', 'Siti Rohmah'],
      ['status', 'baru', 'ditangani_desa', 'Siti Rohmah'],
      ['status', 'ditangani_desa', 'dirujuk_kabupaten', 'Siti Rohmah'],
      ['catatan', null, null, 'Siti Rohmah'],
      ['catatan', null, null, 'Koordinator Disnaker Indramayu'],
      ['status', 'dirujuk_kabupaten', 'selesai', 'Koordinator Disnaker Indramayu'],
    ]);
    const afterClose = await officer.request({ method: 'POST', url: `/api/v1/cases/${created.id}/notes`, payload: { note: 'Terlambat' } });
    expect(afterClose.statusCode).toBe(409);
    const reopen = await coordinator.request({ method: 'POST', url, payload: { to: 'baru' } });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json().error.message).toMatch(/sudah selesai/);

    const audit = await t.pool.query(`SELECT action, actor_username, before, after FROM audit_log WHERE entity_id = $1 ORDER BY id`, [created.id]);
    expect(audit.rows.map((r) => `${r.action}:${r.actor_username}`)).toEqual([
      'create:petugas.kenanga',
      'transition:petugas.kenanga',
      'transition:petugas.kenanga',
      'add_note:petugas.kenanga',
      'add_note:disnaker.indramayu',
      'transition:disnaker.indramayu',
    ]);
    expect(audit.rows[5]).toMatchObject({ before: { status: 'dirujuk_kabupaten' }, after: { status: 'selesai', note: 'Gaji dibayar penuh lewat mediasi KBRI.' } });
  });

  it('does not let the coordinator mark a case handled by the village, nor the ministry or the cooperative move it', async () => {
    const created = await openCase();
    const url = `/api/v1/cases/${created.id}/transitions`;
    const coordinator = await t.login('disnaker.indramayu');
    const refused = await coordinator.request({ method: 'POST', url, payload: { to: 'ditangani_desa' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/dipilih oleh petugas desa/);
    for (const username of ['kemnaker', 'koperasi.kenanga', 'mitra.kemenkes']) {
      const s = await t.login(username);
      expect((await s.request({ method: 'POST', url, payload: { to: 'ditangani_desa' } })).statusCode, username).toBe(403);
    }
    const ministry = await t.login('kemnaker');
    const read = await ministry.request({ method: 'GET', url: `/api/v1/cases/${created.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ allowedTransitions: [], canAddNote: false });
    const { rows } = await t.pool.query(`SELECT status FROM migration_cases WHERE id = $1`, [created.id]);
    expect(rows[0].status).toBe('baru');
  });
});

describe('case lists', () => {
  it('shows the village its cases with filters, overdue first', async () => {
    const s = await t.login('petugas.kenanga');
    const all = await s.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/cases` });
    expect(all.statusCode).toBe(200);
    const items = all.json().items as Array<{ migrantName: string; status: string; overdue: boolean; villageCode: string }>;
    // The demo seed: Wahyu Hidayat's lost-contact case was referred 16 days ago (the regency has 14).
    expect(items[0]).toMatchObject({ migrantName: 'Wahyu Hidayat', status: 'dirujuk_kabupaten', overdue: true });
    const overdue = await s.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/cases?overdue=true` });
    expect(overdue.json().items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    expect(overdue.json().total).toBeGreaterThan(0);
    const sick = await s.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/cases?type=sakit&status=baru` });
    expect(sick.json().items.map((i: { migrantName: string }) => i.migrantName)).toEqual(['Sri Mulyani']);
    const paged = await s.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/cases?pageSize=1&page=2` });
    expect(paged.json()).toMatchObject({ page: 2, pageSize: 1, total: all.json().total });
    expect(paged.json().items).toHaveLength(1);
  });

  it("gives each coordinator their regency's cases, referred ones first, and refuses another regency's village", async () => {
    const kuripanPerson = await residentIn('petugas.kuripan', KURIPAN, { nik: '3307105203900002', name: 'Endah Wonosobo', sex: 2 });
    const kuripan = await t.login('petugas.kuripan');
    const kuripanCase = await kuripan.request({ method: 'POST', url: `/api/v1/villages/${KURIPAN}/cases`, payload: { migrantPersonId: kuripanPerson, reporterName: 'Sutrisno', caseType: 'ditahan', description: 'Ditahan imigrasi Malaysia tanpa paspor' } });
    expect(kuripanCase.statusCode).toBe(201);

    const indramayu = await t.login('disnaker.indramayu');
    const referred = await indramayu.request({ method: 'GET', url: '/api/v1/cases?status=dirujuk_kabupaten' });
    expect(referred.statusCode).toBe(200);
    expect(referred.json().items.length).toBeGreaterThan(0);
    expect(referred.json().items.every((i: { status: string; villageCode: string }) => i.status === 'dirujuk_kabupaten' && i.villageCode.startsWith('3212'))).toBe(true);
    const mine = await indramayu.request({ method: 'GET', url: '/api/v1/cases?pageSize=200' });
    expect(mine.json().items.map((i: { id: string }) => i.id)).not.toContain(kuripanCase.json().id);
    expect(mine.json().items[0]).toMatchObject({ status: 'dirujuk_kabupaten', overdue: true });

    const wonosobo = await t.login('disnaker.wonosobo');
    const theirs = (await wonosobo.request({ method: 'GET', url: '/api/v1/cases' })).json().items;
    expect(theirs.map((i: { id: string }) => i.id)).toEqual([kuripanCase.json().id]);
    expect((await wonosobo.request({ method: 'GET', url: `/api/v1/cases?within=${KENANGA}` })).statusCode).toBe(403);
    expect((await wonosobo.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/cases` })).statusCode).toBe(403);
    const seedCase = referred.json().items[0].id;
    expect((await wonosobo.request({ method: 'GET', url: `/api/v1/cases/${seedCase}` })).statusCode).toBe(403);
    expect((await wonosobo.request({ method: 'POST', url: `/api/v1/cases/${seedCase}/transitions`, payload: { to: 'selesai', note: 'x' } })).statusCode).toBe(403);
    expect((await wonosobo.request({ method: 'POST', url: `/api/v1/cases/${seedCase}/notes`, payload: { note: 'Catatan luar' } })).statusCode).toBe(403);
    expect((await kuripan.request({ method: 'GET', url: `/api/v1/cases/${seedCase}` })).statusCode).toBe(403);
    expect((await kuripan.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/cases`, payload: { migrantPersonId: kuripanPerson, reporterName: 'X Y', caseType: 'lainnya', description: 'Tidak boleh masuk desa lain' } })).statusCode).toBe(403);

    // A village user's list is their village; the ministry sees the country; mitra nothing.
    const village = (await kuripan.request({ method: 'GET', url: '/api/v1/cases' })).json().items;
    expect(village.every((i: { villageCode: string }) => i.villageCode === KURIPAN)).toBe(true);
    const national = (await (await t.login('kemnaker')).request({ method: 'GET', url: '/api/v1/cases?pageSize=200' })).json().items;
    expect(new Set(national.map((i: { villageCode: string }) => i.villageCode))).toEqual(new Set([KENANGA, KURIPAN]));
    expect((await (await t.login('mitra.kemenkes')).request({ method: 'GET', url: '/api/v1/cases' })).statusCode).toBe(403);
  });

  it('exports the scoped list with the same filters, audited', async () => {
    const indramayu = await t.login('disnaker.indramayu');
    const file = await indramayu.request({ method: 'GET', url: '/api/v1/cases/export.xlsx?status=dirujuk_kabupaten' });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain('kasus-3212.xlsx');
    const rows = await sheetOf(file.rawPayload);
    expect(rows[0]).toEqual(expect.arrayContaining(['Desa', 'PMI', 'Jenis kasus', 'Status', 'Batas waktu', 'Lewat batas waktu']));
    const wahyu = rows.find((r) => r[2] === 'Wahyu Hidayat');
    expect(wahyu).toEqual(expect.arrayContaining(['Kenanga', 'Tarmuji', 'Orang tua', 'Hilang kontak', 'Taiwan', 'Dirujuk ke kabupaten', 'Ya']));
    expect(rows.slice(1).every((r) => r[9] === 'Dirujuk ke kabupaten')).toBe(true);
    const audit = await t.pool.query(`SELECT region_code, after FROM audit_log WHERE entity_type = 'cases_export' ORDER BY id DESC LIMIT 1`);
    expect(audit.rows[0]).toMatchObject({ region_code: '3212', after: { rows: rows.length - 1, filter: { status: 'dirujuk_kabupaten' } } });

    const wonosobo = await t.login('disnaker.wonosobo');
    expect((await wonosobo.request({ method: 'GET', url: `/api/v1/cases/export.xlsx?within=${KENANGA}` })).statusCode).toBe(403);
    const theirs = await sheetOf((await wonosobo.request({ method: 'GET', url: '/api/v1/cases/export.xlsx' })).rawPayload);
    expect(theirs.slice(1).some((r) => r[1] === KENANGA)).toBe(false);
  });
});
