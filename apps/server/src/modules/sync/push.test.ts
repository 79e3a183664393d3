import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { type Session, useTestApp } from '../../test/support.js';
import { KENANGA, KURIPAN, outbox } from './sync-test-kit.js';

const t = useTestApp();

const push = (s: Session, payload: unknown) => s.request({ method: 'POST', url: '/api/v1/sync/push', payload: payload as object });
const versionOf = async (table: string, id: string) => (await t.pool.query(`SELECT version FROM ${table} WHERE id = $1`, [id])).rows[0].version as string;
const count = async (sql: string, params: unknown[] = []) => Number((await t.pool.query(sql, params)).rows[0].count);

/** A resident of Kenanga created through a sync push; returns its id. */
async function kenangaResident(s: Session, box: ReturnType<typeof outbox>, nik: string, name: string) {
  const id = uuidv7();
  const res = await push(s, box.body([box.next('person.create', { villageCode: KENANGA, id, nik, name, sex: 2, birthDate: '1990-03-12' })]));
  expect(res.json().results[0].status, res.body).toBe('applied');
  return id;
}

describe('sync push', () => {
  it('applies every kind of mutation through the online services', async () => {
    const s = await t.login('petugas.kenanga');
    const box = outbox();
    const familyId = uuidv7();
    const personId = uuidv7();
    const serviceId = uuidv7();
    const planId = uuidv7();
    const caseId = uuidv7();
    const placementId = uuidv7();
    const first = await push(
      s,
      box.body([
        box.next('family.create', { villageCode: KENANGA, id: familyId, noKk: '3212161203150008', dusun: 'Kenanga Lor' }),
        box.next('person.create', { villageCode: KENANGA, id: personId, nik: '3212165203900011', name: 'Sri Wahyuni', sex: 2, birthDate: '1990-03-12', maritalStatus: 2, familyId }),
        box.next('service.create', { villageCode: KENANGA, id: serviceId, personId, serviceType: 'informasi_migrasi_aman', serviceDate: '2026-01-05' }),
        box.next('plan.create', { personId, id: planId, destinationCountry: 'HK', occupation: 'Pengurus rumah tangga', sector: 'domestik', scheme: 'p_to_p' }),
        box.next('document.put', { planId, kind: 'paspor', status: 'lengkap', number: 'C1234567' }),
        box.next('case.create', { villageCode: KENANGA, id: caseId, migrantPersonId: personId, reporterName: 'Ibu Sri', caseType: 'hilang_kontak', description: 'Tidak bisa dihubungi sejak dua minggu' }),
        box.next('case.transition', { id: caseId, to: 'ditangani_desa', note: 'Dihubungi lewat agen' }),
        box.next('case.note', { id: caseId, note: 'Agen berjanji menghubungi majikan' }),
        box.next('placement.create', { personId, id: placementId, departureDate: '2026-01-10', destinationCountry: 'TW', employer: 'Keluarga Lin' }),
      ]),
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ lastSeq: 9, results: expect.any(Array) });
    expect(first.json().results.map((r: { status: string; reason?: string }) => r.reason ?? r.status)).toEqual(Array(9).fill('applied'));

    const second = await push(
      s,
      box.body([
        box.next('person.update', { id: personId, occupation: 2 }, { baseVersion: await versionOf('people', personId), base: { occupation: null } }),
        box.next('family.update', { id: familyId, rt: '003' }, { baseVersion: await versionOf('families', familyId), base: { rt: null } }),
        box.next('plan.update', { id: planId, occupation: 'Perawat lansia' }, { baseVersion: await versionOf('migration_plans', planId), base: { occupation: 'Pengurus rumah tangga' } }),
        box.next('placement.return', { id: placementId, returnDate: '2026-03-01', reason: 'kontrak_selesai' }, { baseVersion: await versionOf('migration_placements', placementId) }),
      ]),
    );
    expect(second.json().results.map((r: { status: string; reason?: string }) => r.reason ?? r.status)).toEqual(Array(4).fill('applied'));
    expect(second.json().lastSeq).toBe(13);

    const person = (await t.pool.query(`SELECT occupation, family_id, migrant_status FROM people WHERE id = $1`, [personId])).rows[0];
    expect(person).toMatchObject({ occupation: 2, family_id: familyId, migrant_status: 'purna_pmi' });
    expect((await t.pool.query(`SELECT rt FROM families WHERE id = $1`, [familyId])).rows[0].rt).toBe('003');
    expect((await t.pool.query(`SELECT occupation FROM migration_plans WHERE id = $1`, [planId])).rows[0].occupation).toBe('Perawat lansia');
    expect((await t.pool.query(`SELECT status FROM migration_documents WHERE plan_id = $1 AND kind = 'paspor'`, [planId])).rows[0].status).toBe('lengkap');
    expect((await t.pool.query(`SELECT status FROM migration_cases WHERE id = $1`, [caseId])).rows[0].status).toBe('ditangani_desa');
    expect((await t.pool.query(`SELECT note FROM migration_case_events WHERE case_id = $1 AND kind = 'catatan'`, [caseId])).rows).toEqual([{ note: 'Agen berjanji menghubungi majikan' }]);
    expect((await t.pool.query(`SELECT return_date FROM migration_placements WHERE id = $1`, [placementId])).rows[0].return_date).toBe('2026-03-01');
    expect(await count(`SELECT count(*) FROM migration_services WHERE id = $1`, [serviceId])).toBe(1);
    // The online services wrote their audit entries, by this officer.
    expect(await count(`SELECT count(*) FROM audit_log WHERE entity_id = $1 AND actor_username = 'petugas.kenanga'`, [personId])).toBeGreaterThanOrEqual(2);
  });

  it('applies a batch sent twice, and a mutation id sent again under a new sequence, only once', async () => {
    const s = await t.login('petugas.kenanga');
    const box = outbox();
    const serviceArgs = () => ({ villageCode: KENANGA, id: uuidv7(), visitorName: 'Pak Darma', serviceType: 'bimbingan_konseling', serviceDate: '2026-02-01' });
    const batch = box.body([box.next('service.create', serviceArgs()), box.next('service.create', serviceArgs())]);
    const once = await push(s, batch);
    const twice = await push(s, batch);
    expect(once.json().results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
    expect(twice.json()).toMatchObject({ lastSeq: 2, results: [{ status: 'skipped' }, { status: 'skipped' }] });

    const resent = { ...batch.mutations[0]!, seq: 3 };
    const again = await push(s, box.body([resent]));
    expect(again.json()).toMatchObject({ lastSeq: 3, results: [{ status: 'skipped' }] });
    const ids = batch.mutations.map((m) => m.args.id);
    expect(await count(`SELECT count(*) FROM migration_services WHERE id = ANY($1::uuid[])`, [ids])).toBe(2);
    expect(await count(`SELECT count(*) FROM audit_log WHERE entity_id = ANY($1::text[])`, [ids])).toBe(2);
  });

  it('stops at a gap in the sequence and reports how far it got', async () => {
    const s = await t.login('petugas.kenanga');
    const box = outbox();
    const one = box.next('service.create', { villageCode: KENANGA, visitorName: 'Bu Narti', serviceType: 'bimbingan_konseling', serviceDate: '2026-02-01' });
    box.next('service.create', {}); // seq 2 stays on the phone (not sent)
    const three = box.next('service.create', { villageCode: KENANGA, visitorName: 'Bu Warsih', serviceType: 'bimbingan_konseling', serviceDate: '2026-02-01' });
    const res = await push(s, box.body([three, one]));
    expect(res.json()).toEqual({ lastSeq: 1, results: [{ id: one.id, seq: 1, status: 'applied' }], stopped: 'gap' });
    expect(await count(`SELECT count(*) FROM migration_services WHERE visitor_name = 'Bu Warsih'`)).toBe(0);
  });

  it('rejects an invalid mutation with the Indonesian reason and goes on with the next ones', async () => {
    const s = await t.login('petugas.kenanga');
    const box = outbox();
    const bad = box.next('person.create', { villageCode: KENANGA, id: uuidv7(), nik: '123', name: 'X', sex: 1 });
    const good = box.next('service.create', { villageCode: KENANGA, visitorName: 'Pak Tarsono', serviceType: 'bimbingan_konseling', serviceDate: '2026-02-02' });
    const res = await push(s, box.body([bad, good]));
    const [rejected, applied] = res.json().results;
    expect(rejected).toMatchObject({ status: 'rejected', reason: 'Data yang dikirim belum benar.' });
    expect(rejected.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['nik', 'name']));
    expect(applied.status).toBe('applied');
    expect(res.json().lastSeq).toBe(2);
    expect((await t.pool.query(`SELECT status, reason FROM sync_mutations WHERE id = $1`, [bad.id])).rows[0]).toEqual({ status: 'rejected', reason: 'Data yang dikirim belum benar.' });
  });

  it('rejects a mutation for another village and writes nothing of it', async () => {
    const kuripan = await t.login('petugas.kuripan');
    const kenanga = await t.login('petugas.kenanga');
    const kenangaPerson = await kenangaResident(kenanga, outbox(), '3212165203900021', 'Warsini');
    const box = outbox();
    const personVersion = await versionOf('people', kenangaPerson);
    const res = await push(
      kuripan,
      box.body([
        box.next('person.create', { villageCode: KENANGA, id: uuidv7(), nik: '3212165203900022', name: 'Penyusup', sex: 2 }),
        box.next('person.update', { id: kenangaPerson, name: 'Diubah Orang Luar' }, { baseVersion: personVersion, base: { name: 'Warsini' } }),
        box.next('plan.create', { personId: kenangaPerson, destinationCountry: 'HK', occupation: 'Pengasuh', sector: 'domestik', scheme: 'p_to_p' }),
        box.next('service.create', { villageCode: KURIPAN, visitorName: 'Pak Slamet', serviceType: 'bimbingan_konseling', serviceDate: '2026-02-02' }),
      ]),
    );
    const results = res.json().results as Array<{ status: string; reason?: string }>;
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'applied']);
    expect(results[0]!.reason).toBe('Data ini berada di luar wilayah akses Anda.');
    expect(await count(`SELECT count(*) FROM people WHERE name IN ('Penyusup', 'Diubah Orang Luar')`)).toBe(0);
    expect(await count(`SELECT count(*) FROM migration_plans WHERE person_id = $1`, [kenangaPerson])).toBe(0);
    expect(await versionOf('people', kenangaPerson)).toBe(personVersion);
  });

  it('stops the batch at a server fault with nothing of the failed mutation kept, and goes on when retried', async () => {
    const s = await t.login('petugas.kenanga');
    // A fault inside the service's write, after it has already written (an insert and its audit).
    await t.pool.query(`CREATE FUNCTION sync_test_fault() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.visitor_name = 'Gangguan' THEN RAISE EXCEPTION 'gangguan server'; END IF; RETURN NEW; END $$`);
    await t.pool.query(`CREATE TRIGGER sync_test_fault AFTER INSERT ON migration_services FOR EACH ROW EXECUTE FUNCTION sync_test_fault()`);
    const box = outbox();
    const visit = (visitorName: string) => ({ villageCode: KENANGA, id: uuidv7(), visitorName, serviceType: 'bimbingan_konseling', serviceDate: '2026-02-02' });
    const batch = [box.next('service.create', visit('Bu Rumsah')), box.next('service.create', visit('Gangguan')), box.next('service.create', visit('Bu Karni'))];
    const res = await push(s, box.body(batch));
    expect(res.json()).toEqual({ lastSeq: 1, results: [{ id: batch[0]!.id, seq: 1, status: 'applied' }], stopped: 'error' });
    const faulty = batch[1]!.args.id as string;
    expect(await count(`SELECT count(*) FROM migration_services WHERE id = $1`, [faulty])).toBe(0);
    expect(await count(`SELECT count(*) FROM audit_log WHERE entity_id = $1`, [faulty])).toBe(0);
    expect(await count(`SELECT count(*) FROM sync_mutations WHERE client_id = $1`, [box.clientId])).toBe(1);

    await t.pool.query(`DROP TRIGGER sync_test_fault ON migration_services`);
    const retried = await push(s, box.body(batch));
    expect(retried.json()).toMatchObject({ lastSeq: 3, results: [{ status: 'skipped' }, { status: 'applied' }, { status: 'applied' }] });
    expect(await count(`SELECT count(*) FROM migration_services WHERE id = ANY($1::uuid[])`, [batch.map((m) => m.args.id)])).toBe(3);
  });

  it('lets only the roles that write online push', async () => {
    const cooperative = await t.login('koperasi.kenanga');
    const box = outbox();
    const res = await push(cooperative, box.body([box.next('service.create', { villageCode: KENANGA, visitorName: 'Bu Koperasi', serviceType: 'bimbingan_konseling', serviceDate: '2026-02-02' })]));
    expect(res.statusCode).toBe(403);
  });

  it('refuses a client id that belongs to another officer (shared phone)', async () => {
    const first = await t.login('petugas.kenanga');
    const second = await t.login('kades.kenanga');
    const box = outbox();
    const mine = box.next('service.create', { villageCode: KENANGA, visitorName: 'Bu Sari', serviceType: 'bimbingan_konseling', serviceDate: '2026-02-02' });
    expect((await push(first, box.body([mine]))).statusCode).toBe(200);
    const theirs = box.next('service.create', { villageCode: KENANGA, visitorName: 'Bu Tini', serviceType: 'bimbingan_konseling', serviceDate: '2026-02-02' });
    const res = await push(second, box.body([theirs]));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain('milik pengguna lain');
    expect(await count(`SELECT count(*) FROM migration_services WHERE visitor_name = 'Bu Tini'`)).toBe(0);
  });
});
