// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addCaseNoteLocally, createCaseLocally, createPlacementLocally, moveCaseLocally, putDocumentLocally, recordReturnLocally } from './records';
import { testVillage, useFreshDb } from './test-support';

const freshDb = useFreshDb();
const plan = { id: '01937a6e-0000-7000-8000-0000000000a1', villageCode: testVillage };
const personId = '01937a6e-0000-7000-8000-000000000001';

describe('putDocumentLocally', () => {
  it('ticks a document on the phone and queues document.put with the plan and kind as route parameters', async () => {
    const db = freshDb();
    const entry = await putDocumentLocally(db, 'officer-a', plan, 'paspor', { status: 'lengkap', number: 'C1234567' });
    expect(entry).toMatchObject({
      name: 'document.put',
      table: 'migration_documents',
      status: 'waiting',
      args: { planId: plan.id, kind: 'paspor', status: 'lengkap', number: 'C1234567' },
      baseVersion: null,
    });
    expect(await db.migration_documents.get(entry.recordId)).toMatchObject({ plan_id: plan.id, kind: 'paspor', status: 'lengkap', number: 'C1234567', version: '0', village_code: testVillage });
  });

  it('changes the row the phone shows for that kind instead of adding another', async () => {
    const db = freshDb();
    await db.migration_documents.put({ id: 'server-row', village_code: testVillage, version: '77', plan_id: plan.id, kind: 'ktp_nik', status: 'belum', number: '1' });
    const entry = await putDocumentLocally(db, 'officer-a', plan, 'ktp_nik', { status: 'lengkap' });
    const again = await putDocumentLocally(db, 'officer-a', plan, 'ktp_nik', { status: 'diproses' });
    expect([entry.recordId, again.recordId]).toEqual(['server-row', 'server-row']);
    expect(await db.migration_documents.count()).toBe(1);
    // The version stays the server's until it sends the row back.
    expect(await db.migration_documents.get('server-row')).toMatchObject({ status: 'diproses', version: '77', number: '1' });
    expect([entry.seq, again.seq]).toEqual([1, 2]);
  });
});

describe('cases and departures without signal', () => {
  it('opens a case with status baru and the village as route parameter', async () => {
    const db = freshDb();
    const id = '01937a6e-0000-7000-8000-0000000000c1';
    const entry = await createCaseLocally(db, 'officer-a', testVillage, { id, migrantPersonId: personId, reporterName: 'Warsih', caseType: 'hilang_kontak', description: 'Tidak bisa dihubungi sejak Mei.' });
    expect(entry.args).toMatchObject({ id, villageCode: testVillage, caseType: 'hilang_kontak' });
    expect(await db.migration_cases.get(id)).toMatchObject({ status: 'baru', migrant_person_id: personId, reporter_name: 'Warsih', version: '0' });
  });

  it('moves a pulled case with the version it was read at, the row showing the new status', async () => {
    const db = freshDb();
    const row = { id: 'case-1', village_code: testVillage, version: '88', status: 'baru', closed_at: null };
    const entry = await moveCaseLocally(db, 'officer-a', row, { to: 'selesai', note: 'Sudah bisa dihubungi.', version: '88' });
    expect(entry).toMatchObject({ name: 'case.transition', baseVersion: '88', args: { id: 'case-1', to: 'selesai', note: 'Sudah bisa dihubungi.', version: '88' } });
    const stored = await db.migration_cases.get('case-1');
    expect(stored).toMatchObject({ status: 'selesai', version: '88' });
    expect(stored?.closed_at).toEqual(expect.any(String));
  });

  it('queues a note on a case without touching the case itself (no version check: notes never conflict)', async () => {
    const db = freshDb();
    const row = { id: 'case-2', village_code: testVillage, version: '90', status: 'ditangani_desa', description: 'Gaji belum dibayar' };
    await db.migration_cases.put(row);
    const entry = await addCaseNoteLocally(db, 'officer-a', row, 'Keluarga sudah menghubungi agen.');
    expect(entry).toMatchObject({ name: 'case.note', recordId: 'case-2', baseVersion: null, args: { id: 'case-2', note: 'Keluarga sudah menghubungi agen.' } });
    expect(await db.migration_cases.get('case-2')).toEqual(row);
  });

  it('records a departure for a person and its return in the return columns, leaving the departure notes', async () => {
    const db = freshDb();
    const id = '01937a6e-0000-7000-8000-0000000000d1';
    const departure = await createPlacementLocally(db, 'officer-a', testVillage, personId, { id, departureDate: '2025-06-01', destinationCountry: 'HK', notes: 'Lewat Jakarta' });
    expect(departure.args).toMatchObject({ id, personId, departureDate: '2025-06-01' });
    expect(await db.migration_placements.get(id)).toMatchObject({ person_id: personId, departure_date: '2025-06-01', return_date: null, notes: 'Lewat Jakarta' });

    const pulled = { ...(await db.migration_placements.get(id))!, version: '900' };
    const back = await recordReturnLocally(db, 'officer-a', pulled, { returnDate: '2025-06-10', reason: 'bermasalah', reintegrationNeeds: [], notes: 'Sakit', version: '900' });
    expect(back).toMatchObject({ name: 'placement.return', baseVersion: '900', args: { id, reason: 'bermasalah', notes: 'Sakit' } });
    expect(await db.migration_placements.get(id)).toMatchObject({ return_date: '2025-06-10', return_reason: 'bermasalah', return_notes: 'Sakit', notes: 'Lewat Jakarta', version: '900' });
  });
});
