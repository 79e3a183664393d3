import { type ChildProcess, spawn } from 'node:child_process';
import { TEST_KEY_LINES } from '@desmigratif/db/test-keyring';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPool, DEMO_PASSWORD, type Pool } from '@desmigratif/db';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { createDatabaseFromTemplate } from './database.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export type ChildServer = { base: string; process: ChildProcess; exited: Promise<unknown> };

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The real server as a child process (`node --import tsx apps/server/src/main.ts`), for tests
 * that kill it (`kill -9`) and start it again. Every start uses the same database — cloned
 * from the test template, so PostgreSQL outlives the killed process as a database server
 * would, whichever way the suite runs — and the same data folder. Children still alive and
 * the database are dropped after the file.
 */
export function useChildServers(dataDirPrefix: string) {
  let databaseUrl = '';
  let drop: () => Promise<void> = async () => undefined;
  const started: ChildProcess[] = [];
  const dataDir = mkdtempSync(path.join(tmpdir(), dataDirPrefix));
  const context = {
    /** A pool on the servers' database, for the test's own checks. */
    pool: undefined as unknown as Pool,

    async start(): Promise<ChildServer> {
      const port = await freePort();
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/server/src/main.ts')], {
        cwd: root,
        env: { ...process.env, SECRET_KEYS: TEST_KEY_LINES, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, DEMO_DATA: '0', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SKIP_WEB_BUILD: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      started.push(child);
      let output = '';
      child.stdout?.on('data', (d) => (output += d));
      child.stderr?.on('data', (d) => (output += d));
      const server = { base: `http://127.0.0.1:${port}`, process: child, exited: new Promise((r) => child.once('exit', r)) };
      const deadline = Date.now() + 90_000;
      while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(output);
        if (await fetch(`${server.base}/healthz`).then((r) => r.ok, () => false)) return server;
        await new Promise((r) => setTimeout(r, 150));
      }
      throw new Error(`server not listening:\n${output}`);
    },

    /** Signs Kenanga's officer in: the cookie and CSRF headers for a write. */
    async login(server: ChildServer): Promise<Record<string, string>> {
      const res = await fetch(`${server.base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'petugas.kenanga', password: DEMO_PASSWORD }),
      });
      expect(res.status).toBe(200);
      const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      return { cookie, 'x-csrf-token': csrfToken };
    },
  };

  beforeAll(async () => {
    const db = await createDatabaseFromTemplate(inject('pgAdminUrl'), inject('pgTemplate'));
    databaseUrl = db.url;
    drop = db.drop;
    context.pool = createPool(db.url, 2);
  });

  afterAll(async () => {
    for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await context.pool?.end();
    await drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  return context;
}
