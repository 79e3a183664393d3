// `npm run backup [-- --out <file>] [--database-url <url>]`: a consistent logical backup
// (packages/db/src/backup.ts) of the embedded database or of DATABASE_URL, safe while the
// server runs. See docs/operations.md (Cadangan / Backups).
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { backup, parse, run, say } from './backup-cli.mjs';

const { values, target, uploads } = parse({ out: { type: 'string' } });
const file = path.resolve(values.out ?? backup.defaultBackupName());

if (existsSync(file)) {
  process.stderr.write(`Berkas ${file} sudah ada; cadangan tidak menimpa berkas. Pilih nama lain dengan --out.\n`);
  process.exit(1);
}
await run(target, 'backup', async (url) => {
  const started = Date.now();
  say(`Mencadangkan ke ${file} …`);
  const header = await backup.backupDatabase(url, file, { progress: say, uploadsDir: uploads });
  const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
  say(
    `Selesai: ${header.tables.length} tabel, ${rows.toLocaleString('id-ID')} baris, ${header.migrations.length} migrasi, ` +
      `${(statSync(file).size / 1024 / 1024).toFixed(1)} MB dalam ${((Date.now() - started) / 1000).toFixed(1)} dtk.`,
  );
  say('Simpan salinannya di luar mesin ini, dan uji pemulihannya secara berkala (docs/operations.md).');
});
