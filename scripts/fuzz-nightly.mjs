// `npm run fuzz`: the nightly-style fuzz run. The same test files CI runs (every route's schema
// fed to fast-check, and the authorization matrix beside it), with thousands of runs per route and mode
// instead of a few dozen. FUZZ_RUNS overrides the count; FUZZ_SEED replays a failure printed
// by an earlier run; FUZZ_STATS=1 prints the status codes each route answered.
import { spawnSync } from 'node:child_process';

const runs = process.env.FUZZ_RUNS ?? '2000';
console.log(`Fuzz: ${runs} permintaan per rute dan mode${process.env.FUZZ_SEED ? `, seed ${process.env.FUZZ_SEED}` : ''}.`);
const result = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--project',
    'integration',
    'apps/server/src/platform/fuzz.test.ts',
    'apps/server/src/platform/authorization-matrix.test.ts',
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env: { ...process.env, FUZZ_RUNS: runs } },
);
process.exit(result.status ?? 1);
