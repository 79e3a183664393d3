import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createPool,
  loadRegions,
  migrate,
  migrationsFingerprint,
  seedDemo,
  startEmbeddedDatabase,
  withDatabase,
} from '@desmigratif/db';
import pg from 'pg';
import { normalizePersonName } from '@desmigratif/domain';
import { hashPassword } from '../modules/access/password.js';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The PostgreSQL the tests run against: the server in DATABASE_URL when set, else a
 * throw-away embedded cluster. Returns an admin URL and a stop function.
 */
export async function startTestCluster(): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { adminUrl: process.env.DATABASE_URL, stop: async () => undefined };
  const dir = mkdtempSync(path.join(tmpdir(), 'desmigratif-test-'));
  const db = await startEmbeddedDatabase({ dataDir: dir, port: await freePort() });
  return {
    adminUrl: db.url,
    stop: async () => {
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(adminUrl: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

const dbSource = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../packages/db/src');

/** Changes when the migrations, the region loader or the demo data change. */
function templateFingerprint(): string {
  const hash = createHash('sha256').update(migrationsFingerprint());
  for (const file of ['load-regions.ts', 'seed-demo.ts', 'seed-demo-registry.ts']) hash.update(readFileSync(path.join(dbSource, file)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * A template database, migrated and loaded with the regions and the demo data, named
 * after the migrations so that a schema change builds a new one. Cloning it is how each
 * test file gets a fresh database in well under a second.
 */
export async function ensureTemplate(adminUrl: string): Promise<string> {
  const name = `desmigratif_tpl_${templateFingerprint()}`;
  const exists = await adminQuery(adminUrl, `SELECT 1 FROM pg_database WHERE datname = '${name}' AND datistemplate`);
  if (exists.rowCount) return name;
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name}`);
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const pool = createPool(withDatabase(adminUrl, name), 2);
  try {
    await migrate(pool);
    await loadRegions(pool);
    await seedDemo(pool, hashPassword, normalizePersonName);
  } finally {
    await pool.end();
  }
  await adminQuery(adminUrl, `ALTER DATABASE ${name} WITH is_template = true`);
  return name;
}

export async function createDatabaseFromTemplate(adminUrl: string, template: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `desmigratif_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  return {
    url: withDatabase(adminUrl, name),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => undefined),
  };
}
