// Shared by `npm run backup` and `npm run restore`: options, the database to use, errors.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
register();
const backup = await import(path.join(root, 'packages/db/src/backup.ts'));

export const say = (message) => process.stdout.write(`${message}\n`);

/**
 * Options: `--database-url <url>` (else DATABASE_URL; else the embedded database in
 * DATA_DIR, default ./data, on EMBEDDED_PG_PORT, default 54329 — as `npm start`).
 */
export function parse(extra) {
  const { values, positionals } = parseArgs({
    options: { 'database-url': { type: 'string' }, ...extra },
    allowPositionals: true,
  });
  const target = {
    databaseUrl: values['database-url'] ?? (process.env.DATABASE_URL || undefined),
    dataDir: process.env.DATA_DIR ?? './data',
    embeddedPort: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
  };
  return { values, positionals, target };
}

/** Runs the work on the opened database; any failure ends with its message and exit code 1. */
export async function run(target, purpose, work) {
  let opened;
  try {
    opened = await backup.openTarget(target, purpose, say);
    say(`Database: ${opened.description}`);
    await work(opened.url);
  } catch (error) {
    process.stderr.write(`\nGagal: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  } finally {
    await opened?.close().catch(() => undefined);
  }
}

export { backup };
