import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support.js';
import { insertPerson, KENANGA, KURIPAN, makeNik } from './test-people.js';

const t = useTestApp();
const suggestions = (village: string, query: Record<string, string>) =>
  `/api/v1/villages/${village}/people/duplicate-suggestions?${new URLSearchParams(query).toString()}`;
type Body = { candidates: Array<{ id: string; name: string; nik: string; nikMasked: boolean; score: number; reasons: Array<{ label: string }> }> };
const names = (body: Body) => body.candidates.map((c) => c.name);

const ids: Record<string, string> = {};
const sharedNik = makeNik(KURIPAN, '1985-04-10', 2);

beforeAll(async () => {
  ids.rizki = await insertPerson(t.pool, {
    villageCode: KENANGA, name: 'Muhammad Rizki', birthDate: '1990-05-12', motherName: 'Carsih', fatherName: 'Tarmudi',
  });
  ids.namesake = await insertPerson(t.pool, {
    villageCode: KENANGA, name: 'Muhammad Rizki', birthDate: '2001-11-03', motherName: 'Sumiati', fatherName: 'Kasmadi',
  });
  ids.aminah = await insertPerson(t.pool, { villageCode: KENANGA, name: 'Siti Aminah', sex: 2, birthDate: '1988-02-01' });
  ids.aini = await insertPerson(t.pool, { villageCode: KENANGA, name: 'Nur Aini', sex: 2, birthDate: '1995-07-17' });
  for (const [name, birthDate] of [['Siti Romlah', '1988-02-01'], ['Ahmad Fauzi', '1990-05-12'], ['Rizal Ramadhan', '1999-09-09']] as const) {
    await insertPerson(t.pool, { villageCode: KENANGA, name, birthDate });
  }
  ids.kenangaWarsini = await insertPerson(t.pool, { villageCode: KENANGA, name: 'Warsini', sex: 2, birthDate: '1986-01-20', nik: sharedNik });
  ids.kuripanEndang = await insertPerson(t.pool, {
    villageCode: KURIPAN, name: 'Endang Wahyuni', sex: 2, birthDate: '1985-04-10', nik: sharedNik, motherName: 'Sulastri',
  });
});

describe('duplicate suggestions while an officer types a person', () => {
  it.each([
    ['Muhamad Rizky', '1990-05-12', 'rizki', 'Nama sama (beda ejaan)'],
    ['M. Rizki', '1990-05-12', 'rizki', 'Nama sama'],
    ['Sitti Aminah', '1988-02-01', 'aminah', 'Nama sama'],
    ['Nuraini', '1995-07-17', 'aini', 'Nama sama (beda ejaan)'],
  ])('suggests the recorded person for "%s" born %s', async (name, birthDate, who, nameLabel) => {
    const officer = await t.login('petugas.kenanga');
    const res = await officer.request({ method: 'GET', url: suggestions(KENANGA, { name, birthDate }) });
    expect(res.statusCode, res.body).toBe(200);
    const [first] = (res.json() as Body).candidates;
    expect(first?.id).toBe(ids[who]);
    expect(first?.reasons.map((r) => r.label)).toEqual([nameLabel, 'Tanggal lahir sama']);
    expect(first?.score).toBeGreaterThanOrEqual(75);
  });

  it('does not suggest a namesake born on another day to other parents', async () => {
    const officer = await t.login('petugas.kenanga');
    const res = await officer.request({
      method: 'GET',
      url: suggestions(KENANGA, { name: 'Muhammad Rizki', birthDate: '1970-01-01', motherName: 'Rasem', fatherName: 'Darsono' }),
    });
    expect(res.json()).toEqual({ candidates: [], nikRecordedElsewhere: [], nikNotice: null });
  });

  it('shows both namesakes while the birth date is still empty, and only the one with the typed parents after', async () => {
    const officer = await t.login('petugas.kenanga');
    const typing = await officer.request({ method: 'GET', url: suggestions(KENANGA, { name: 'Muhammad Rizki' }) });
    expect(names(typing.json()).sort()).toEqual(['Muhammad Rizki', 'Muhammad Rizki']);
    const withMother = await officer.request({ method: 'GET', url: suggestions(KENANGA, { name: 'Muhammad Rizki', motherName: 'CARSIH' }) });
    expect((withMother.json() as Body).candidates.map((c) => c.id)).toEqual([ids.rizki]);
  });

  it('leaves out the person being edited', async () => {
    const officer = await t.login('petugas.kenanga');
    const res = await officer.request({ method: 'GET', url: suggestions(KENANGA, { name: 'Siti Aminah', birthDate: '1988-02-01', excludeId: ids.aminah! }) });
    expect(names(res.json())).toEqual([]);
  });

  it('flags the same NIK in Kenanga and Kuripan to both officers without showing either the other village’s resident', async () => {
    const kenanga = await t.login('petugas.kenanga');
    const seenInKenanga = await kenanga.request({ method: 'GET', url: suggestions(KENANGA, { nik: sharedNik }) });
    expect(seenInKenanga.statusCode).toBe(200);
    expect(seenInKenanga.json()).toMatchObject({
      candidates: [{ id: ids.kenangaWarsini, name: 'Warsini', nik: sharedNik, nikMasked: false, reasons: [{ code: 'nik', label: 'NIK sama' }] }],
      nikRecordedElsewhere: [{ villageCode: KURIPAN, villageName: 'Kuripan', regencyName: 'KABUPATEN WONOSOBO' }],
    });
    expect(seenInKenanga.json().nikNotice).toMatch(/^NIK ini juga tercatat di Kuripan, Kec\. \w+, Kab\. Wonosobo\. Penduduk tetap dapat dicatat/);
    expect(seenInKenanga.body).not.toMatch(/Endang|Wahyuni|Sulastri|1985-04-10/);
    expect(seenInKenanga.body).not.toContain(ids.kuripanEndang);

    const kuripan = await t.login('petugas.kuripan');
    const seenInKuripan = await kuripan.request({ method: 'GET', url: suggestions(KURIPAN, { nik: sharedNik, name: 'Endang Wahyuni' }) });
    expect(seenInKuripan.json()).toMatchObject({
      candidates: [{ id: ids.kuripanEndang, name: 'Endang Wahyuni' }],
      nikRecordedElsewhere: [{ villageCode: KENANGA, villageName: 'Kenanga', regencyName: 'KABUPATEN INDRAMAYU' }],
    });
    expect(seenInKuripan.body).not.toMatch(/Warsini/);
    expect(seenInKuripan.body).not.toContain(ids.kenangaWarsini);
  });

  it('shows a coordinator the records of their regency with the NIK masked', async () => {
    const coordinator = await t.login('disnaker.indramayu');
    const res = await coordinator.request({ method: 'GET', url: suggestions(KENANGA, { nik: sharedNik }) });
    const body = res.json();
    expect(body.candidates).toMatchObject([{ id: ids.kenangaWarsini, nikMasked: true, nik: `${sharedNik.slice(0, 4)}••••••••${sharedNik.slice(-4)}` }]);
    expect(body.nikRecordedElsewhere.map((p: { villageCode: string }) => p.villageCode)).toEqual([KURIPAN]);
    expect(res.body).not.toContain(sharedNik);
  });

  it('never blocks recording a person whose NIK is already recorded elsewhere', async () => {
    const officer = await t.login('petugas.kenanga');
    const created = await officer.request({
      method: 'POST',
      url: `/api/v1/villages/${KENANGA}/people`,
      payload: { nik: sharedNik, name: 'Warsini Binti Darso', sex: 2, birthDate: '1986-01-20', confirmNotDuplicate: true },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().nikDuplicateCount).toBe(2);
    const again = await officer.request({ method: 'GET', url: suggestions(KENANGA, { nik: sharedNik }) });
    expect(names(again.json()).sort()).toEqual(['Warsini', 'Warsini Binti Darso']);
  });

  it('asks for a name or a NIK, in Indonesian', async () => {
    const officer = await t.login('petugas.kenanga');
    const res = await officer.request({ method: 'GET', url: suggestions(KENANGA, { name: 'M', nik: '3212' }) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual(
      expect.arrayContaining([
        { path: 'nik', message: 'NIK harus 16 digit angka' },
      ]),
    );
    const empty = await officer.request({ method: 'GET', url: suggestions(KENANGA, { birthDate: '1990-05-12' }) });
    expect(empty.json().error.details).toEqual([{ path: 'name', message: 'Isi nama (minimal 2 huruf) atau NIK' }]);
  });

  it('refuses another village’s officer, a coordinator of another regency and a partner ministry', async () => {
    for (const username of ['petugas.kuripan', 'disnaker.wonosobo', 'mitra.kemenkes']) {
      const session = await t.login(username);
      const res = await session.request({ method: 'GET', url: suggestions(KENANGA, { name: 'Siti Aminah' }) });
      expect(res.statusCode, username).toBe(403);
      expect(res.body).not.toContain('Aminah');
    }
  });

  it('limits how fast one account can ask, so NIKs cannot be looked up in bulk', async () => {
    const head = await t.login('kades.kenanga');
    const statuses: number[] = [];
    for (let i = 0; i < 121; i += 1) {
      statuses.push((await head.request({ method: 'GET', url: suggestions(KENANGA, { name: 'Siti' }) })).statusCode);
    }
    expect(statuses.slice(0, 120).every((s) => s === 200)).toBe(true);
    expect(statuses[120]).toBe(429);
    const officer = await t.login('petugas.kenanga');
    expect((await officer.request({ method: 'GET', url: suggestions(KENANGA, { name: 'Siti' }) })).statusCode).toBe(200);
  });
});
