import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/support.js';

const t = useTestApp();
const KENANGA = '3212162004';
const people = `/api/v1/villages/${KENANGA}/people`;

async function officer() {
  return t.login('petugas.kenanga');
}

describe('recording a person', () => {
  it('records a woman with a real NIK and decodes nothing wrong', async () => {
    const s = await officer();
    const res = await s.request({
      method: 'POST',
      url: people,
      payload: { nik: '3212 1652 0390 0001', name: 'Sri Wahyuni', sex: 2, birthPlace: 'Indramayu', birthDate: '1990-03-12', dusun: 'Kenanga Lor', rt: '002', rw: '001' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ nik: '3212165203900001', nikMasked: false, nikTemporary: false, name: 'Sri Wahyuni', migrantStatus: 'bukan_pmi', nikIssues: [] });
  });

  it('explains a bad NIK in Indonesian and records nothing', async () => {
    const s = await officer();
    const short = await s.request({ method: 'POST', url: people, payload: { nik: '321216520390001', name: 'Lima Belas', sex: 2 } });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details).toEqual([{ path: 'nik', message: 'NIK harus 16 digit angka' }]);
    const impossible = await s.request({ method: 'POST', url: people, payload: { nik: '3212163213900001', name: 'Tanggal Salah', sex: 1 } });
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().error.details[0].path).toBe('nik');
    const future = await s.request({ method: 'POST', url: people, payload: { nik: '3212165203900009', name: 'Masa Depan', sex: 2, birthDate: '2999-01-01' } });
    expect(future.json().error.details).toEqual([{ path: 'birthDate', message: 'Tanggal lahir tidak boleh di masa depan' }]);
    const { rowCount } = await t.pool.query(`SELECT 1 FROM people WHERE name IN ('Lima Belas', 'Tanggal Salah', 'Masa Depan')`);
    expect(rowCount).toBe(0);
  });

  it('keeps a NIK whose birth date disagrees with the recorded one, with a warning', async () => {
    const s = await officer();
    const res = await s.request({ method: 'POST', url: people, payload: { nik: '3212160101850003', name: 'Karta', sex: 1, birthDate: '1985-01-02' } });
    expect(res.statusCode).toBe(201);
    expect(res.json().nikIssues).toEqual([expect.objectContaining({ code: 'NIK_BIRTH_DATE_MISMATCH', severity: 'warning' })]);
  });

  it('accepts a temporary NIK (0 + village code + sequence) and marks it', async () => {
    const s = await officer();
    const res = await s.request({ method: 'POST', url: people, payload: { nik: '0321216200400001', name: 'Belum Ber-NIK', sex: 1 } });
    expect(res.statusCode).toBe(201);
    expect(res.json().nikTemporary).toBe(true);
  });

  it('flags the same NIK recorded twice but never blocks it', async () => {
    const kenanga = await officer();
    const kuripan = await t.login('petugas.kuripan');
    const a = await kenanga.request({ method: 'POST', url: people, payload: { nik: '3212164708950004', name: 'Dewi Lestari', sex: 2, birthDate: '1995-08-07' } });
    const b = await kuripan.request({
      method: 'POST',
      url: '/api/v1/villages/3307102004/people',
      payload: { nik: '3212164708950004', name: 'Dewi Lestari', sex: 2, birthDate: '1995-08-07' },
    });
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.json().nikDuplicateCount).toBe(1);
    const list = await kenanga.request({ method: 'GET', url: `${people}?q=3212164708950004` });
    expect(list.json().items).toEqual([expect.objectContaining({ name: 'Dewi Lestari', nikDuplicateCount: 1 })]);
  });

  it('answers the same new record sent twice by a device with the same record, not two', async () => {
    const s = await officer();
    const id = '01934e3a-7b2c-7000-8000-00000000abcd';
    const body = { id, nik: '3212161212000005', name: 'Ulang Kirim', sex: 1, birthDate: '2000-12-12' };
    const first = await s.request({ method: 'POST', url: people, payload: body });
    const second = await s.request({ method: 'POST', url: people, payload: body });
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    const { rows } = await t.pool.query(`SELECT count(*)::int AS n FROM people WHERE id = $1`, [id]);
    expect(rows[0].n).toBe(1);
  });
});

describe('migrant status history', () => {
  it('keeps every status change as a dated event; the latest effective one is current', async () => {
    const s = await officer();
    const created = await s.request({ method: 'POST', url: people, payload: { nik: '3212164403920006', name: 'Tarsih', sex: 2, birthDate: '1992-03-04' } });
    const id = created.json().id;
    await s.request({ method: 'POST', url: `/api/v1/people/${id}/migrant-status`, payload: { status: 'calon_pmi', effectiveDate: '2022-09-01' } });
    await s.request({ method: 'POST', url: `/api/v1/people/${id}/migrant-status`, payload: { status: 'pmi', effectiveDate: '2023-02-01', note: 'Berangkat ke Taiwan' } });
    const back = await s.request({ method: 'POST', url: `/api/v1/people/${id}/migrant-status`, payload: { status: 'purna_pmi', effectiveDate: '2025-02-01' } });
    expect(back.json().migrantStatus).toBe('purna_pmi');
    // Recorded late: an event dated earlier does not replace the current status.
    const late = await s.request({ method: 'POST', url: `/api/v1/people/${id}/migrant-status`, payload: { status: 'calon_pmi', effectiveDate: '2022-06-01' } });
    expect(late.json().migrantStatus).toBe('purna_pmi');
    expect(late.json().statusHistory.map((e: { status: string; effectiveDate: string }) => [e.status, e.effectiveDate])).toEqual([
      ['purna_pmi', '2025-02-01'],
      ['pmi', '2023-02-01'],
      ['calon_pmi', '2022-09-01'],
      ['calon_pmi', '2022-06-01'],
    ]);
    const future = await s.request({ method: 'POST', url: `/api/v1/people/${id}/migrant-status`, payload: { status: 'pmi', effectiveDate: '2999-01-01' } });
    expect(future.json().error.details).toEqual([{ path: 'effectiveDate', message: 'Tanggal berlaku tidak boleh di masa depan' }]);
  });
});

describe('families', () => {
  it('keeps a family when its KK number changes, with the old number in its history', async () => {
    const s = await officer();
    const family = await s.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/families`, payload: { noKk: '3212161203150007', dusun: 'Kenanga Kidul' } });
    expect(family.statusCode).toBe(201);
    const familyId = family.json().id;
    await s.request({ method: 'POST', url: people, payload: { nik: '3212160505800008', name: 'Dasim', sex: 1, birthDate: '1980-05-05', familyId, familyRelationship: 1 } });
    // Recorded as KEPALA KELUARGA of a family without a head: he became its head.
    const withHead = (await s.request({ method: 'GET', url: `/api/v1/families/${familyId}` })).json();
    expect(withHead.headName).toBe('Dasim');
    const changed = await s.request({
      method: 'PATCH',
      url: `/api/v1/families/${familyId}`,
      payload: { noKk: '3212160102240009', noKkValidFrom: '2024-02-01', version: withHead.version },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ id: familyId, noKk: '3212160102240009', headName: 'Dasim' });
    // The first card counts from its issue date in the number (12-03-2015) to the day before the new one.
    expect(changed.json().noKkHistory).toEqual([
      { noKk: '3212160102240009', validFrom: '2024-02-01', validTo: null },
      { noKk: '3212161203150007', validFrom: '2015-03-12', validTo: '2024-01-31' },
    ]);
    const older = await s.request({
      method: 'PATCH',
      url: `/api/v1/families/${familyId}`,
      payload: { noKk: '3212160101100017', noKkValidFrom: '2010-01-01', version: changed.json().version },
    });
    expect(older.json().error.details).toEqual([{ path: 'noKkValidFrom', message: 'Tanggal KK baru harus sesudah tanggal KK lama (01-02-2024)' }]);
    const again = await s.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/families`, payload: { noKk: '3212160102240009' } });
    expect(again.statusCode).toBe(409);
    const badKk = await s.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/families`, payload: { noKk: '9912160102240009' } });
    expect(badKk.statusCode).toBe(400);
    expect(badKk.json().error.details[0].path).toBe('noKk');
    const otherProvince = await s.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/families`, payload: { noKk: '3307100102240001' } });
    expect(otherProvince.json().error.details).toEqual([
      { path: 'noKk', message: 'No. KK ini diterbitkan di provinsi lain (kode 33); keluarga yang pindah mendapat KK baru dari Dukcapil setempat' },
    ]);
  });

  it('links a migrant to the spouse and children left behind', async () => {
    const s = await officer();
    const migrant = (await s.request({ method: 'POST', url: people, payload: { nik: '3212165506880010', name: 'Rumini', sex: 2, birthDate: '1988-06-15', migrantStatus: 'pmi' } })).json();
    const husband = (await s.request({ method: 'POST', url: people, payload: { nik: '3212160303850011', name: 'Sanusi', sex: 1, birthDate: '1985-03-03', migrantStatus: 'keluarga_pmi' } })).json();
    const linked = await s.request({ method: 'POST', url: `/api/v1/people/${migrant.id}/links`, payload: { relativeId: husband.id, relation: 'pasangan' } });
    expect(linked.json().links).toEqual([expect.objectContaining({ relation: 'pasangan', direction: 'left_behind', other: { id: husband.id, name: 'Sanusi', migrantStatus: 'keluarga_pmi' } })]);
    const fromHusband = (await s.request({ method: 'GET', url: `/api/v1/people/${husband.id}` })).json();
    expect(fromHusband.links[0]).toMatchObject({ direction: 'migrant', other: { name: 'Rumini' } });
    const self = await s.request({ method: 'POST', url: `/api/v1/people/${migrant.id}/links`, payload: { relativeId: migrant.id, relation: 'anak' } });
    expect(self.json().error.details).toEqual([{ path: 'relativeId', message: 'Pilih orang lain, bukan dirinya sendiri' }]);
  });
});

describe('consent and lawful basis', () => {
  it('records the legal duty, and for a child asks who consented on their behalf', async () => {
    const s = await officer();
    const child = (await s.request({ method: 'POST', url: people, payload: { nik: '3212164909170012', name: 'Nayla', sex: 2, birthDate: '2017-09-09' } })).json();
    const bare = await s.request({ method: 'POST', url: `/api/v1/people/${child.id}/consents`, payload: { basis: 'persetujuan', givenByName: 'Nayla' } });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.details[0].path).toBe('guardianRelationship');
    const ok = await s.request({ method: 'POST', url: `/api/v1/people/${child.id}/consents`, payload: { basis: 'persetujuan', givenByName: 'Sanusi', guardianRelationship: 'ayah' } });
    expect(ok.json().consents).toEqual([expect.objectContaining({ basis: 'persetujuan', givenByName: 'Sanusi', guardianRelationship: 'ayah', withdrawnAt: null })]);
    const consentId = ok.json().consents[0].id;
    const withdrawn = await s.request({ method: 'POST', url: `/api/v1/people/${child.id}/consents/${consentId}/withdraw` });
    expect(withdrawn.json().consents[0].withdrawnAt).not.toBeNull();
    const twice = await s.request({ method: 'POST', url: `/api/v1/people/${child.id}/consents/${consentId}/withdraw` });
    expect(twice.statusCode).toBe(404);
  });
});

describe('the registry list', () => {
  it('filters by migrant status, dusun, sex and age band and searches names with spelling variants', async () => {
    const s = await officer();
    const add = (payload: object) => s.request({ method: 'POST', url: people, payload });
    await add({ nik: '3212160101700013', name: 'Muhammad Yusuf', sex: 1, birthDate: '1970-01-01', dusun: 'Blok Uji Satu', migrantStatus: 'purna_pmi' });
    await add({ nik: '3212164101050014', name: 'Sitti Maryam', sex: 2, birthDate: '2005-01-01', dusun: 'Blok Uji Satu', migrantStatus: 'calon_pmi' });
    await add({ nik: '3212160101100015', name: 'Bagas', sex: 1, birthDate: '2010-01-01', dusun: 'Blok Uji Dua' });
    const q = async (query: string) => (await s.request({ method: 'GET', url: `${people}?${query}` })).json();
    expect((await q('migrantStatus=purna_pmi')).items.map((p: { name: string }) => p.name)).toContain('Muhammad Yusuf');
    expect((await q('dusun=blok uji satu')).items.map((p: { name: string }) => p.name).sort()).toEqual(['Muhammad Yusuf', 'Sitti Maryam']);
    expect((await q('dusun=Blok Uji Satu&sex=2')).items.map((p: { name: string }) => p.name)).toEqual(['Sitti Maryam']);
    expect((await q('ageBand=6-17&dusun=Blok Uji Dua')).items.map((p: { name: string }) => p.name)).toEqual(['Bagas']);
    expect((await q('q=moh yusuf')).items.map((p: { name: string }) => p.name)).toEqual(['Muhammad Yusuf']);
    expect((await q('q=siti maryam')).items.map((p: { name: string }) => p.name)).toEqual(['Sitti Maryam']);
    const bad = await s.request({ method: 'GET', url: `${people}?ageBand=tua` });
    expect(bad.json().error.details).toEqual([{ path: 'ageBand', message: 'Kelompok umur tidak dikenal' }]);
  });

  it('masks NIK and No. KK for a coordinator, shows them to the village officer', async () => {
    const coordinator = await t.login('disnaker.indramayu');
    const list = (await coordinator.request({ method: 'GET', url: `${people}?pageSize=20` })).json();
    expect(list.items.length).toBeGreaterThan(0);
    for (const p of list.items) {
      expect(p.nikMasked).toBe(true);
      expect(p.nik).toMatch(/^\d{4}•{8}\d{4}$/);
    }
    const families = (await coordinator.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/families` })).json();
    expect(families.items[0].noKk).toMatch(/^\d{4}•{8}\d{4}$/);
  });

  it('refuses an edit on a stale copy and keeps the newer change', async () => {
    const s = await officer();
    const created = (await s.request({ method: 'POST', url: people, payload: { nik: '3212160202020016', name: 'Wartini', sex: 2 } })).json();
    const first = await s.request({ method: 'PATCH', url: `/api/v1/people/${created.id}`, payload: { phone: '081212121212', version: created.version } });
    expect(first.statusCode).toBe(200);
    const stale = await s.request({ method: 'PATCH', url: `/api/v1/people/${created.id}`, payload: { phone: '089999999999', version: created.version } });
    expect(stale.statusCode).toBe(409);
    expect((await s.request({ method: 'GET', url: `/api/v1/people/${created.id}` })).json().phone).toBe('081212121212');
    const audit = await t.pool.query(`SELECT before, after FROM audit_log WHERE entity_type = 'person' AND entity_id = $1 AND action = 'update'`, [created.id]);
    expect(audit.rows).toEqual([{ before: { phone: null }, after: { phone: '081212121212' } }]);
  });

  it('gives a partner ministry nothing from the registry', async () => {
    const mitra = await t.login('mitra.kemenkes');
    expect((await mitra.request({ method: 'GET', url: people })).statusCode).toBe(403);
  });
});

describe('the families list', () => {
  it('orders families by their head\'s name, families without a head last, across pages', async () => {
    const s = await t.login('petugas.kuripan');
    const village = '3307102004';
    const family = async (noKk: string) =>
      (await s.request({ method: 'POST', url: `/api/v1/villages/${village}/families`, payload: { noKk } })).json().id as string;
    const head = async (familyId: string, nik: string, name: string) =>
      s.request({ method: 'POST', url: `/api/v1/villages/${village}/people`, payload: { nik, name, sex: 1, familyId, familyRelationship: 1 } });
    const [zainal, ahmad, none, budi] = [await family('3307100101200001'), await family('3307100101200002'), await family('3307100101200003'), await family('3307100101200004')];
    await head(zainal, '3307100101800001', 'Zainal Arifin');
    await head(ahmad, '3307100101800002', 'Ahmad Fauzi');
    await head(budi, '3307100101800003', 'Budi Santoso');
    const page = async (n: number) =>
      (await s.request({ method: 'GET', url: `/api/v1/villages/${village}/families?pageSize=2&page=${n}` })).json();
    const first = await page(1);
    const second = await page(2);
    expect(first.total).toBe(4);
    expect(first.items.map((f: { id: string; headName: string | null }) => [f.id, f.headName])).toEqual([
      [ahmad, 'Ahmad Fauzi'],
      [budi, 'Budi Santoso'],
    ]);
    expect(second.items.map((f: { id: string; headName: string | null; memberCount: number }) => [f.id, f.headName, f.memberCount])).toEqual([
      [zainal, 'Zainal Arifin', 1],
      [none, null, 0],
    ]);
    const byName = (await s.request({ method: 'GET', url: `/api/v1/villages/${village}/families?q=budi` })).json();
    expect(byName.items.map((f: { id: string }) => f.id)).toEqual([budi]);
  });
});

describe('replacing a temporary family card number', () => {
  it('takes the real number the same day, with its own (older) issue date', async () => {
    const s = await officer();
    const created = await s.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/families`, payload: { noKk: '0321216200400077' } });
    expect(created.statusCode).toBe(201);
    expect(created.json().noKkTemporary).toBe(true);
    const real = await s.request({
      method: 'PATCH',
      url: `/api/v1/families/${created.json().id}`,
      payload: { noKk: '3212162009180011', version: created.json().version },
    });
    expect(real.statusCode, real.body).toBe(200);
    expect(real.json()).toMatchObject({ noKk: '3212162009180011', noKkTemporary: false });
    expect(real.json().noKkHistory[0]).toEqual({ noKk: '3212162009180011', validFrom: '2018-09-20', validTo: null });
    expect(real.json().noKkHistory[1].noKk).toBe('0321216200400077');
  });
});
