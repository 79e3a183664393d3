import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { type Session, useTestApp } from '../../test/support.js';
import { KENANGA, outbox } from './sync-test-kit.js';

const t = useTestApp();

const push = async (s: Session, payload: unknown) => {
  const res = await s.request({ method: 'POST', url: '/api/v1/sync/push', payload: payload as object });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { lastSeq: number; results: Array<{ status: string; conflictId?: string; reason?: string }> };
};
const personRow = async (id: string) =>
  (await t.pool.query(`SELECT name, dusun, rw, rt, phone, occupation, version FROM people WHERE id = $1`, [id])).rows[0];

/** A Kenanga resident both phones loaded before going offline; returns its id and version. */
async function loadedResident(s: Session, nik: string, name: string) {
  const id = uuidv7();
  const box = outbox();
  const res = await push(s, box.body([box.next('person.create', { villageCode: KENANGA, id, nik, name, sex: 2, birthDate: '1990-03-12' })]));
  expect(res.results[0]!.status).toBe('applied');
  return { id, version: (await personRow(id)).version as string };
}

describe('sync conflicts', () => {
  it('keeps both values when two phones change the same field; other fields merge', async () => {
    const officer = await t.login('petugas.kenanga');
    const headman = await t.login('kades.kenanga');
    const { id, version } = await loadedResident(officer, '3212165203900031', 'Karsih');
    const phoneA = outbox();
    const phoneB = outbox();

    const b = await push(headman, phoneB.body([phoneB.next('person.update', { id, dusun: 'Blok Timur', phone: '081234567890' }, { baseVersion: version, base: { dusun: null, phone: null } })]));
    expect(b.results[0]!.status).toBe('applied');
    const a = await push(officer, phoneA.body([phoneA.next('person.update', { id, dusun: 'Blok Barat', occupation: 3 }, { baseVersion: version, base: { dusun: null, occupation: null } })]));
    expect(a.results[0]).toMatchObject({ status: 'conflict', conflictId: expect.any(String) });

    expect(await personRow(id)).toMatchObject({ dusun: 'Blok Barat', occupation: 3, phone: '081234567890' });
    const conflict = (await officer.request({ method: 'GET', url: `/api/v1/sync/conflicts/${a.results[0]!.conflictId}` })).json();
    expect(conflict).toMatchObject({
      villageCode: KENANGA,
      table: 'people',
      recordId: id,
      recordLabel: 'Karsih',
      status: 'terbuka',
      createdBy: expect.any(String),
      resolvedBy: null,
      fields: [{ field: 'dusun', base: null, theirs: 'Blok Timur', mine: 'Blok Barat' }],
    });
    const audit = await t.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'sync_conflict' AND entity_id = $1`, [id]);
    expect(audit.rows[0].n).toBe(1);
  });

  it('merges edits of different fields cleanly and keeps a value the officer did not touch', async () => {
    const officer = await t.login('petugas.kenanga');
    const headman = await t.login('kades.kenanga');
    const { id, version } = await loadedResident(officer, '3212165203900032', 'Sumiati');
    const phoneA = outbox();
    const phoneB = outbox();
    await push(headman, phoneB.body([phoneB.next('person.update', { id, rt: '005' }, { baseVersion: version, base: { rt: null } })]));
    // Phone A sends its whole form: rt unchanged there (still the value it loaded).
    const a = await push(officer, phoneA.body([phoneA.next('person.update', { id, rw: '002', rt: null }, { baseVersion: version, base: { rw: null, rt: null } })]));
    expect(a.results[0]!.status).toBe('applied');
    expect(await personRow(id)).toMatchObject({ rw: '002', rt: '005' });
    const { rows } = await t.pool.query(`SELECT count(*)::int AS n FROM sync_conflicts WHERE record_id = $1`, [id]);
    expect(rows[0].n).toBe(0);
  });

  it('resolves a conflict keeping the overwritten value, in scope only, once', async () => {
    const officer = await t.login('petugas.kenanga');
    const headman = await t.login('kades.kenanga');
    const coordinator = await t.login('disnaker.indramayu');
    const outsider = await t.login('petugas.kuripan');
    const { id, version } = await loadedResident(officer, '3212165203900033', 'Tarsinah');
    const phoneA = outbox();
    const phoneB = outbox();
    await push(headman, phoneB.body([phoneB.next('person.update', { id, name: 'Tarsinah Binti Warno', dusun: 'Blok Kidul' }, { baseVersion: version, base: { name: 'Tarsinah', dusun: null } })]));
    const a = await push(officer, phoneA.body([phoneA.next('person.update', { id, name: 'Tarsinah Warno', dusun: 'Blok Lor' }, { baseVersion: version, base: { name: 'Tarsinah', dusun: null } })]));
    const conflictId = a.results[0]!.conflictId!;

    const listed = await coordinator.request({ method: 'GET', url: `/api/v1/sync/conflicts?villageCode=${KENANGA}&status=terbuka` });
    expect(listed.json().items.map((c: { id: string }) => c.id)).toContain(conflictId);
    const outsiderList = await outsider.request({ method: 'GET', url: '/api/v1/sync/conflicts' });
    expect(outsiderList.json().items).toEqual([]);
    expect((await outsider.request({ method: 'GET', url: `/api/v1/sync/conflicts/${conflictId}` })).statusCode).toBe(403);
    const intruding = await outsider.request({ method: 'POST', url: `/api/v1/sync/conflicts/${conflictId}/resolve`, payload: { choices: { name: 'mine', dusun: 'theirs' } } });
    expect(intruding.statusCode).toBe(403);

    const incomplete = await coordinator.request({ method: 'POST', url: `/api/v1/sync/conflicts/${conflictId}/resolve`, payload: { choices: { dusun: 'theirs' } } });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.details).toEqual([{ path: 'choices.name', message: 'Pilih nilai yang dipakai untuk isian ini' }]);

    const resolved = await coordinator.request({ method: 'POST', url: `/api/v1/sync/conflicts/${conflictId}/resolve`, payload: { choices: { name: 'mine', dusun: 'theirs' } } });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({ status: 'diselesaikan', resolvedBy: expect.any(String), resolvedAt: expect.any(String) });
    expect(await personRow(id)).toMatchObject({ name: 'Tarsinah Warno', dusun: 'Blok Kidul' });
    const audit = await t.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'resolve_sync_conflict' AND entity_id = $1`, [id]);
    expect(audit.rows[0].n).toBe(1);

    const again = await officer.request({ method: 'POST', url: `/api/v1/sync/conflicts/${conflictId}/resolve`, payload: { choices: { name: 'theirs', dusun: 'theirs' } } });
    expect(again.statusCode).toBe(409);
    expect(await personRow(id)).toMatchObject({ name: 'Tarsinah Warno' });
  });

  it('requires the base version for an edit', async () => {
    const officer = await t.login('petugas.kenanga');
    const { id } = await loadedResident(officer, '3212165203900034', 'Wartini');
    const box = outbox();
    const res = await push(officer, box.body([box.next('person.update', { id, dusun: 'Blok Tengah' })]));
    expect(res.results[0]).toMatchObject({ status: 'rejected', reason: 'Data yang dikirim belum benar.' });
  });
});
