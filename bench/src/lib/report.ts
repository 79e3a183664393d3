import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

export type Verdict = 'pass' | 'fail' | 'info';

export type ResultLine = {
  name: string;
  value: string;
  /** "< 60 s"; "—" for figures reported without a target. */
  target: string;
  verdict: Verdict;
  /** Optional extra detail (percentiles, counts) shown under the table. */
  detail?: string;
};

export type SuiteReport = {
  suite: string;
  title: string;
  startedAt: Date;
  durationMs: number;
  results: ResultLine[];
  /** Settings of this run (counts, concurrency, configuration) for the record. */
  settings: string[];
  /** Anything odd seen during the run. */
  notes: string[];
};

export type MachineInfo = {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  os: string;
  /** 1-minute load average when the benchmark started (other work on the machine skews the figures). */
  loadAverage: number;
};

export function machineInfo(): MachineInfo {
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: os.totalmem() / 1024 ** 3,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg()[0] ?? Number.NaN,
  };
}

/** A measured value against an upper bound: "pass" when value < limit. */
export function below(value: number, limit: number): Verdict {
  return Number.isFinite(value) && value < limit ? 'pass' : 'fail';
}

export const ms = (value: number): string => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms` : 'n/a');
export const seconds = (valueMs: number): string => (Number.isFinite(valueMs) ? `${(valueMs / 1000).toFixed(2)} s` : 'n/a');
export const mib = (kb: number | null): string => (kb === null ? 'n/a' : `${(kb / 1024).toFixed(1)} MiB`);

const verdictLabel: Record<Verdict, string> = { pass: 'PASS', fail: 'FAIL', info: 'info' };

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function printReport(report: SuiteReport, machine: MachineInfo): void {
  const out = (text = '') => process.stdout.write(`${text}\n`);
  out();
  out(`== ${report.title} (${report.suite}) ==`);
  out(
    `${report.startedAt.toISOString()} · ${machine.cpus} CPU (${machine.cpuModel}) · ${machine.memoryGiB.toFixed(1)} GiB · Node ${machine.node} · ${machine.os} · load average ${machine.loadAverage.toFixed(2)}`,
  );
  out();
  out(table(['Measurement', 'Value', 'Target', 'Result'], report.results.map((r) => [r.name, r.value, r.target, verdictLabel[r.verdict]])));
  const details = report.results.filter((r) => r.detail);
  if (details.length) {
    out();
    for (const r of details) out(`  ${r.name}: ${r.detail}`);
  }
  if (report.notes.length) {
    out();
    out('Notes:');
    for (const note of report.notes) out(`  - ${note}`);
  }
  const failed = report.results.filter((r) => r.verdict === 'fail');
  out();
  out(failed.length ? `${failed.length} target(s) MISSED: ${failed.map((r) => r.name).join('; ')}` : 'All targets met.');
  out(`(suite took ${(report.durationMs / 1000).toFixed(1)} s)`);
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|');

export function renderMarkdown(report: SuiteReport, machine: MachineInfo): string {
  const lines: string[] = [];
  lines.push(`#### ${report.title} — ${report.startedAt.toISOString().slice(0, 10)}`);
  lines.push('');
  lines.push(
    `Run ${report.startedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC on ${machine.cpus} CPU (${machine.cpuModel}), ` +
      `${machine.memoryGiB.toFixed(1)} GiB RAM, Node ${machine.node}, ${machine.os}; 1-minute load average at start ${machine.loadAverage.toFixed(2)}; suite took ${(report.durationMs / 1000).toFixed(0)} s.`,
  );
  lines.push('');
  lines.push('| Measurement | Value | Target | Result |');
  lines.push('|---|---|---|---|');
  for (const r of report.results) {
    lines.push(`| ${escapeCell(r.name)} | ${escapeCell(r.value)} | ${escapeCell(r.target)} | ${verdictLabel[r.verdict]} |`);
  }
  const details = report.results.filter((r) => r.detail);
  if (details.length) {
    lines.push('');
    lines.push('Details:');
    lines.push('');
    for (const r of details) lines.push(`- ${r.name}: ${r.detail}`);
  }
  if (report.settings.length) {
    lines.push('');
    lines.push('Settings of this run:');
    lines.push('');
    for (const s of report.settings) lines.push(`- ${s}`);
  }
  if (report.notes.length) {
    lines.push('');
    lines.push('Observed:');
    lines.push('');
    for (const n of report.notes) lines.push(`- ${n}`);
  }
  return lines.join('\n');
}

/**
 * Replaces the block between `<!-- bench:<suite>:begin -->` and `<!-- bench:<suite>:end -->`
 * in a Markdown file (appending the block when the markers are missing).
 */
export function writeDocsSection(file: string, suite: string, markdown: string): void {
  const begin = `<!-- bench:${suite}:begin -->`;
  const end = `<!-- bench:${suite}:end -->`;
  const block = `${begin}\n${markdown}\n${end}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const from = current.indexOf(begin);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from ? current.slice(0, from) + block + current.slice(to + end.length) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}
