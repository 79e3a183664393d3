import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { backupDatabase } from '../../../../packages/db/src/backup.js';
import { installKeyring, keyring, Keyring, keyUsage, parseKeys, rotateFiles, rotateKeys } from '@desmigratif/db';
import { testKeyring, TEST_KEY_LINES } from '@desmigratif/db/test-keyring';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, describe, expect, it } from 'vitest';
import { importFile, residents, residentWorkbook } from '../modules/people/import/test-files.js';
import { KENANGA, outbox } from '../modules/sync/sync-test-kit.js';
import { useTestApp } from '../test/support.js';

const t = useTestApp();

// Identity numbers of fictitious people, each written through a different road into the database.
const numbers = {
  apiNik: '3212165203900071',
  fatherNik: '3212160101650072',
  motherNik: '3212164101680073',
  passport: 'C7654321',
  noKk: '3212160506150074',
  documentNumber: 'X9988776',
  conflictNik: '3212165203900075',
};

/** Every text, JSON and bytea value of every table, searched for the numbers in the clear. */
async function tablesHolding(value: string): Promise<string[]> {
  const { rows: columns } = await t.pool.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
       JOIN information_schema.tables tb ON tb.table_name = c.table_name AND tb.table_schema = c.table_schema
      WHERE c.table_schema = current_schema() AND tb.table_type = 'BASE TABLE'
        AND c.data_type IN ('text', 'character varying', 'jsonb', 'json', 'bytea', 'ARRAY')`,
  );
  const found: string[] = [];
  for (const c of columns) {
    const test =
      c.data_type === 'bytea'
        ? `position(convert_to($1, 'UTF8') IN "${c.column_name}") > 0`
        : `strpos("${c.column_name}"::text, $1) > 0`;
    const { rows } = await t.pool.query(`SELECT 1 FROM "${c.table_name}" WHERE ${test} LIMIT 1`, [value]);
    if (rows.length) found.push(`${c.table_name}.${c.column_name}`);
  }
  return found;
}

const dir = mkdtempSync(path.join(tmpdir(), 'desmigratif-sealed-'));
afterAll(() => {
  installKeyring(testKeyring());
  rmSync(dir, { recursive: true, force: true });
});

describe('identity numbers at rest', () => {
  const imported = residents(8, { firstSerial: 9100 });

  it('writes no identity number in the clear, whichever road it came by', async () => {
    const officer = await t.login('petugas.kenanga');
    const base = `/api/v1/villages/${KENANGA}`;
    // 1. The online form: a person with parents' NIKs and a passport, in a family with a No. KK.
    const family = await officer.request({ method: 'POST', url: `${base}/families`, payload: { noKk: numbers.noKk, dusun: 'Blok Barat' } });
    expect(family.statusCode, family.body).toBe(201);
    const person = await officer.request({
      method: 'POST',
      url: `${base}/people`,
      payload: {
        nik: numbers.apiNik, name: 'Sarminah Rahasia', sex: 2, birthDate: '1990-03-12', familyId: family.json().id,
        fatherNik: numbers.fatherNik, motherNik: numbers.motherNik, passportNumber: numbers.passport,
      },
    });
    expect(person.statusCode, person.body).toBe(201);
    const personId = person.json().id as string;
    // 2. A migration plan with a document number.
    const plan = await officer.request({ method: 'POST', url: `/api/v1/people/${personId}/migration-plans`, payload: { destinationCountry: 'TW', occupation: 'Operator pabrik', sector: 'formal', scheme: 'p_to_p' } });
    expect(plan.statusCode, plan.body).toBe(201);
    const doc = await officer.request({
      method: 'PUT',
      url: `/api/v1/migration-plans/${plan.json().id}/documents/paspor`,
      payload: { status: 'lengkap', number: numbers.documentNumber },
    });
    expect(doc.statusCode, doc.body).toBe(200);
    // 3. An OpenSID import, one row rejected (its cells are kept for the village to fix).
    const rows = imported.map((r, i) => (i === 7 ? { ...r, tanggallahir: 'bukan tanggal' } : r));
    const job = await importFile(officer, KENANGA, await residentWorkbook(rows));
    expect(job, JSON.stringify(job)).toMatchObject({ status: 'selesai', createdCount: 7, rejectedCount: 1 });
    // 4. Two phones changing the same NIK: the conflict keeps both values.
    const id = uuidv7();
    const phoneA = outbox();
    const phoneB = outbox();
    const pushed = await officer.request({ method: 'POST', url: '/api/v1/sync/push', payload: phoneA.body([phoneA.next('person.create', { villageCode: KENANGA, id, nik: '3212165203900076', name: 'Karsih', sex: 2, birthDate: '1990-03-12' })]) });
    expect(pushed.json().results[0].status).toBe('applied');
    const version = (await t.pool.query(`SELECT version::text AS v FROM people WHERE id = $1`, [id])).rows[0].v as string;
    const headman = await t.login('kades.kenanga');
    await headman.request({ method: 'POST', url: '/api/v1/sync/push', payload: phoneB.body([phoneB.next('person.update', { id, nik: '3212165203900077' }, { baseVersion: version, base: { nik: '3212165203900076' } })]) });
    const conflict = await officer.request({ method: 'POST', url: '/api/v1/sync/push', payload: phoneA.body([phoneA.next('person.update', { id, nik: numbers.conflictNik }, { baseVersion: version, base: { nik: '3212165203900076' } })]) });
    expect(conflict.json().results[0].status).toBe('conflict');

    // What the officer sees is in the clear …
    const shown = (await officer.request({ method: 'GET', url: `/api/v1/people/${personId}` })).json();
    expect(shown).toMatchObject({ nik: numbers.apiNik, fatherNik: numbers.fatherNik, motherNik: numbers.motherNik, passportNumber: numbers.passport });
    const conflictShown = (await officer.request({ method: 'GET', url: `/api/v1/sync/conflicts/${conflict.json().results[0].conflictId}` })).json();
    expect(JSON.stringify(conflictShown)).toContain(numbers.conflictNik);
    // … what the database holds is not, in any table or column (audit log and import tables included).
    for (const value of [...Object.values(numbers), imported[0]!.nik as string, imported[7]!.nik as string, imported[0]!.no_kk as string]) {
      expect(await tablesHolding(value), value).toEqual([]);
    }
    // The audit log keeps a masked trace of the number that was recorded.
    const audit = await t.pool.query(`SELECT after->>'nik' AS nik FROM audit_log WHERE entity_id = $1 AND action = 'create'`, [personId]);
    expect(audit.rows[0].nik).toBe('3212••••••••0071');
  });

  it('leaves no identity number in a backup file either', async () => {
    const { rows } = await t.pool.query<{ url: string }>(`SELECT current_database() AS url`);
    const url = t.pool.options.connectionString!.replace(/\/[^/]*$/, `/${rows[0]!.url}`);
    const file = path.join(dir, 'cadangan.jsonl.gz');
    await backupDatabase(url, file, {});
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    expect(text).toContain('Sarminah Rahasia');
    for (const value of Object.values(numbers)) expect(text.includes(value), value).toBe(false);
  });

  it('refuses a value written in the clear by mistake, at the database', async () => {
    const wrong = t.pool.query(`UPDATE people SET passport_number = convert_to('C1234567', 'UTF8') WHERE nik IS NOT NULL`);
    await expect(wrong).rejects.toThrow(/check constraint/);
  });

  it('rotates to a new key while every number stays readable and findable', async () => {
    const officer = await t.login('petugas.kenanga');
    const before = await keyUsage(t.pool);
    expect(before.every((u) => u.keyId === 'test')).toBe(true);
    const rotated = new Keyring([{ id: 'k2', key: Buffer.alloc(32, 7) }, ...parseKeys(TEST_KEY_LINES)]);
    installKeyring(rotated);
    // Before the rotation ran: old rows are still found through their old blind index.
    const found = (await officer.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/people?q=${numbers.apiNik}` })).json();
    expect(found.items.map((p: { nik: string }) => p.nik)).toEqual([numbers.apiNik]);
    const progress: number[] = [];
    const done = await rotateKeys(t.pool, (n) => progress.push(n));
    expect(done).toBeGreaterThan(0);
    expect(progress.at(-1)).toBeGreaterThan(0);
    const after = await keyUsage(t.pool);
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((u) => u.keyId !== 'k2')).toEqual([]);
    // With the old key gone from the ring, everything still opens and is found.
    installKeyring(new Keyring([{ id: 'k2', key: Buffer.alloc(32, 7) }]));
    expect(keyring().ids).toEqual(['k2']);
    const again = (await officer.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/people?q=${numbers.apiNik}` })).json();
    expect(again.items[0]).toMatchObject({ nik: numbers.apiNik });
    const family = (await officer.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/families?q=${numbers.noKk}` })).json();
    expect(family.items).toHaveLength(1);
    // A second run has nothing left to do.
    expect(await rotateKeys(t.pool)).toBe(0);
  });

  it('re-seals stored scans under the current key, and seals scans kept from before', async () => {
    const uploads = mkdtempSync(path.join(dir, 'uploads-'));
    const old = new Keyring(parseKeys(TEST_KEY_LINES));
    writeFileSync(path.join(uploads, 'a'.repeat(32)), old.sealBytes(Buffer.from('pindaian paspor')));
    writeFileSync(path.join(uploads, 'b'.repeat(32)), Buffer.from('%PDF-1.4 kontrak lama'));
    const ring = new Keyring([{ id: 'k3', key: Buffer.alloc(32, 9) }, ...parseKeys(TEST_KEY_LINES)]);
    expect(await rotateFiles(uploads, ring)).toBe(2);
    for (const [name, text] of [['a', 'pindaian paspor'], ['b', '%PDF-1.4 kontrak lama']] as const) {
      const stored = readFileSync(path.join(uploads, name.repeat(32)));
      expect(ring.keyIdOf(stored)).toBe('k3');
      expect(ring.openBytes(stored).toString()).toBe(text);
    }
    expect(await rotateFiles(uploads, ring)).toBe(0);
  });
});
