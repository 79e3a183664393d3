import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, existsSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { type EmbeddedDatabase, startEmbeddedDatabase } from './embedded.js';
import { listMigrations, migrationsDir } from './migrate.js';

/**
 * Logical backup and restore in Node (the embedded PostgreSQL ships no pg_dump, and a
 * machine's pg_dump may be older than the server).
 *
 * A backup is one gzip file of JSON lines: a header (format, app version, the applied
 * migrations with checksums, row counts), then each table of the public schema in
 * foreign-key order — one line per row, the row's own PostgreSQL text form, which every
 * column type (bytea, jsonb, arrays, xid8, timestamps) reads back exactly — then the
 * scanned documents the rows name (from DATA_DIR/uploads, base64), the sequence values and
 * an end marker, so a cut-off file is refused rather than half loaded.
 * Everything is read in one REPEATABLE READ READ ONLY transaction: a consistent snapshot
 * while the application keeps writing.
 *
 * A restore goes into an empty database only, in ONE transaction: the migrations named
 * in the header, the rows, the sequences. A failure leaves the database as empty as it was
 * (and removes the scan files it had written).
 */

export const BACKUP_FORMAT = 'desmigratif-backup';
export const BACKUP_FORMAT_VERSION = 1;

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  createdAt: string;
  serverVersion: string;
  migrations: Array<{ name: string; checksum: string }>;
  tables: Array<{ name: string; rows: number }>;
};

type SequenceValue = { name: string; lastValue: string; isCalled: boolean };
type Line =
  | { t: 'table'; name: string; rows: number }
  | { t: 'file'; name: string; size: number; sha256: string }
  | { t: 'sequences'; values: SequenceValue[] }
  | { t: 'end'; rows: number };

export type BackupOptions = {
  progress?: Progress;
  /**
   * The folder of uploaded document scans (`DATA_DIR/uploads`): the rows name the files, the
   * bytes live there. Backed up with the rows that name them, restored beside the rows.
   */
  uploadsDir?: string;
};

/** Scans are stored under a random 32-hex name (apps/server/src/modules/migration/scans.ts). */
const STORED_FILE = /^[0-9a-f]{32}$/;
/** Bytes per base64 line of a stored file. */
const FILE_LINE_BYTES = 48 * 1024;

export type Progress = (message: string) => void;

const BATCH = 2000;
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The text forms of values must not depend on the session: fixed before reading and loading. */
async function fixSessionFormats(client: pg.ClientBase): Promise<void> {
  await client.query(`SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres';
                      SET extra_float_digits = 1; SET bytea_output = 'hex'`);
}

export type TableOrder = {
  /** Parents before children. */
  tables: string[];
  /** Foreign keys that close a cycle (families ↔ people): checked at the end of the load instead of per statement. */
  deferred: Array<{ table: string; constraint: string }>;
};

/**
 * Ordinary tables of the public schema (not an extension's), parents before children.
 * Where foreign keys form a cycle, the table with the fewest unplaced parents goes first
 * and its keys to them are named in `deferred`.
 */
export async function tablesInDependencyOrder(client: pg.ClientBase): Promise<TableOrder> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
      ORDER BY c.relname`,
  );
  const { rows: keys } = await client.query<{ child: string; parent: string; constraint: string }>(
    `SELECT ch.relname AS child, pa.relname AS parent, k.conname AS constraint
       FROM pg_constraint k JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = ch.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public' AND ch.oid <> pa.oid AND NOT k.condeferrable
      ORDER BY k.conname`,
  );
  const remaining = new Set(tables.map((t) => t.name));
  const unplacedParents = (table: string) => keys.filter((k) => k.child === table && remaining.has(k.parent));
  const order: TableOrder = { tables: [], deferred: [] };
  while (remaining.size > 0) {
    let ready = [...remaining].filter((t) => unplacedParents(t).length === 0);
    if (ready.length === 0) {
      const fewest = [...remaining].sort((a, b) => unplacedParents(a).length - unplacedParents(b).length)[0]!;
      for (const k of unplacedParents(fewest)) order.deferred.push({ table: fewest, constraint: k.constraint });
      ready = [fewest];
    }
    for (const t of ready) {
      order.tables.push(t);
      remaining.delete(t);
    }
  }
  return order;
}

/**
 * Sequences are not part of a snapshot: read after every table, their values are at least
 * those of any row in the backup, so a restored database never hands out a used number.
 */
async function sequenceValues(client: pg.ClientBase): Promise<SequenceValue[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'S'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
      ORDER BY c.relname`,
  );
  const values: SequenceValue[] = [];
  for (const { name } of rows) {
    const { rows: v } = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text, is_called FROM public.${quote(name)}`,
    );
    values.push({ name, lastValue: v[0]!.last_value, isCalled: v[0]!.is_called });
  }
  return values;
}

function appVersion(): string {
  // packages/db/migrations → the repository root's package.json.
  const file = path.resolve(migrationsDir, '../../../package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : 'unknown';
}

/** `desmigratif-2026-11-22-1850.backup.gz` (UTC). */
export function defaultBackupName(now = new Date()): string {
  const stamp = now.toISOString().slice(0, 16).replace('T', '-').replace(':', '');
  return `desmigratif-${stamp}.backup.gz`;
}

/** Writes a backup of the database at `url` to `file`; returns its header. */
export async function backupDatabase(url: string, file: string, options: BackupOptions = {}): Promise<BackupHeader> {
  const progress = options.progress ?? (() => undefined);
  // Opened first, so an existing file is refused before any work; readable by the owner only.
  const out = (await open(file, 'wx', 0o600)).createWriteStream();
  const gzip = createGzip();
  const piped = finished(gzip.pipe(out));
  const client = new pg.Client({ connectionString: url, application_name: 'desmigratif-backup' });
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  try {
    await client.connect();
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await fixSessionFormats(client);
    const migrationsTable = await client.query(`SELECT to_regclass('public.schema_migrations') AS t`);
    if (!migrationsTable.rows[0].t) throw new Error('Database ini belum berisi skema Desmigratif (tabel schema_migrations tidak ada).');
    const { rows: migrations } = await client.query<{ name: string; checksum: string }>(
      'SELECT name, checksum FROM schema_migrations ORDER BY name',
    );
    const { tables: names } = await tablesInDependencyOrder(client);
    const tables: BackupHeader['tables'] = [];
    for (const name of names) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ONLY public.${quote(name)}`);
      tables.push({ name, rows: Number(rows[0]!.n) });
    }
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: appVersion(),
      createdAt: new Date().toISOString(),
      serverVersion: (await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]!.v,
      migrations,
      tables,
    };
    await write(header);
    let total = 0;
    for (const table of tables) {
      await write({ t: 'table', name: table.name, rows: table.rows } satisfies Line);
      await client.query(`DECLARE rows_out NO SCROLL CURSOR FOR SELECT r::text AS r FROM ONLY public.${quote(table.name)} r`);
      for (;;) {
        const { rows } = await client.query<{ r: string }>(`FETCH ${BATCH} FROM rows_out`);
        for (const row of rows) await write(row.r);
        if (rows.length < BATCH) break;
      }
      await client.query('CLOSE rows_out');
      total += table.rows;
      progress(`  ${table.name.padEnd(32)} ${table.rows.toLocaleString('id-ID').padStart(10)} baris`);
    }
    if (options.uploadsDir) await writeStoredFiles(client, options.uploadsDir, write, progress);
    await write({ t: 'sequences', values: await sequenceValues(client) } satisfies Line);
    await write({ t: 'end', rows: total } satisfies Line);
    await client.query('COMMIT');
    gzip.end();
    await piped;
    return header;
  } catch (error) {
    gzip.destroy();
    out.destroy();
    await piped.catch(() => undefined);
    rmSync(file, { force: true });
    throw error;
  } finally {
    // Ending the connection also ends its read-only transaction.
    await client.end().catch(() => undefined);
  }
}

/**
 * The scan files the snapshot's rows name. A file removed after the snapshot was taken (its
 * scan replaced in the meantime) is reported and left out: the next backup has the new one.
 */
async function writeStoredFiles(client: pg.ClientBase, dir: string, write: (value: unknown) => Promise<void>, progress: Progress) {
  const exists = await client.query(`SELECT to_regclass('public.migration_document_scans') AS t`);
  if (!exists.rows[0].t) return;
  const { rows } = await client.query<{ storage_id: string }>('SELECT storage_id FROM migration_document_scans ORDER BY storage_id');
  let bytes = 0;
  let files = 0;
  for (const { storage_id: name } of rows) {
    if (!STORED_FILE.test(name)) continue;
    const content = await readFile(path.join(dir, name)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (!content) {
      progress(`  Peringatan: berkas pindaian ${name} tidak ada di ${dir}; dilewati.`);
      continue;
    }
    await write({ t: 'file', name, size: content.length, sha256: createHash('sha256').update(content).digest('hex') } satisfies Line);
    for (let at = 0; at < content.length; at += FILE_LINE_BYTES) await write(content.subarray(at, at + FILE_LINE_BYTES).toString('base64'));
    bytes += content.length;
    files += 1;
  }
  if (files) progress(`  ${'berkas pindaian dokumen'.padEnd(32)} ${files.toLocaleString('id-ID').padStart(10)} berkas (${(bytes / 1024 / 1024).toFixed(1)} MB)`);
}

/** Reads a backup file line by line (each line one JSON value). */
async function* readLines(file: string): AsyncGenerator<unknown> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line) as unknown;
}

const damaged = (file: string, detail: string) => new Error(`Berkas cadangan ${file} rusak atau terpotong: ${detail}.`);

function checkHeader(file: string, value: unknown): BackupHeader {
  const header = value as Partial<BackupHeader> | undefined;
  if (header?.format !== BACKUP_FORMAT) throw new Error(`${file} bukan berkas cadangan Desmigratif.`);
  if (header.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new Error(`Format cadangan versi ${header.formatVersion} tidak dikenal oleh versi aplikasi ini (mengenal versi ${BACKUP_FORMAT_VERSION}).`);
  }
  return header as BackupHeader;
}

/** The migrations to apply: exactly those the backup was made with, each unchanged in this code. */
function migrationsFor(header: BackupHeader, dir: string) {
  const known = new Map(listMigrations(dir).map((m) => [m.name, m]));
  return header.migrations.map(({ name, checksum }) => {
    const local = known.get(name);
    if (!local) {
      throw new Error(
        `Cadangan dibuat dengan migrasi ${name} yang tidak dimiliki versi aplikasi ini. ` +
          `Pulihkan dengan versi aplikasi yang sama atau lebih baru (versi cadangan: ${header.appVersion}).`,
      );
    }
    if (local.checksum !== checksum) throw new Error(`Migrasi ${name} di cadangan berbeda dengan milik versi aplikasi ini; pemulihan dibatalkan.`);
    return local;
  });
}

async function assertEmpty(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')`,
  );
  if (rows[0]!.n > 0) {
    throw new Error(
      `Database tujuan tidak kosong (berisi ${rows[0]!.n} tabel/urutan). Pemulihan hanya dilakukan ke database kosong, ` +
        'agar tidak ada data yang tertimpa: buat database baru, atau pada mode tertanam pakai folder DATA_DIR baru.',
    );
  }
}

/**
 * Triggers that would change the rows being loaded (stamping the loading transaction's
 * id, queueing duplicate scans that are themselves in the backup). Only INSERT triggers
 * are turned off, and only while loading; the audit log's append-only guard (UPDATE,
 * DELETE, TRUNCATE) stays on.
 */
async function insertTriggers(client: pg.ClientBase): Promise<Array<{ table: string; trigger: string }>> {
  const { rows } = await client.query<{ table: string; trigger: string }>(
    `SELECT c.relname AS table, t.tgname AS trigger
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND NOT t.tgisinternal AND (t.tgtype & 4) <> 0 AND t.tgenabled <> 'D'
      ORDER BY 1, 2`,
  );
  return rows;
}

type TableLoader = { add: (row: string) => Promise<void>; done: () => Promise<void> };

/**
 * Rows go in batches, each parsed by PostgreSQL from its text form into the table's row
 * type. Generated columns are computed again; identity values are kept. A table that
 * refers to itself is staged whole first and inserted in one statement, so a row may
 * come before the row it points to (foreign keys are checked at the end of a statement).
 */
async function tableLoader(client: pg.ClientBase, table: string): Promise<TableLoader> {
  const { rows: columns } = await client.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_attribute a
      WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum`,
    [`public.${quote(table)}`],
  );
  const { rowCount: selfReferences } = await client.query(
    `SELECT 1 FROM pg_constraint WHERE contype = 'f' AND conrelid = $1::regclass AND confrelid = conrelid`,
    [`public.${quote(table)}`],
  );
  const target = `public.${quote(table)}`;
  const list = columns.map((c) => quote(c.name)).join(', ');
  const fields = columns.map((c) => `(r::${target}).${quote(c.name)}`).join(', ');
  const insertFrom = (source: string) => `INSERT INTO ${target} (${list}) OVERRIDING SYSTEM VALUE SELECT ${fields} FROM ${source}`;
  const staged = Boolean(selfReferences);
  if (staged) await client.query('CREATE TEMP TABLE restore_stage (r text) ON COMMIT DROP');
  let batch: string[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    if (staged) await client.query('INSERT INTO restore_stage SELECT unnest($1::text[])', [batch]);
    else await client.query(insertFrom('unnest($1::text[]) AS r'), [batch]);
    batch = [];
  };
  return {
    add: async (row) => {
      batch.push(row);
      if (batch.length >= BATCH) await flush();
    },
    done: async () => {
      await flush();
      if (staged) {
        await client.query(insertFrom('restore_stage AS r'));
        await client.query('DROP TABLE restore_stage');
      }
    },
  };
}

export type RestoreOptions = BackupOptions & {
  /** Where this code's migrations are (tests point elsewhere). */
  migrationsDir?: string;
};

/**
 * Restores a backup file into the (empty) database at `url`, in one transaction, and its
 * scan files into `uploadsDir` (never over an existing file; removed again if the restore fails).
 */
export async function restoreDatabase(url: string, file: string, options: RestoreOptions = {}): Promise<BackupHeader> {
  const progress = options.progress ?? (() => undefined);
  const dir = options.migrationsDir ?? migrationsDir;
  const lines = readLines(file)[Symbol.asyncIterator]();
  const next = async () => {
    const result = await lines.next();
    if (result.done) throw damaged(file, 'berkas berakhir sebelum penanda akhir');
    return result.value;
  };
  let client: pg.Client | undefined;
  try {
    const first = await next().catch(() => {
      throw new Error(`${file} bukan berkas cadangan Desmigratif.`);
    });
    const header = checkHeader(file, first);
    const migrations = migrationsFor(header, dir);
    client = new pg.Client({ connectionString: url, application_name: 'desmigratif-restore' });
    await client.connect();
    return await load(client, header, migrations, next, file, progress, options.uploadsDir);
  } finally {
    await lines.return(undefined);
    await client?.end();
  }
}

async function load(
  client: pg.Client,
  header: BackupHeader,
  migrations: ReturnType<typeof listMigrations>,
  next: () => Promise<unknown>,
  file: string,
  progress: Progress,
  uploadsDir: string | undefined,
): Promise<BackupHeader> {
  const written: string[] = [];
  try {
    await client.query('BEGIN');
    await assertEmpty(client);
    await fixSessionFormats(client);
    // The same table migrate() keeps; its rows come from the backup below.
    await client.query(`CREATE TABLE schema_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    for (const m of migrations) {
      await client.query(m.sql).catch((error: Error) => {
        throw new Error(`Migrasi ${m.name} gagal saat pemulihan: ${error.message}`);
      });
    }
    progress(`Skema dibuat: ${migrations.length} migrasi.`);
    const order = await tablesInDependencyOrder(client);
    // Rows some migrations seed (e.g. program targets) are in the backup as they were then.
    for (const name of [...order.tables].reverse()) {
      if (name !== 'audit_log') await client.query(`DELETE FROM public.${quote(name)}`);
    }
    // A key closing a cycle is checked once all rows are in (SET CONSTRAINTS … IMMEDIATE
    // below), then made immediate again as the migrations defined it.
    for (const { table, constraint } of order.deferred) {
      await client.query(`ALTER TABLE public.${quote(table)} ALTER CONSTRAINT ${quote(constraint)} DEFERRABLE INITIALLY DEFERRED`);
    }
    await client.query('SET CONSTRAINTS ALL DEFERRED');
    const triggers = await insertTriggers(client);
    for (const { table, trigger } of triggers) await client.query(`ALTER TABLE public.${quote(table)} DISABLE TRIGGER ${quote(trigger)}`);

    const expected = new Map(header.tables.map((t) => [t.name, t.rows]));
    let total = 0;
    let line = await next();
    while ((line as Line).t === 'table') {
      const { name, rows } = line as Extract<Line, { t: 'table' }>;
      if (expected.get(name) !== rows) throw damaged(file, `tabel ${name} tidak tercantum di kepala berkas`);
      const loader = await tableLoader(client, name);
      let loaded = 0;
      for (line = await next(); typeof line === 'string'; line = await next()) {
        await loader.add(line);
        loaded += 1;
      }
      await loader.done();
      if (loaded !== rows) throw damaged(file, `tabel ${name} berisi ${loaded} baris, seharusnya ${rows}`);
      total += loaded;
      progress(`  ${name.padEnd(32)} ${loaded.toLocaleString('id-ID').padStart(10)} baris`);
    }
    let restoredFiles = 0;
    while ((line as Line).t === 'file') {
      const { name, size, sha256 } = line as Extract<Line, { t: 'file' }>;
      if (!STORED_FILE.test(name)) throw damaged(file, `nama berkas ${JSON.stringify(name)} tidak sah`);
      const parts: Buffer[] = [];
      for (line = await next(); typeof line === 'string'; line = await next()) parts.push(Buffer.from(line, 'base64'));
      const content = Buffer.concat(parts);
      if (content.length !== size || createHash('sha256').update(content).digest('hex') !== sha256) throw damaged(file, `berkas pindaian ${name} tidak utuh`);
      if (!uploadsDir) continue;
      await mkdir(uploadsDir, { recursive: true });
      const target = path.join(uploadsDir, name);
      const wrote = await writeFile(target, content, { flag: 'wx', mode: 0o600 }).then(
        () => true,
        async (error: NodeJS.ErrnoException) => {
          // The same bytes already there (a test restore beside the live server) are fine; other bytes are never overwritten.
          if (error.code === 'EEXIST' && createHash('sha256').update(await readFile(target)).digest('hex') === sha256) return false;
          throw error.code === 'EEXIST' ? new Error(`Berkas pindaian ${target} sudah ada dengan isi lain; pemulihan tidak menimpa berkas.`) : error;
        },
      );
      if (wrote) written.push(target);
      restoredFiles += 1;
    }
    if (restoredFiles) progress(`  ${'berkas pindaian dokumen'.padEnd(32)} ${restoredFiles.toLocaleString('id-ID').padStart(10)} berkas`);
    if ((line as Line).t !== 'sequences') throw damaged(file, 'nilai urutan (sequence) tidak ada');
    for (const s of (line as Extract<Line, { t: 'sequences' }>).values) {
      await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [`public.${quote(s.name)}`, s.lastValue, s.isCalled]);
    }
    const end = (await next()) as Line;
    if (end.t !== 'end' || end.rows !== total) throw damaged(file, 'penanda akhir tidak cocok');
    // Tables can be altered back only once their pending key checks have run.
    await client.query('SET CONSTRAINTS ALL IMMEDIATE');
    for (const { table, constraint } of order.deferred) {
      await client.query(`ALTER TABLE public.${quote(table)} ALTER CONSTRAINT ${quote(constraint)} NOT DEFERRABLE`);
    }
    for (const { table, trigger } of triggers) await client.query(`ALTER TABLE public.${quote(table)} ENABLE TRIGGER ${quote(trigger)}`);
    await client.query('COMMIT');
    progress('Statistik database diperbarui (ANALYZE)…');
    await client.query('ANALYZE');
    return header;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    for (const target of written) rmSync(target, { force: true });
    throw error;
  }
}

/** Where to back up from / restore to: `DATABASE_URL`, or the embedded cluster in `DATA_DIR`. */
export type Target = { databaseUrl?: string; dataDir: string; embeddedPort: number };

/** Must match the password embedded.ts gives the cluster. */
const EMBEDDED_URL = (port: number) => `postgres://postgres:desmigratif-embedded@127.0.0.1:${port}/postgres`;

function runningEmbeddedPort(dataDir: string): number | null {
  const owner = Number.parseInt(existsSync(path.join(dataDir, 'server.pid')) ? readFileSync(path.join(dataDir, 'server.pid'), 'utf8') : '', 10);
  const postmaster = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!Number.isFinite(owner) || !existsSync(postmaster)) return null;
  try {
    process.kill(owner, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  // postmaster.pid: PID, data dir, start time, port, …
  const port = Number.parseInt(readFileSync(postmaster, 'utf8').split('\n')[3] ?? '', 10);
  return Number.isFinite(port) ? port : null;
}

/**
 * Opens the database to work on. For a backup of the embedded database while the server
 * runs, connects to the server's own cluster (the snapshot keeps it consistent); when no
 * server runs, starts the cluster for the time of the backup. A restore never shares the
 * cluster with a running server: startEmbeddedDatabase refuses a folder in use.
 */
export async function openTarget(
  target: Target,
  purpose: 'backup' | 'restore',
  log: Progress,
): Promise<{ url: string; close: () => Promise<void>; description: string }> {
  if (target.databaseUrl) return { url: target.databaseUrl, close: async () => undefined, description: 'DATABASE_URL' };
  const dataDir = path.resolve(target.dataDir);
  const port = purpose === 'backup' ? runningEmbeddedPort(dataDir) : null;
  if (port !== null) {
    return { url: EMBEDDED_URL(port), close: async () => undefined, description: `PostgreSQL tertanam milik server yang sedang berjalan (${dataDir})` };
  }
  if (purpose === 'backup' && !existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))) {
    throw new Error(`Tidak ada database tertanam di ${dataDir}. Atur DATA_DIR atau DATABASE_URL.`);
  }
  const embedded: EmbeddedDatabase = await startEmbeddedDatabase({ dataDir, port: target.embeddedPort });
  return { url: embedded.url, close: embedded.stop, description: `PostgreSQL tertanam di ${dataDir}` };
}
