// Building blocks for benchmark suites (run them with `npm run bench`).
export { type LoadResult, type Outcome, describeFailures, get, login, runLoad } from './lib/load.js';
export { type MachineInfo, type ResultLine, type SuiteReport, type Verdict, machineInfo, printReport, renderMarkdown, writeDocsSection } from './lib/report.js';
export { BenchServer, type ServerOptions, type StopResult, cleanupAll, freePort, makeTempDir, removeTempDir, repoRoot } from './lib/server.js';
export { type Summary, median, percentile, summarize } from './lib/stats.js';
export { type FoundationOptions, defaultFoundationOptions, foundationTargets, runFoundation } from './suites/foundation.js';
