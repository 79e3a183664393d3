// `npm run keys -- <status|new|rotate>`: the encryption keys of identity numbers
// (packages/db/src/field-crypto.ts). See docs/operations.md (Kunci enkripsi).
//   status   how many stored values each key sealed, per column
//   new      adds a new key at the top of the key file (it seals from the next start on)
//   rotate   re-seals every value still under an older key (safe while the server runs)
// The key comes from SECRET_KEYS, else SECRET_KEY_FILE, else DATA_DIR/secret.key (as `npm start`).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { register } from 'tsx/esm/api';
import { parse, run, say } from './backup-cli.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
register();
const db = await import(path.join(root, 'packages/db/src/index.ts'));

const { values, positionals, target, uploads } = parse({ id: { type: 'string' } });
const command = positionals[0] ?? 'status';
const keyFile = path.resolve(process.env.SECRET_KEY_FILE ?? path.join(target.dataDir, 'secret.key'));

function loadRing() {
  const { keyring } = db.loadKeyring({ keys: process.env.SECRET_KEYS, file: keyFile });
  db.installKeyring(keyring);
  return keyring;
}

if (command === 'new') {
  if (process.env.SECRET_KEYS) {
    say('Kunci diambil dari SECRET_KEYS: tambahkan baris berikut PALING DEPAN (pisahkan dengan ";"), lalu mulai ulang server:');
    say(db.newKeyLine(values.id ?? `k${Date.now().toString(36)}`));
    process.exit(0);
  }
  const ring = loadRing();
  const id = values.id ?? `k${ring.ids.length + 1}`;
  if (ring.ids.includes(id)) {
    process.stderr.write(`Kunci "${id}" sudah ada; pilih nama lain dengan --id.\n`);
    process.exit(1);
  }
  const old = readFileSync(keyFile, 'utf8');
  const [comments, rest] = [old.match(/^(#.*\n)*/)[0], old.replace(/^(#.*\n)*/, '')];
  writeFileSync(keyFile, `${comments}${db.newKeyLine(id)}\n${rest}`, { mode: 0o600 });
  say(`Kunci baru "${id}" ditambahkan di ${keyFile}. Mulai ulang server (data baru memakai kunci ini),`);
  say('lalu jalankan `npm run keys -- rotate`. Kunci lama boleh dihapus setelah `npm run keys -- status` tidak menunjukkan data dengannya.');
  process.exit(0);
}

if (command !== 'status' && command !== 'rotate') {
  process.stderr.write(`Perintah tidak dikenal: ${command}. Pakai status, new atau rotate.\n`);
  process.exit(1);
}

const ring = loadRing();
// Like a backup: the running server's own cluster, else the embedded one started for the time of the work.
await run(target, 'backup', async (url) => {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    if (command === 'rotate') {
      // A server still running with the old key file could not open what is re-sealed now.
      say(`Pastikan setiap server sudah dimulai ulang dengan berkas kunci ini (kunci terbaru "${ring.currentId}").`);
      say(`Mengenkripsi ulang dengan kunci "${ring.currentId}" …`);
      const done = await db.rotateKeys(pool, (n, table) => say(`  ${n.toLocaleString('id-ID')} baris (${table})`));
      const files = await db.rotateFiles(uploads);
      say(`Selesai: ${done.toLocaleString('id-ID')} baris dan ${files.toLocaleString('id-ID')} berkas pindaian dienkripsi ulang.`);
    }
    const usage = await db.keyUsage(pool);
    say(`Kunci di berkas (terbaru dulu): ${ring.ids.join(', ')}`);
    if (usage.length === 0) say('Belum ada data terenkripsi.');
    for (const u of usage) say(`  ${`${u.table}.${u.column}`.padEnd(42)} kunci ${u.keyId.padEnd(10)} ${u.rows.toLocaleString('id-ID')} baris`);
    const stale = usage.filter((u) => u.keyId !== ring.currentId);
    say(stale.length ? `Masih ada data dengan kunci lama (${[...new Set(stale.map((u) => u.keyId))].join(', ')}): jalankan rotate.` : 'Semua data memakai kunci terbaru.');
  } finally {
    await pool.end();
  }
});
