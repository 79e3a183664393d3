import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { backupDatabase, restoreDatabase, tablesInDependencyOrder } from '../src/backup.js';
import { migrationsDir } from '../src/migrate.js';
import { keyring, startEmbeddedDatabase, withDatabase } from '../src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const run = promisify(execFile);
const work = mkdtempSync(path.join(tmpdir(), 'desmigratif-backup-'));
const made: string[] = [];

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new database (empty, or a clone of the demo template), dropped after the file. */
async function database(template?: string): Promise<string> {
  const name = `desmigratif_backup_${made.length}_${process.pid}`;
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  made.push(name);
  return withDatabase(inject('pgAdminUrl'), name);
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Every table's full content (as one hash of its sorted rows) and every sequence's position. */
async function fingerprint(url: string) {
  return withClient(url, async (client) => {
    await client.query(`SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'`);
    const tables: Record<string, { rows: number; md5: string | null }> = {};
    for (const name of (await tablesInDependencyOrder(client)).tables) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5 FROM public."${name}" t`,
      );
      tables[name] = rows[0];
    }
    const { rows: sequences } = await client.query(
      `SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`,
    );
    // The schema as the migrations made it (keys deferred while loading are immediate again).
    const { rows: constraints } = await client.query(
      `SELECT conrelid::regclass::text AS t, conname, condeferrable, condeferred, pg_get_constraintdef(oid) AS def
         FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`,
    );
    return { tables, sequences, constraints };
  });
}

const oddTexts = [`O'Brien "Kutip" \\ garis miring`, 'Siti 🌾👩‍👧 Aminah', 'مريم بنت عبد الله', `<script>alert('x')</script>`, `'; DROP TABLE people; --`, 'baris\nbaru\ttab'];

const sourceData = path.join(work, 'source-data');
const scan = { name: 'a1'.repeat(16), content: Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(200_000, 7)]) };

/** Adds rows with text that breaks naive dumps, a file in a bytea column, and a scanned document on disk. */
async function addOddRows(url: string) {
  mkdirSync(path.join(sourceData, 'uploads'), { recursive: true });
  writeFileSync(path.join(sourceData, 'uploads', scan.name), scan.content);
  await withClient(url, async (client) => {
    await client.query(
      `INSERT INTO migration_document_scans (id, plan_id, village_code, kind, storage_id, content_type, size_bytes, sha256)
       SELECT $1, id, village_code, 'paspor', $2, 'image/png', $3, $4 FROM migration_plans ORDER BY id LIMIT 1`,
      [uuidv7(), scan.name, scan.content.length, createHash('sha256').update(scan.content).digest('hex')],
    );
    const { rows: people } = await client.query(`SELECT id FROM people ORDER BY id LIMIT ${oddTexts.length}`);
    for (const [i, person] of people.entries()) await client.query('UPDATE people SET name = $1 WHERE id = $2', [oddTexts[i], person.id]);
    await client.query(
      `INSERT INTO import_jobs (id, village_code, file_name, file_size, file_content, status)
       VALUES ($1, '3212162004', $2, 4, $3, 'antri')`,
      // Bytes that are not text, sealed as every stored upload is.
      [uuidv7(), oddTexts[3], keyring().sealBytes(Buffer.from([0x00, 0xff, 0x0a, 0x27]))],
    );
    await client.query(
      `INSERT INTO audit_log (action, entity_type, entity_id, region_code, after) VALUES ('update', 'person', $1, '3212162004', $2)`,
      [uuidv7(), JSON.stringify({ names: oddTexts, nested: { nul: 'x\u0001y' } })],
    );
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The CLI as a person runs it, without the suite's DATABASE_URL unless given. */
function cli(script: string, args: string[], env: Record<string, string> = {}) {
  const { DATABASE_URL: _ignored, ...base } = process.env;
  return run(process.execPath, [path.join(root, 'scripts', script), ...args], { cwd: work, env: { ...base, ...env } }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );
}

let source: string;
beforeAll(async () => {
  source = await database(inject('pgTemplate'));
  await addOddRows(source);
});
afterAll(async () => {
  for (const name of made) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  rmSync(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('round-trips a populated database: every table and sequence equal, odd text intact', async () => {
    const file = path.join(work, 'lib.backup.gz');
    const progress: string[] = [];
    const header = await backupDatabase(source, file, { progress: (m) => progress.push(m), uploadsDir: path.join(sourceData, 'uploads') });
    expect(header.migrations.map((m) => m.name)).toContain('0001_foundation.sql');
    expect(header.tables.find((t) => t.name === 'regions')?.rows).toBe(91_592);
    expect(progress.some((line) => /regions\s+91\.592 baris/.test(line))).toBe(true);
    expect(progress.some((line) => /berkas pindaian dokumen\s+1 berkas/.test(line))).toBe(true);

    const target = await database();
    const restoredUploads = path.join(work, 'restored-lib', 'uploads');
    await restoreDatabase(target, file, { progress: (m) => progress.push(m), uploadsDir: restoredUploads });
    expect(readFileSync(path.join(restoredUploads, scan.name)).equals(scan.content)).toBe(true);
    const [before, after] = [await fingerprint(source), await fingerprint(target)];
    expect(Object.keys(after.tables).length).toBeGreaterThan(20);
    expect(after).toEqual(before);
    expect(before.tables.people!.rows).toBeGreaterThan(0);
    expect(before.sequences.length).toBeGreaterThan(0);

    const names = await withClient(target, async (c) => (await c.query('SELECT name FROM people WHERE name = ANY($1)', [oddTexts])).rows);
    expect(names.map((r) => r.name).sort()).toEqual([...oddTexts].sort());
    // The restored database works on: the append-only audit log still refuses edits,
    // new audit rows continue after the restored ids, triggers are back on.
    await withClient(target, async (c) => {
      await expect(c.query('DELETE FROM audit_log')).rejects.toThrow();
      const { rows: last } = await c.query('SELECT max(id)::int AS id FROM audit_log');
      const { rows } = await c.query(`INSERT INTO audit_log (action, entity_type, entity_id, region_code) VALUES ('login', 'user', 'x', '') RETURNING id::int`);
      expect(rows[0].id).toBe(last[0].id + 1);
      const { rows: triggers } = await c.query(`SELECT count(*)::int AS n FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'`);
      expect(triggers[0].n).toBe(0);
    });
  });

  it('refuses a database that is not empty, a backup from unknown migrations, and a cut-off file — changing nothing', async () => {
    const file = path.join(work, 'refuse.backup.gz');
    await backupDatabase(source, file);
    const before = await fingerprint(source);
    await expect(restoreDatabase(source, file)).rejects.toThrow(/Database tujuan tidak kosong .*Pemulihan hanya dilakukan ke database kosong/);
    expect(await fingerprint(source)).toEqual(before);

    const older = mkdtempSync(path.join(work, 'migrations-'));
    cpSync(migrationsDir, older, { recursive: true });
    const last = (await withClient(source, (c) => c.query('SELECT max(name) AS n FROM schema_migrations'))).rows[0].n as string;
    unlinkSync(path.join(older, last));
    const empty = await database();
    await expect(restoreDatabase(empty, file, { migrationsDir: older })).rejects.toThrow(`Cadangan dibuat dengan migrasi ${last} yang tidak dimiliki versi aplikasi ini.`);

    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const cut = path.join(work, 'cut.backup.gz');
    writeFileSync(cut, gzipSync(lines.slice(0, Math.floor(lines.length * 0.9)).join('\n')));
    await expect(restoreDatabase(empty, cut)).rejects.toThrow(/rusak atau terpotong/);
    // The failed restore rolled back whole: the database is still empty, so a good file now loads.
    await restoreDatabase(empty, file);
    expect(await fingerprint(empty)).toEqual(before);
  }, 120_000);

  it('npm run backup / restore with --database-url, and into a new embedded DATA_DIR', async () => {
    const backup = await cli('backup.mjs', ['--out', 'server.backup.gz', '--database-url', source], { DATA_DIR: sourceData });
    expect(backup.out).toContain('Database: DATABASE_URL');
    expect(backup.code).toBe(0);
    expect(backup.out).toMatch(/Selesai: \d+ tabel/);
    expect((await cli('backup.mjs', ['--out', 'server.backup.gz', '--database-url', source])).out).toContain('sudah ada');

    const target = await database();
    // Restored beside the source's own files (a test restore on the same machine): the same bytes are accepted.
    const restore = await cli('restore.mjs', ['server.backup.gz', '--database-url', target], { DATA_DIR: sourceData });
    expect(restore.code).toBe(0);
    expect(restore.out).toMatch(/people\s+[\d.]+ baris/);
    expect(restore.out).toMatch(/berkas pindaian dokumen\s+1 berkas/);
    expect(await fingerprint(target)).toEqual(await fingerprint(source));
    const again = await cli('restore.mjs', ['server.backup.gz', '--database-url', target]);
    expect(again.code).toBe(1);
    expect(again.out).toContain('Database tujuan tidak kosong');

    // Embedded mode: the CLI starts the cluster in DATA_DIR itself and stops it afterwards.
    const dataDir = path.join(work, 'data');
    const port = String(await freePort());
    const embeddedRestore = await cli('restore.mjs', ['server.backup.gz'], { DATA_DIR: dataDir, EMBEDDED_PG_PORT: port });
    expect(embeddedRestore.out).toContain(`PostgreSQL tertanam di ${dataDir}`);
    expect(embeddedRestore.code).toBe(0);
    expect(readFileSync(path.join(dataDir, 'uploads', scan.name)).equals(scan.content)).toBe(true);
    const embeddedBackup = await cli('backup.mjs', ['--out', 'embedded.backup.gz'], { DATA_DIR: dataDir, EMBEDDED_PG_PORT: port });
    expect(embeddedBackup.code).toBe(0);
    const embedded = await startEmbeddedDatabase({ dataDir, port: Number(port) });
    try {
      expect(await fingerprint(embedded.url)).toEqual(await fingerprint(source));
      // While a server holds the folder, a backup uses its running cluster; a restore is refused.
      const live = await cli('backup.mjs', ['--out', 'live.backup.gz'], { DATA_DIR: dataDir, EMBEDDED_PG_PORT: '1' });
      expect(live.out).toContain('milik server yang sedang berjalan');
      expect(live.code).toBe(0);
      const refused = await cli('restore.mjs', ['server.backup.gz'], { DATA_DIR: dataDir, EMBEDDED_PG_PORT: port });
      expect(refused.code).toBe(1);
      expect(refused.out).toMatch(/sedang dipakai proses lain/);
    } finally {
      await embedded.stop();
    }
  }, 240_000);
});
