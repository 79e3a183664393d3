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
 * DATA_DIR, default ./data, on EMBEDDED_PG_PORT, default 54329 — as `npm start`). The
 * scanned documents are taken from / restored to DATA_DIR/uploads.
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
  // Scanned documents live in DATA_DIR/uploads in both modes (the server keeps them there).
  return { values, positionals, target, uploads: path.join(path.resolve(target.dataDir), 'uploads') };
}

/**
 * Runs the work on the opened database; any failure ends with its message and exit code 1.
 * Exits explicitly: with tsx's loader hooks registered, process.exitCode alone was lost.
 */
export async function run(target, purpose, work) {
  let opened;
  let code = 0;
  try {
    opened = await backup.openTarget(target, purpose, say);
    say(`Database: ${opened.description}`);
    await work(opened.url);
  } catch (error) {
    process.stderr.write(`\nGagal: ${error instanceof Error ? error.message : String(error)}\n`);
    code = 1;
  } finally {
    await opened?.close().catch(() => undefined);
  }
  process.exit(code);
}

export { backup };
