import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'desmigratif-main-'));
const started: ChildProcess[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The embedded database is what is under test, whatever the suite runs against. */
function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = env;
  return rest;
}

type Run = { process: ChildProcess; output: () => string; exited: Promise<number | null> };

function startServer(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/server/src/main.ts')], {
    cwd: root,
    env: withoutDatabaseUrl({ ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  return { process: child, output: () => output, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
}

async function waitUntilListening(run: Run, port: number): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (run.process.exitCode !== null) throw new Error(run.output());
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`not listening:\n${run.output()}`);
}

afterAll(async () => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the server process on its embedded database', () => {
  it('starts, refuses a second server on the same data folder, stops cleanly on SIGTERM, and keeps data', async () => {
    const pgPort = String(await freePort());
    const port = await freePort();
    const first = startServer({ PORT: String(port), EMBEDDED_PG_PORT: pgPort });
    await waitUntilListening(first, port);
    expect(first.output()).toContain(`Desmigratif berjalan di http://localhost:${port}`);
    expect(first.output()).toContain('petugas.kenanga');

    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'petugas.kenanga', password: 'Desmigratif#2026' }),
    });
    expect(login.status).toBe(200);

    const secondPort = await freePort();
    const second = startServer({ PORT: String(secondPort), EMBEDDED_PG_PORT: String(await freePort()) });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/Folder data .* sedang dipakai proses lain \(PID \d+\)/);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).ok).toBe(true);

    first.process.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('Server dan database berhenti dengan bersih.');

    const again = startServer({ PORT: String(port), EMBEDDED_PG_PORT: pgPort });
    await waitUntilListening(again, port);
    // The demo data was made once; the restart found it and made nothing twice.
    expect(again.output()).toContain('Akun demo (kata sandi');
    expect(again.output()).not.toContain('Data wilayah Kemendagri dimuat');
    const relogin = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'petugas.kenanga', password: 'Desmigratif#2026' }),
    });
    expect(relogin.status).toBe(200);
    again.process.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 240_000);
});
