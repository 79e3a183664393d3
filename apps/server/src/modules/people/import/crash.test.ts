import type { ImportJob } from '@desmigratif/contracts';
import { describe, expect, it } from 'vitest';
import { type ChildServer, useChildServers } from '../../../test/child-server.js';
import { nikIndexes, noKkIndexes, opened } from '../../../test/sealed.js';
import { type GeneratedVillage, openSidWorkbook, RegistryGenerator } from '../../../../../../bench/src/lib/generate-registry.js';
import { multipart } from './test-files.js';

/**
 * Crash safety of the import, on the real server process: `kill -9` in the middle of a
 * 20,000-row import, start again, and the job runner of the new process finishes the job
 * from its last committed chunk. Importing the same file again then changes nothing.
 *
 * The server runs on its own database cloned from the test template (DATABASE_URL mode),
 * so PostgreSQL outlives the killed process as a separate database server would, whichever
 * way the suite runs. (Taking over an embedded cluster orphaned by a killed server is
 * embedded.ts's job, not this test's.)
 */

const KENANGA = '3212162004';
const ROWS = 20_000;

const servers = useChildServers('desmigratif-crash-');
const startServer = servers.start;
const login = servers.login;
type Server = ChildServer;

async function upload(server: Server, file: Buffer): Promise<ImportJob> {
  const { payload, headers } = multipart(file, 'penduduk.xlsx');
  const res = await fetch(`${server.base}/api/v1/villages/${KENANGA}/people/imports`, {
    method: 'POST',
    headers: { ...headers, ...(await login(server)) },
    body: payload,
  });
  expect(res.status).toBe(202);
  return (await res.json()) as ImportJob;
}

async function job(id: string) {
  const { rows } = await servers.pool.query(
    `SELECT status, total_rows, processed_rows, created_count, updated_count, unchanged_count, rejected_count, error_message
       FROM import_jobs WHERE id = $1`,
    [id],
  );
  return rows[0];
}

async function waitUntil<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 90_000, stepMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** The registry as the file says it: every NIK once, every family with exactly its members and its head. */
async function expectRegistryMatches(village: GeneratedVillage) {
  const niks = village.people.map((p) => p.nik);
  // Equal blind indexes are equal NIKs: counting distinct ones counts distinct numbers.
  const { rows: counts } = await servers.pool.query(
    `SELECT count(*)::int AS people, count(DISTINCT nik_bidx)::int AS niks FROM people WHERE village_code = $1 AND nik_bidx = ANY($2) AND deleted_at IS NULL`,
    [KENANGA, nikIndexes(niks)],
  );
  expect(counts[0]).toEqual({ people: ROWS, niks: ROWS });

  // Numbers are sealed: cards are grouped by the No. KK's blind index, and members and heads
  // are opened here, then made distinct and sorted as the SQL did before.
  const { rows: stored } = await servers.pool.query<{ no_kk: string; cards: number; members: Array<string | null>; heads: Array<string | null> }>(
    `SELECT (array_agg(k.no_kk))[1] AS no_kk, count(DISTINCT k.id)::int AS cards, array_agg(p.nik) AS members, array_agg(h.nik) AS heads
       FROM family_card_numbers k
       JOIN families f ON f.id = k.family_id
       LEFT JOIN people h ON h.id = f.head_person_id
       LEFT JOIN people p ON p.family_id = f.id AND p.deleted_at IS NULL
      WHERE k.village_code = $1 AND k.valid_to IS NULL AND k.no_kk_bidx = ANY($2)
      GROUP BY k.no_kk_bidx`,
    [KENANGA, noKkIndexes(village.families.map((f) => f.noKk))],
  );
  const distinctSorted = (values: Array<string | null>) => [...new Set(values.filter((v): v is string => v !== null))].sort();
  const families = opened(stored).map((row) => ({
    no_kk: row.no_kk,
    cards: row.cards,
    members: distinctSorted(row.members),
    head: distinctSorted(row.heads).at(-1) ?? null,
  }));
  expect(families).toHaveLength(village.families.length);
  const inFile = new Map(village.families.map((f) => [f.noKk, f]));
  const mismatched = families.filter((row) => {
    const family = inFile.get(row.no_kk)!;
    const head = family.members.find((m) => m.id === family.headId)?.nik ?? null;
    const members = family.members.map((m) => m.nik).sort().join();
    return row.cards !== 1 || row.head !== head || row.members.join() !== members;
  });
  expect(mismatched).toEqual([]);
}

describe('an import when the server is killed (kill -9) in the middle of it', () => {
  it('resumes after restart with every resident once and no family half-written; importing again changes nothing', async () => {
    // Realistic residents (the benchmark's generator): fabricated names make the duplicate
    // search that follows every import compare everyone with everyone.
    const village = new RegistryGenerator().village(KENANGA, ROWS);
    const file = await openSidWorkbook(village);

    const first = await startServer();
    const { id } = await upload(first, file);
    const interrupted = await waitUntil('first chunk', () => job(id), (j) => j.processed_rows > 0);
    first.process.kill('SIGKILL');
    await first.exited;
    expect(interrupted.processed_rows).toBeLessThan(ROWS);
    const atCrash = await job(id);
    expect(atCrash.status).toBe('berjalan');
    expect(atCrash.processed_rows % 1000).toBe(0);

    const second = await startServer();
    const done = await waitUntil('resumed job', () => job(id), (j) => j.status !== 'berjalan', 100_000, 200);
    expect(done).toMatchObject({ status: 'selesai', total_rows: ROWS, processed_rows: ROWS, created_count: ROWS, rejected_count: 0 });
    await expectRegistryMatches(village);

    // The finished job now searches the 20,000 new people for duplicates (minutes on a busy
    // 2-core machine), holding the job runner. Killed there too: the import stays done.
    second.process.kill('SIGKILL');
    await second.exited;
    expect(await job(id)).toMatchObject({ status: 'selesai', processed_rows: ROWS });

    const third = await startServer();
    const again = await upload(third, file);
    const rerun = await waitUntil('second import', () => job(again.id), (j) => j.status !== 'antri' && j.status !== 'berjalan', 100_000, 200);
    expect(rerun).toMatchObject({ status: 'selesai', processed_rows: ROWS, created_count: 0, updated_count: 0, unchanged_count: ROWS });
    await expectRegistryMatches(village);
    // Its own duplicate search may still run: no clean stop to wait for.
    third.process.kill('SIGKILL');
    await third.exited;
  }, 180_000);
});
