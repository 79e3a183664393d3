// `npm run bench [-- <suite>… ] [-- --write-docs]`: runs benchmark suites against the real
// server and prints the figures. A benchmark reports, it does not gate: missed targets
// still exit 0; only a suite that could not measure (e.g. the server did not start) exits 1.
import path from 'node:path';
import { installKeyring } from '@desmigratif/db';
import { testKeyring } from '@desmigratif/db/test-keyring';
import { machineInfo, printReport, renderMarkdown, type SuiteReport, writeDocsSection } from './lib/report.js';
import { cleanupAll, repoRoot } from './lib/server.js';
import { runFoundation } from './suites/foundation.js';
import { runRegistry } from './suites/registry.js';
import { runSync } from './suites/sync.js';

type Suite = (progress: (message: string) => void) => Promise<SuiteReport & { error: Error | null }>;

const suites: Record<string, Suite> = {
  foundation: (progress) => runFoundation(undefined, progress),
  registry: (progress) => runRegistry(undefined, progress),
  sync: (progress) => runSync(undefined, progress),
};

// Generated residents are written straight into the bench server's database, sealed with the
// key the server is started with (lib/server.ts).
installKeyring(testKeyring());

const docsFile = path.join(repoRoot, 'docs/benchmarks.md');

function usage(): string {
  return [
    'Usage: npm run bench -- [suite…] [--write-docs]',
    `Suites: ${Object.keys(suites).join(', ')} (default: all)`,
    `--write-docs  replace the suite's results block in ${path.relative(repoRoot, docsFile)}`,
  ].join('\n');
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  const writeDocs = args.includes('--write-docs');
  const unknownFlags = args.filter((a) => a.startsWith('-') && a !== '--write-docs');
  const names = args.filter((a) => !a.startsWith('-'));
  const unknownSuites = names.filter((n) => !(n in suites));
  if (unknownFlags.length || unknownSuites.length) {
    process.stderr.write(`Unknown: ${[...unknownFlags, ...unknownSuites].join(', ')}\n${usage()}\n`);
    return 2;
  }
  const selected = names.length ? names : Object.keys(suites);
  const machine = machineInfo();
  let exitCode = 0;
  for (const name of selected) {
    const progress = (message: string) => process.stderr.write(`[bench ${name}] ${message}\n`);
    const report = await suites[name]!(progress);
    printReport(report, machine);
    if (report.error) {
      exitCode = 1;
      process.stderr.write(`\nSuite ${name} could not finish: ${report.error.message}\n`);
    } else if (writeDocs) {
      writeDocsSection(docsFile, name, renderMarkdown(report, machine));
      process.stdout.write(`Results written to ${path.relative(repoRoot, docsFile)}\n`);
    }
  }
  return exitCode;
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    process.stderr.write(`\n${signal}: stopping the servers the benchmark started and removing its temporary folders…\n`);
    void cleanupAll().finally(() => process.exit(130));
  });
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch(async (error: unknown) => {
    process.stderr.write(`Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    await cleanupAll();
    process.exitCode = 1;
  });
