import {
  createPool,
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  DEMO_TOTP_USERNAME,
  DEMO_USERS,
  installKeyring,
  loadKeyring,
  loadRegions,
  migrate,
  sealPlaintextIdentities,
  seedDemo,
  startEmbeddedDatabase,
} from '@desmigratif/db';
import { buildApp } from './app.js';
import { normalizePersonName } from '@desmigratif/domain';
import { hashPassword } from './modules/access/password.js';
import { loadConfig } from './platform/config.js';

const t0 = performance.now();
const say = (message: string) => process.stdout.write(`${message}\n`);

let embedded: Awaited<ReturnType<typeof startEmbeddedDatabase>> | null = null;

async function main() {
  const config = loadConfig();
  // The key first: without it nothing that holds an identity number can be read or written.
  const keys = loadKeyring({ keys: config.secretKeys, file: config.secretKeyFile, createIfMissing: config.secretKeyFileIsDefault });
  installKeyring(keys.keyring);
  if (keys.created) {
    say(`Kunci enkripsi baru dibuat di ${keys.created}. Simpan salinannya di tempat aman, terpisah dari cadangan database:`);
    say('tanpa kunci ini NIK, No. KK dan nomor paspor tidak bisa dibuka lagi.');
  }
  embedded = config.databaseUrl ? null : await startEmbeddedDatabase({ dataDir: config.dataDir, port: config.embeddedPgPort });
  const databaseUrl = config.databaseUrl ?? embedded!.url;
  const pool = createPool(databaseUrl);

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    say(`\n${signal} diterima: menghentikan server…`);
    await app?.close().catch(() => undefined);
    await pool.end().catch(() => undefined);
    await embedded?.stop();
    say('Server dan database berhenti dengan bersih.');
    process.exit(0);
  };
  let app: Awaited<ReturnType<typeof buildApp>>['app'] | undefined;
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const applied = await migrate(pool);
  if (applied.length) say(`Migrasi diterapkan: ${applied.join(', ')}`);
  const sealed = await sealPlaintextIdentities(pool);
  if (sealed) say(`Nomor identitas dienkripsi: ${sealed.toLocaleString('id-ID')} baris data lama.`);
  const regions = await loadRegions(pool);
  if (regions.loaded) say(`Data wilayah Kemendagri dimuat: ${regions.rows.toLocaleString('id-ID')} wilayah (${regions.version}).`);
  const seeded = config.demoData ? await seedDemo(pool, hashPassword, normalizePersonName) : false;

  ({ app } = await buildApp({ pool, settings: config }));
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  say('');
  say(`Desmigratif berjalan di ${url}  (siap dalam ${((performance.now() - t0) / 1000).toFixed(1)} dtk)`);
  say(`Database: ${embedded ? `PostgreSQL tertanam, data di ${config.dataDir}` : 'DATABASE_URL'}  ·  API: ${url}/api/docs`);
  if (config.demoData) {
    say(`${seeded ? 'Akun demo dibuat' : 'Akun demo'} (kata sandi semua: ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS) say(`  ${u.username.padEnd(20)} ${u.role}${u.scopeCode ? ` · wilayah ${u.scopeCode}` : ''}`);
    say(`  ${DEMO_TOTP_USERNAME} memakai verifikasi dua langkah: masukkan kunci ${DEMO_TOTP_SECRET} di aplikasi autentikator.`);
  }
  say('Tekan Ctrl-C untuk berhenti.');
}

main().catch(async (error: unknown) => {
  process.stderr.write(`\nGagal menjalankan Desmigratif: ${error instanceof Error ? error.message : String(error)}\n`);
  await embedded?.stop().catch(() => undefined);
  process.exit(1);
});
