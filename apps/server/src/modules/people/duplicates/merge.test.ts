import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support.js';
import { personReferences } from './person-references.js';
import { insertPerson, KENANGA, KURIPAN, makeNik, SINDANG } from './test-people.js';

const t = useTestApp();
const ids: Record<string, string> = {};
const realNik = makeNik(KENANGA, '1990-03-12', 2);
const temporaryNik = `0${KENANGA}00001`;
/** The audit log keeps identity numbers masked: first and last four digits. */
const masked = (nik: string) => `${nik.slice(0, 4)}••••••••${nik.slice(-4)}`;

async function exec(sql: string, params: unknown[]) {
  await t.pool.query(sql, params);
}
const event = (personId: string, village: string, status: string, date: string) =>
  exec(`INSERT INTO migrant_status_events (id, person_id, village_code, status, effective_date) VALUES ($1, $2, $3, $4, $5)`, [
    uuidv7(), personId, village, status, date,
  ]);
const link = (migrant: string, relative: string, relation: string) =>
  exec(`INSERT INTO migrant_family_links (id, village_code, migrant_id, relative_id, relation) VALUES ($1, $2, $3, $4, $5)`, [
    uuidv7(), KENANGA, migrant, relative, relation,
  ]);

/** Rows that still point at a person, per "table.column". */
async function referencesTo(personId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { table, column } of personReferences) {
    // Closed links between the two records stay on the merged one: they are history, not links.
    const active = table === 'migrant_family_links' ? ' AND deleted_at IS NULL' : '';
    const { rows } = await t.pool.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1${active}`, [personId]);
    if (rows[0].n > 0) counts[`${table}.${column}`] = rows[0].n;
  }
  return counts;
}

beforeAll(async () => {
  ids.keep = await insertPerson(t.pool, { villageCode: KENANGA, name: 'Siti Aminah', sex: 2, birthDate: '1990-03-12', nik: temporaryNik, dusun: 'Kenanga Kidul' });
  ids.merge = await insertPerson(t.pool, {
    villageCode: KENANGA, name: 'Sitti Aminah', sex: 2, birthDate: '1990-03-12', nik: realNik,
    dusun: 'Kenanga Lor', birthPlace: 'Indramayu', motherName: 'Carsih', phone: '081311119999',
  });
  ids.child = await insertPerson(t.pool, { villageCode: KENANGA, name: 'Rizki Ramadhan', birthDate: '2015-06-07' });
  ids.husband = await insertPerson(t.pool, { villageCode: KENANGA, name: 'Darsa', birthDate: '1985-01-01' });
  ids.earlier = await insertPerson(t.pool, { villageCode: KENANGA, name: 'St. Aminah', sex: 2 });
  ids.family = uuidv7();
  await exec(`INSERT INTO families (id, village_code, head_person_id, dusun) VALUES ($1, $2, $3, 'Kenanga Lor')`, [ids.family, KENANGA, ids.merge]);
  await event(ids.merge, KENANGA, 'calon_pmi', '2023-01-01');
  await event(ids.merge, KENANGA, 'pmi', '2024-02-01');
  await exec(`UPDATE people SET migrant_status = 'pmi' WHERE id = $1`, [ids.merge]);
  await exec(`INSERT INTO person_consents (id, person_id, village_code, basis) VALUES ($1, $2, $3, 'kewajiban_hukum')`, [uuidv7(), ids.merge, KENANGA]);
  await exec(`INSERT INTO person_consents (id, person_id, village_code, basis, given_by_name, guardian_person_id, guardian_relationship)
              VALUES ($1, $2, $3, 'persetujuan', 'Sitti Aminah', $4, 'ibu')`, [uuidv7(), ids.child, KENANGA, ids.merge]);
  await link(ids.merge, ids.child, 'anak');
  await link(ids.keep, ids.child, 'anak');
  await link(ids.merge, ids.husband, 'pasangan');
  await link(ids.husband, ids.merge, 'pasangan');
  await link(ids.keep, ids.merge, 'lainnya');
  await exec(`INSERT INTO duplicate_dismissals (person_a, person_b, region_code) VALUES (least($1::uuid, $2::uuid), greatest($1::uuid, $2::uuid), $3)`, [
    ids.merge, ids.husband, KENANGA,
  ]);
  await exec(`UPDATE people SET merged_into = $2, deleted_at = now() WHERE id = $1`, [ids.earlier, ids.merge]);
});

describe('merging two records of one person', () => {
  it('moves every link of the merged record to the kept one and fills what the kept one lacked', async () => {
    const coordinator = await t.login('disnaker.indramayu');
    const listed = await coordinator.request({ method: 'GET', url: `/api/v1/people/duplicates?within=${KENANGA}` });
    expect(JSON.stringify(listed.json().items)).toContain(ids.merge);

    const officer = await t.login('petugas.kenanga');
    const res = await officer.request({ method: 'POST', url: '/api/v1/people/duplicates/merge', payload: { keepId: ids.keep, mergeId: ids.merge } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.kept).toMatchObject({ id: ids.keep, name: 'Siti Aminah', nik: realNik, dusun: 'Kenanga Kidul', birthPlace: 'Indramayu', motherName: 'Carsih', migrantStatus: 'pmi' });
    expect(body.filledFields.sort()).toEqual(['birthPlace', 'motherName', 'nik', 'phone']);
    expect(body.moved).toMatchObject({
      'families.head_person_id': 1,
      'migrant_status_events.person_id': 2,
      'person_consents.person_id': 1,
      'person_consents.guardian_person_id': 1,
      'people.merged_into': 1,
    });

    expect(await referencesTo(ids.merge!)).toEqual({});
    const { rows: links } = await t.pool.query(
      `SELECT migrant_id = $1 AS from_kept, relation, deleted_at IS NULL AS active FROM migrant_family_links
        WHERE $1 IN (migrant_id, relative_id) ORDER BY relation, migrant_id = $1 DESC, active DESC`,
      [ids.keep],
    );
    expect(links).toEqual([
      { from_kept: true, relation: 'anak', active: true },
      { from_kept: true, relation: 'anak', active: false },
      { from_kept: true, relation: 'lainnya', active: false },
      { from_kept: true, relation: 'pasangan', active: true },
      { from_kept: false, relation: 'pasangan', active: true },
    ]);
    const { rows: state } = await t.pool.query(
      `SELECT (SELECT head_person_id FROM families WHERE id = $3) AS head,
              (SELECT count(*)::int FROM migrant_status_events WHERE person_id = $1 AND village_code = $4) AS events,
              (SELECT guardian_person_id FROM person_consents WHERE person_id = $5) AS guardian,
              (SELECT merged_into FROM people WHERE id = $6) AS earlier_into,
              (SELECT json_build_object('into', merged_into, 'deleted', deleted_at IS NOT NULL) FROM people WHERE id = $2) AS merged,
              (SELECT array_agg(person_a::text || '+' || person_b::text) FROM duplicate_dismissals) AS dismissals`,
      [ids.keep, ids.merge, ids.family, KENANGA, ids.child, ids.earlier],
    );
    expect(state[0]).toEqual({
      head: ids.keep,
      events: 2,
      guardian: ids.keep,
      earlier_into: ids.keep,
      merged: { into: ids.keep, deleted: true },
      dismissals: [[ids.keep, ids.husband].sort().join('+')],
    });
  });

  it('answers the merged record with the kept one, and shows the kept one with the merged history', async () => {
    const officer = await t.login('petugas.kenanga');
    const merged = await officer.request({ method: 'GET', url: `/api/v1/people/${ids.merge}` });
    expect(merged.statusCode).toBe(404);
    expect(merged.json().error).toMatchObject({ code: 'PERSON_MERGED', details: { mergedInto: ids.keep } });
    const kept = await officer.request({ method: 'GET', url: `/api/v1/people/${ids.keep}` });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().statusHistory.map((e: { status: string }) => e.status).sort()).toEqual(['calon_pmi', 'pmi']);
    expect(kept.json().consents).toHaveLength(1);
  });

  it('records the merge on both records, with both before and after, and takes the pair off the review list', async () => {
    const { rows } = await t.pool.query(
      `SELECT entity_id, actor_username, region_code, before, after FROM audit_log WHERE action = 'merge' ORDER BY entity_id`,
    );
    expect(rows.map((r) => r.entity_id).sort()).toEqual([ids.keep, ids.merge].sort());
    for (const row of rows) {
      expect(row).toMatchObject({ actor_username: 'petugas.kenanga', region_code: KENANGA });
      expect(row.before.kept).toMatchObject({ id: ids.keep, nik: masked(temporaryNik), phone: null });
      expect(row.before.merged).toMatchObject({ id: ids.merge, deletedAt: null, mergedInto: null, phone: '081311119999' });
      expect(row.after.kept).toMatchObject({ nik: masked(realNik), phone: '081311119999', migrantStatus: 'pmi' });
      expect(JSON.stringify(row)).not.toContain(realNik);
      expect(row.after.merged).toMatchObject({ mergedInto: ids.keep });
      expect(row.after.moved['migrant_status_events.person_id']).toBe(2);
    }
    const coordinator = await t.login('disnaker.indramayu');
    const listed = await coordinator.request({ method: 'GET', url: `/api/v1/people/duplicates?within=${KENANGA}` });
    expect(listed.body).not.toContain(ids.merge);
  });

  it('refuses to merge a record twice, or a record with itself', async () => {
    const officer = await t.login('petugas.kenanga');
    const twice = await officer.request({ method: 'POST', url: '/api/v1/people/duplicates/merge', payload: { keepId: ids.child, mergeId: ids.merge } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: 'ALREADY_MERGED', message: 'Data ini sudah digabung ke data lain.' });
    const itself = await officer.request({ method: 'POST', url: '/api/v1/people/duplicates/merge', payload: { keepId: ids.child, mergeId: ids.child } });
    expect(itself.statusCode).toBe(400);
    expect(itself.json().error.details).toEqual([{ path: 'mergeId', message: 'Pilih dua data yang berbeda' }]);
  });
});

describe('who may merge', () => {
  it('refuses a coordinator when one of the records lies outside their regency, and changes nothing', async () => {
    const kenanga = await insertPerson(t.pool, { villageCode: KENANGA, name: 'Tarsih', sex: 2, birthDate: '1983-03-03' });
    const kuripan = await insertPerson(t.pool, { villageCode: KURIPAN, name: 'Tarsih', sex: 2, birthDate: '1983-03-03', motherName: 'Sulastri' });
    await event(kuripan, KURIPAN, 'pmi', '2022-05-05');
    for (const username of ['disnaker.indramayu', 'disnaker.wonosobo', 'petugas.kenanga']) {
      const session = await t.login(username);
      for (const payload of [{ keepId: kenanga, mergeId: kuripan }, { keepId: kuripan, mergeId: kenanga }]) {
        const res = await session.request({ method: 'POST', url: '/api/v1/people/duplicates/merge', payload });
        expect(res.statusCode, `${username} ${res.body}`).toBe(403);
        expect(res.body).not.toMatch(/Sulastri|Tarsih/);
      }
    }
    const { rows } = await t.pool.query(`SELECT count(*)::int AS n FROM people WHERE id IN ($1, $2) AND deleted_at IS NULL`, [kenanga, kuripan]);
    expect(rows[0].n).toBe(2);

    // An admin of the whole country may: the history moves to Kenanga, the address stays Kenanga's.
    const admin = await t.login('admin');
    const res = await admin.request({ method: 'POST', url: '/api/v1/people/duplicates/merge', payload: { keepId: kenanga, mergeId: kuripan } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().filledFields).toEqual(['motherName']);
    const moved = await t.pool.query(`SELECT village_code FROM migrant_status_events WHERE person_id = $1`, [kenanga]);
    expect(moved.rows).toEqual([{ village_code: KENANGA }]);
  });

  it('refuses a village officer a record of the next village, the ministry and a partner ministry', async () => {
    const a = await insertPerson(t.pool, { villageCode: KENANGA, name: 'Carsih', sex: 2 });
    const b = await insertPerson(t.pool, { villageCode: SINDANG, name: 'Carsih', sex: 2 });
    for (const [username, payload] of [
      ['petugas.kenanga', { keepId: a, mergeId: b }],
      ['kemnaker', { keepId: a, mergeId: b }],
      ['mitra.kemenkes', { keepId: a, mergeId: b }],
    ] as const) {
      const res = await (await t.login(username)).request({ method: 'POST', url: '/api/v1/people/duplicates/merge', payload });
      expect(res.statusCode, username).toBe(403);
    }
    const coordinator = await t.login('disnaker.indramayu');
    expect((await coordinator.request({ method: 'POST', url: '/api/v1/people/duplicates/merge', payload: { keepId: a, mergeId: b } })).statusCode).toBe(200);
  });

  it('answers 404 for a record that does not exist', async () => {
    const officer = await t.login('petugas.kenanga');
    const res = await officer.request({
      method: 'POST',
      url: '/api/v1/people/duplicates/merge',
      payload: { keepId: ids.child, mergeId: '01900000-0000-7000-8000-0000000000ff' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('Data orang tidak ditemukan.');
  });
});
