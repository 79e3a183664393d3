// Dependency audit for CI (`node scripts/audit-deps.mjs`): fails when a production dependency
// (what the server and the web app ship; dev tools are left out) has a known advisory of
// severity high or critical. Moderate and low ones are listed by `npm audit` itself.
//
// The audit asks the package registry's advisory service. When that service cannot be reached
// (a machine without internet, the service down) the script prints a clear warning and exits 0:
// an offline build must still be possible, and "could not check" is not "found a problem".
// Anyone relying on the audit must read that warning in the CI log.
import { spawnSync } from 'node:child_process';

const FAILING = new Set(['high', 'critical']);

const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** npm prints one JSON document; on some failures it prints nothing or plain text. */
function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const report = parse(run.stdout);
const unreachable = run.error || !report || report.error || !report.metadata;
if (unreachable) {
  // The service's address stays out of the log; the status and npm's own summary say enough.
  const reason =
    run.error?.message ??
    ([report?.statusCode && `HTTP ${report.statusCode}`, report?.error?.code, report?.error?.summary].filter(Boolean).join(' ') ||
      'no answer');
  console.warn('PERINGATAN / WARNING: audit dependensi tidak dapat dijalankan (layanan advisori tidak terjangkau).');
  console.warn(`  The dependency audit could not reach the advisory service: ${reason}`);
  console.warn('  Dependencies were NOT checked for known vulnerabilities. Run `node scripts/audit-deps.mjs` on a connected machine.');
  process.exit(0);
}

const vulnerabilities = Object.values(report.vulnerabilities ?? {});
const failing = vulnerabilities.filter((v) => FAILING.has(v.severity));
const counts = report.metadata.vulnerabilities;
console.log(
  `Audit dependensi produksi: ${report.metadata.dependencies?.prod ?? '?'} paket; ` +
    `critical ${counts.critical}, high ${counts.high}, moderate ${counts.moderate}, low ${counts.low}.`,
);
if (failing.length === 0) {
  console.log('Tidak ada kerentanan tinggi atau kritis pada dependensi produksi.');
  process.exit(0);
}

console.error('Kerentanan tinggi/kritis pada dependensi produksi / High or critical advisories in production dependencies:');
for (const v of failing) {
  // `via` holds the advisories themselves, or names of the vulnerable packages this one pulls in.
  const advisories = v.via.filter((via) => typeof via === 'object').map((via) => `${via.title} (${via.url})`);
  const through = v.via.filter((via) => typeof via === 'string');
  const fix = v.fixAvailable === false ? 'belum ada perbaikan' : v.fixAvailable === true ? 'npm audit fix' : `perbaikan: ${v.fixAvailable.name}@${v.fixAvailable.version}`;
  console.error(`  - ${v.name} [${v.severity}] ${v.range}: ${advisories.join('; ') || `lewat ${through.join(', ')}`} — ${fix}`);
}
process.exit(1);
