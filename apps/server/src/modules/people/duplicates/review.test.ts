import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support.js';
import { insertPerson, KENANGA, KURIPAN, makeNik, SINDANG } from './test-people.js';

const t = useTestApp();

type Pair = { a: { id: string; name: string; nik: string; nikMasked: boolean; villageCode: string }; b: Pair['a']; score: number; reasons: Array<{ label: string }> };
const ids: Record<string, string> = {};
const pairKey = (x: string, y: string) => [x, y].sort().join('+');
const keysOf = (items: Pair[]) => items.map((p) => pairKey(p.a.id, p.b.id)).sort();
const expected = (...pairs: Array<[string, string]>) => pairs.map(([x, y]) => pairKey(ids[x]!, ids[y]!)).sort();

async function list(username: string, query = '') {
  const session = await t.login(username);
  const res = await session.request({ method: 'GET', url: `/api/v1/people/duplicates?pageSize=200${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Pair[]; total: number; page: number; pageSize: number };
}

const kenangaSindangNik = makeNik(KENANGA, '1979-08-17', 1);
const kenangaKuripanNik = makeNik(KURIPAN, '1983-03-03', 2);

beforeAll(async () => {
  const add = async (key: string, p: Parameters<typeof insertPerson>[1]) => {
    ids[key] = await insertPerson(t.pool, p);
  };
  // Kenanga: one person recorded twice with spelling variants, born the same day.
  await add('rizki', { villageCode: KENANGA, name: 'Muhammad Rizki', birthDate: '1990-05-12' });
  await add('rizky', { villageCode: KENANGA, name: 'M. Rizky', birthDate: '1990-05-12' });
  // Kenanga: no birth date, the same mother.
  await add('aminah', { villageCode: KENANGA, name: 'Siti Aminah', sex: 2, motherName: 'Carsih' });
  await add('sitti', { villageCode: KENANGA, name: 'Sitti Aminah', sex: 2, motherName: 'CARSIH' });
  // Not duplicates: a namesake born later to another mother, brothers sharing a mother.
  await add('namesake', { villageCode: KENANGA, name: 'Muhammad Rizki', birthDate: '2001-11-03', motherName: 'Sumiati' });
  await add('brother', { villageCode: KENANGA, name: 'Muhammad Rizal', birthDate: '1993-01-09', motherName: 'Sumiati' });
  // Kenanga and Sindang (same district): the same NIK; the same folded name and birth date.
  await add('darsa', { villageCode: KENANGA, name: 'Darsa', birthDate: '1979-08-17', nik: kenangaSindangNik });
  await add('darsaSindang', { villageCode: SINDANG, name: 'Darsa bin Warya', birthDate: '1979-08-17', nik: kenangaSindangNik });
  await add('aini', { villageCode: KENANGA, name: 'Nur Aini', sex: 2, birthDate: '1995-07-17' });
  await add('ainiSindang', { villageCode: SINDANG, name: 'Nuraini', sex: 2, birthDate: '1995-07-17' });
  // Kenanga (Indramayu) and Kuripan (Wonosobo): the same NIK, two regencies.
  await add('tarsih', { villageCode: KENANGA, name: 'Tarsih', sex: 2, birthDate: '1983-03-03', nik: kenangaKuripanNik });
  await add('tarsihKuripan', { villageCode: KURIPAN, name: 'Tarsih', sex: 2, birthDate: '1983-03-03', nik: kenangaKuripanNik });
  // Kuripan alone.
  await add('slamet', { villageCode: KURIPAN, name: 'Slamet Riyadi', birthDate: '1970-12-01' });
  await add('slamet2', { villageCode: KURIPAN, name: 'Slamet Riyadi', birthDate: '1970-12-01' });
});

describe('the coordinators’ review list of likely duplicates', () => {
  it('lists the regency’s pairs, most likely first, with the reasons and masked NIKs', async () => {
    const body = await list('disnaker.indramayu');
    expect(keysOf(body.items)).toEqual(expected(['rizki', 'rizky'], ['aminah', 'sitti'], ['darsa', 'darsaSindang'], ['aini', 'ainiSindang']));
    expect(body.total).toBe(4);
    const scores = body.items.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    const byKey = new Map(body.items.map((p) => [pairKey(p.a.id, p.b.id), p]));
    expect(byKey.get(pairKey(ids.darsa!, ids.darsaSindang!))?.reasons.map((r) => r.label)).toEqual(['NIK sama', 'Tanggal lahir sama']);
    expect(byKey.get(pairKey(ids.rizki!, ids.rizky!))?.reasons.map((r) => r.label)).toEqual(['Nama sama (beda ejaan)', 'Tanggal lahir sama']);
    expect(byKey.get(pairKey(ids.aminah!, ids.sitti!))?.reasons.map((r) => r.label)).toEqual(['Nama sama', 'Nama ibu sama']);
    expect(byKey.get(pairKey(ids.aini!, ids.ainiSindang!))?.reasons.map((r) => r.label)).toEqual(['Nama sama (beda ejaan)', 'Tanggal lahir sama']);
    for (const pair of body.items) {
      expect(pair.a.nikMasked && pair.b.nikMasked).toBe(true);
      expect(pair.a.nik).toMatch(/^\d{4}•{8}\d{4}$/);
    }
  });

  it('keeps every list inside the reader’s region', async () => {
    const village = await list('disnaker.indramayu', `&within=${KENANGA}`);
    expect(keysOf(village.items)).toEqual(expected(['rizki', 'rizky'], ['aminah', 'sitti']));
    const wonosobo = await list('disnaker.wonosobo');
    expect(keysOf(wonosobo.items)).toEqual(expected(['slamet', 'slamet2']));
    const national = await list('kemnaker');
    expect(keysOf(national.items)).toContain(pairKey(ids.tarsih!, ids.tarsihKuripan!));
    expect(national.total).toBe(6);
    const outside = await (await t.login('disnaker.wonosobo')).request({ method: 'GET', url: `/api/v1/people/duplicates?within=${KENANGA}` });
    expect(outside.statusCode).toBe(403);
  });

  it('is for the village officer (own village), coordinators, the ministry and admins', async () => {
    for (const username of ['kades.kenanga', 'koperasi.kenanga', 'mitra.kemenkes']) {
      const res = await (await t.login(username)).request({ method: 'GET', url: '/api/v1/people/duplicates' });
      expect(res.statusCode, username).toBe(403);
    }
    const officer = await (await t.login('petugas.kenanga')).request({ method: 'GET', url: '/api/v1/people/duplicates?pageSize=200' });
    expect(officer.statusCode).toBe(200);
    const villages = officer.json().items.flatMap((i: { a: { villageCode: string }; b: { villageCode: string } }) => [i.a.villageCode, i.b.villageCode]);
    expect(villages.length).toBeGreaterThan(0);
    expect(villages.every((v: string) => v === KENANGA)).toBe(true);
  });

  it('pages through the pairs', async () => {
    const session = await t.login('disnaker.indramayu');
    const first = (await session.request({ method: 'GET', url: '/api/v1/people/duplicates?pageSize=3' })).json();
    const second = (await session.request({ method: 'GET', url: '/api/v1/people/duplicates?pageSize=3&page=2' })).json();
    expect([first.items.length, second.items.length, first.total, second.total]).toEqual([3, 1, 4, 4]);
    expect(keysOf([...first.items, ...second.items])).toEqual(keysOf((await list('disnaker.indramayu')).items));
  });

  it('finds pairs made, changed or removed since the last look', async () => {
    const before = await list('disnaker.indramayu', `&within=${KENANGA}`);
    expect(before.total).toBe(2);
    ids.rizkiAgain = await insertPerson(t.pool, { villageCode: KENANGA, name: 'Mochamad Rizki', birthDate: '1990-05-12' });
    await t.pool.query(`UPDATE people SET name = 'Siti Maemunah', name_key = 'siti maemunah' WHERE id = $1`, [ids.sitti]);
    const after = await list('disnaker.indramayu', `&within=${KENANGA}`);
    expect(keysOf(after.items)).toEqual(expected(['rizki', 'rizky'], ['rizki', 'rizkiAgain'], ['rizky', 'rizkiAgain']));
    await t.pool.query(`UPDATE people SET deleted_at = now() WHERE id = $1`, [ids.rizkiAgain]);
    await t.pool.query(`UPDATE people SET name = 'Sitti Aminah', name_key = 'siti aminah' WHERE id = $1`, [ids.sitti]);
    expect(keysOf((await list('disnaker.indramayu', `&within=${KENANGA}`)).items)).toEqual(before.items.map((p) => pairKey(p.a.id, p.b.id)).sort());
  });
});

describe('"bukan duplikat"', () => {
  it('takes the pair off the list for good and records who decided', async () => {
    const coordinator = await t.login('disnaker.indramayu');
    const res = await coordinator.request({
      method: 'POST',
      url: '/api/v1/people/duplicates/dismiss',
      payload: { personAId: ids.ainiSindang, personBId: ids.aini },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(keysOf((await list('disnaker.indramayu')).items)).not.toContain(pairKey(ids.aini!, ids.ainiSindang!));
    const again = await coordinator.request({ method: 'POST', url: '/api/v1/people/duplicates/dismiss', payload: { personAId: ids.aini, personBId: ids.ainiSindang } });
    expect(again.statusCode).toBe(200);
    const { rows } = await t.pool.query(
      `SELECT actor_username, action, region_code, after FROM audit_log WHERE action = 'dismiss_duplicate'`,
    );
    expect(rows).toEqual([
      { actor_username: 'disnaker.indramayu', action: 'dismiss_duplicate', region_code: '321216', after: expect.objectContaining({ names: expect.arrayContaining(['Nur Aini', 'Nuraini']) }) },
    ]);
    const stored = await t.pool.query(`SELECT person_a < person_b AS ordered, region_code FROM duplicate_dismissals`);
    expect(stored.rows).toEqual([{ ordered: true, region_code: '321216' }]);
    // Edits after the decision do not bring the pair back.
    await t.pool.query(`UPDATE people SET name = 'Nur Aeni' WHERE id = $1`, [ids.aini]);
    expect(keysOf((await list('disnaker.indramayu')).items)).not.toContain(pairKey(ids.aini!, ids.ainiSindang!));
  });

  it('is refused for a pair with a record outside the caller’s region', async () => {
    const village = await t.login('petugas.kenanga');
    const acrossVillages = await village.request({
      method: 'POST',
      url: '/api/v1/people/duplicates/dismiss',
      payload: { personAId: ids.darsa, personBId: ids.darsaSindang },
    });
    expect(acrossVillages.statusCode).toBe(403);
    const otherRegency = await t.login('disnaker.wonosobo');
    const res = await otherRegency.request({ method: 'POST', url: '/api/v1/people/duplicates/dismiss', payload: { personAId: ids.rizki, personBId: ids.rizky } });
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('Rizki');
    const { rows } = await t.pool.query(`SELECT count(*)::int AS n FROM duplicate_dismissals`);
    expect(rows[0].n).toBe(1);
  });

  it('lets a village officer dismiss a pair of their own village', async () => {
    const officer = await t.login('petugas.kenanga');
    const res = await officer.request({ method: 'POST', url: '/api/v1/people/duplicates/dismiss', payload: { personAId: ids.rizki, personBId: ids.rizky } });
    expect(res.statusCode).toBe(200);
    expect(keysOf((await list('disnaker.indramayu', `&within=${KENANGA}`)).items)).toEqual(expected(['aminah', 'sitti']));
  });
});

describe('a person who moves', () => {
  it('takes their pairs along: the old region no longer lists them', async () => {
    expect(keysOf((await list('disnaker.wonosobo')).items)).toEqual(expected(['slamet', 'slamet2']));
    await t.pool.query(`UPDATE people SET village_code = $2 WHERE id = $1`, [ids.slamet2, KENANGA]);
    expect((await list('disnaker.wonosobo')).items).toEqual([]);
    expect(keysOf((await list('disnaker.indramayu')).items)).not.toContain(pairKey(ids.slamet!, ids.slamet2!));
    // Recorded in two regencies now: the ministry sees the pair.
    expect(keysOf((await list('kemnaker')).items)).toContain(pairKey(ids.slamet!, ids.slamet2!));
  });
});
