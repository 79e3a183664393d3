import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPool, DataDirInUseError, loadRegions, migrate, migrationsDir, type Pool, startEmbeddedDatabase, withDatabase } from '../src/index.js';
import pg from 'pg';

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('migrations and reference data on an empty database', () => {
  const name = `desmigratif_dbtest_${process.pid}`;
  let pool: Pool;
  beforeAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${name}`);
    await admin(`CREATE DATABASE ${name}`);
    pool = createPool(withDatabase(inject('pgAdminUrl'), name), 2);
  });
  afterAll(async () => {
    await pool.end();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('applies every migration once, and nothing on the second run', async () => {
    const first = await migrate(pool);
    expect(first).toContain('0001_foundation.sql');
    expect(await migrate(pool)).toEqual([]);
  });

  it('loads the 91,592 regions once; a second load changes nothing', async () => {
    const first = await loadRegions(pool);
    expect(first).toEqual({ loaded: true, rows: 91_592, version: 'idn-area-data@3.1.2' });
    const second = await loadRegions(pool);
    expect(second.loaded).toBe(false);
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM regions`);
    expect(rows[0].n).toBe(91_592);
    const apostrophe = await pool.query(`SELECT name FROM regions WHERE code = '3513152017'`);
    expect(apostrophe.rows[0].name).toBe("Soka'an");
  });

  it('refuses to start when an applied migration was edited afterwards', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'migrations-'));
    try {
      cpSync(migrationsDir, dir, { recursive: true });
      writeFileSync(path.join(dir, '0001_foundation.sql'), '-- edited\nSELECT 1;');
      await expect(migrate(pool, dir)).rejects.toThrow('Migrasi 0001_foundation.sql berubah setelah diterapkan; buat migrasi baru, jangan ubah yang lama.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rolls back a failing migration completely', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'migrations-'));
    try {
      cpSync(migrationsDir, dir, { recursive: true });
      writeFileSync(path.join(dir, '9999_broken.sql'), 'CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;');
      await expect(migrate(pool, dir)).rejects.toThrow(/Migrasi 9999_broken.sql gagal/);
      const { rowCount } = await pool.query(`SELECT 1 FROM pg_tables WHERE tablename = 'half_done'`);
      expect(rowCount).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('embedded PostgreSQL data folder', () => {
  it('refuses a second server on the same data folder while the first lives, and keeps data across restarts', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'desmigratif-lock-'));
    const port = 54_000 + (process.pid % 1000);
    try {
      const first = await startEmbeddedDatabase({ dataDir: dir, port });
      const client = new pg.Client({ connectionString: first.url });
      await client.connect();
      await client.query("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('tetap ada')");
      await client.end();

      // Another process (here: PID 1, always alive) owns the folder.
      writeFileSync(path.join(dir, 'server.pid'), '1\n');
      await expect(startEmbeddedDatabase({ dataDir: dir, port: port + 1 })).rejects.toBeInstanceOf(DataDirInUseError);
      await expect(startEmbeddedDatabase({ dataDir: dir, port: port + 1 })).rejects.toThrow(/sedang dipakai proses lain \(PID 1\)/);
      writeFileSync(path.join(dir, 'server.pid'), `${process.pid}\n`);
      await first.stop();

      const again = await startEmbeddedDatabase({ dataDir: dir, port });
      const check = new pg.Client({ connectionString: again.url });
      await check.connect();
      const { rows } = await check.query('SELECT v FROM kept');
      await check.end();
      await again.stop();
      expect(rows).toEqual([{ v: 'tetap ada' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
