import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  checkKeyOpensData,
  createPool,
  installKeyring,
  Keyring,
  keyring,
  listMigrations,
  migrate,
  migrationsDir,
  sealPlaintextIdentities,
  type Pool,
} from '@desmigratif/db';
import { testKeyring } from '@desmigratif/db/test-keyring';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabaseFromTemplate } from '../test/database.js';
import { nikIndex, noKkIndex, opened } from '../test/sealed.js';

/**
 * An install from before identity numbers were sealed (migrations up to 0014, numbers in the
 * clear) is upgraded: migration 0015 moves the numbers aside and start-up seals them.
 */
let pool: Pool;
let drop: () => Promise<void>;
const oldMigrations = mkdtempSync(path.join(tmpdir(), 'desmigratif-migrations-'));

beforeAll(async () => {
  const db = await createDatabaseFromTemplate(inject('pgAdminUrl'), 'template0');
  drop = db.drop;
  pool = createPool(db.url, 3);
  for (const m of listMigrations().filter((m) => m.name < '0015')) copyFileSync(path.join(migrationsDir, m.name), path.join(oldMigrations, m.name));
  await migrate(pool, oldMigrations);
  await pool.query(`INSERT INTO regions (code, level, parent_code, name) VALUES ('32', 1, NULL, 'JAWA BARAT'),
    ('3212', 2, '32', 'KAB. INDRAMAYU'), ('321216', 3, '3212', 'SUKAGUMIWANG'), ('3212162004', 4, '321216', 'KENANGA')`);
  await pool.query(`INSERT INTO families (id, village_code) VALUES ('01900000-0000-7000-8000-00000000f001', '3212162004')`);
  await pool.query(`INSERT INTO family_card_numbers (id, family_id, village_code, no_kk)
    VALUES ('01900000-0000-7000-8000-00000000c001', '01900000-0000-7000-8000-00000000f001', '3212162004', '3212160506150001')`);
  await pool.query(`INSERT INTO people (id, village_code, family_id, nik, name, name_key, sex, mother_nik, passport_number)
    VALUES ('01900000-0000-7000-8000-00000000a001', '3212162004', '01900000-0000-7000-8000-00000000f001', '3212165203900001', 'Siti Lama', 'siti lama', 2, '3212164101680002', 'C1112223'),
           ('01900000-0000-7000-8000-00000000a002', '3212162004', NULL, '0321216200400001', 'Warsini', 'warsini', 2, NULL, NULL)`);
  await pool.query(`INSERT INTO audit_log (action, entity_type, entity_id, region_code, after)
    VALUES ('create', 'person', '01900000-0000-7000-8000-00000000a001', '3212162004', '{"nik": "3212165203900001", "name": "Siti Lama"}')`);
});

afterAll(async () => {
  installKeyring(testKeyring());
  await pool?.end();
  await drop?.();
  rmSync(oldMigrations, { recursive: true, force: true });
});

describe('upgrading an install that kept identity numbers in the clear', () => {
  it('seals every number at start-up, keeps them findable, and masks them in the audit log', async () => {
    expect(await migrate(pool)).toContain('0015_sealed_identity.sql');
    expect((await pool.query('SELECT count(*)::int AS n FROM legacy_identity_numbers')).rows[0].n).toBe(5);
    expect(await sealPlaintextIdentities(pool)).toBe(5);
    expect((await pool.query('SELECT count(*)::int AS n FROM legacy_identity_numbers')).rows[0].n).toBe(0);

    const people = opened(
      (await pool.query(`SELECT id, nik, mother_nik, passport_number, nik_temporary FROM people ORDER BY id`)).rows,
    );
    expect(people).toEqual([
      { id: '01900000-0000-7000-8000-00000000a001', nik: '3212165203900001', mother_nik: '3212164101680002', passport_number: 'C1112223', nik_temporary: false },
      { id: '01900000-0000-7000-8000-00000000a002', nik: '0321216200400001', mother_nik: null, passport_number: null, nik_temporary: true },
    ]);
    const byIndex = await pool.query(`SELECT id FROM people WHERE nik_bidx = $1`, [nikIndex('3212165203900001')]);
    expect(byIndex.rows).toEqual([{ id: '01900000-0000-7000-8000-00000000a001' }]);
    const card = await pool.query(`SELECT id FROM family_card_numbers WHERE no_kk_bidx = $1`, [noKkIndex('3212160506150001')]);
    expect(card.rows).toHaveLength(1);
    const audit = await pool.query(`SELECT after FROM audit_log`);
    expect(audit.rows[0].after).toEqual({ nik: '3212••••••••0001', name: 'Siti Lama' });
    // Every constraint now holds for the rows sealed after the migration.
    await pool.query('ALTER TABLE people VALIDATE CONSTRAINT people_nik_present');
    // Running again finds nothing left.
    expect(await sealPlaintextIdentities(pool)).toBe(0);
  });

  it('refuses to start with a key file that does not belong to the data', async () => {
    const stranger = new Keyring([{ id: 'lain', key: Buffer.alloc(32, 3) }]);
    await expect(checkKeyOpensData(pool, stranger)).rejects.toThrow(/kunci "test".*tidak ada di berkas kunci/);
    const sameNameWrongKey = new Keyring([{ id: 'test', key: Buffer.alloc(32, 4) }]);
    await expect(checkKeyOpensData(pool, sameNameWrongKey)).rejects.toThrow(/tidak bisa dibuka dengan kunci "test"/);
    await expect(checkKeyOpensData(pool, keyring())).resolves.toBeUndefined();
  });
});
