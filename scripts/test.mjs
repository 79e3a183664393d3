// `npm test`: type checks, unit and integration tests (embedded PostgreSQL, or the
// server in DATABASE_URL), then the browser journeys in Debian's Chromium.
import { spawnSync } from 'node:child_process';

const run = (command, args) => {
  console.log(`\n▶ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run('npx', ['tsc', '-p', 'tsconfig.json']);
run('npx', ['tsc', '-p', 'apps/web/tsconfig.json']);
run('npx', ['tsc', '-p', 'e2e/tsconfig.json']);
run('npx', ['vitest', 'run']);
if (process.env.SKIP_E2E !== '1') run('node', ['scripts/e2e.mjs']);
