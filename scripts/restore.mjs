// `npm run restore -- <file> [--database-url <url>]`: loads a backup made by `npm run backup`
// into an EMPTY database (a new DATABASE_URL database, or a new DATA_DIR for the embedded
// one), in one transaction. See docs/operations.md (Cadangan / Backups).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { backup, parse, run, say } from './backup-cli.mjs';

const { positionals, target, uploads } = parse({});
if (positionals.length !== 1) {
  process.stderr.write('Pemakaian: npm run restore -- <berkas.backup.gz> [--database-url <url>]\n');
  process.exit(2);
}
const file = path.resolve(positionals[0]);
if (!existsSync(file)) {
  process.stderr.write(`Berkas ${file} tidak ditemukan.\n`);
  process.exit(1);
}
await run(target, 'restore', async (url) => {
  const started = Date.now();
  say(`Memulihkan ${file} …`);
  const header = await backup.restoreDatabase(url, file, { progress: say, uploadsDir: uploads });
  const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
  say(
    `Selesai: cadangan ${header.createdAt} (aplikasi ${header.appVersion}), ${header.tables.length} tabel, ` +
      `${rows.toLocaleString('id-ID')} baris dalam ${((Date.now() - started) / 1000).toFixed(1)} dtk. Jalankan server dengan npm start.`,
  );
});
