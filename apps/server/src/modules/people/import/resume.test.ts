import { keyring } from '@desmigratif/db';
import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner, type JobRunner } from '../../../platform/jobs.js';
import { nikIndexes } from '../../../test/sealed.js';
import { useTestApp } from '../../../test/support.js';
import { PEOPLE_IMPORT_QUEUE, peopleImportQueue } from './run-import.js';
import { importFile, residentWorkbook, residents, waitForJob } from './test-files.js';

/**
 * A server that dies in the middle of an import leaves its job 'berjalan'. Whichever
 * server process starts next takes it up after its last committed chunk.
 */
const t = useTestApp();
const KROYA = '3212022002';

// Each test plays the servers itself: the app's own runner stays out of the way.
beforeAll(() => t.app.jobs.stop());

const runner = (chunkSize?: number): JobRunner => {
  const jobs = createJobRunner({ pool: t.pool, queues: [peopleImportQueue({ chunkSize })], pollIntervalMs: 20 });
  jobs.start();
  return jobs;
};

async function officerId() {
  const { rows } = await t.pool.query(`SELECT id FROM users WHERE username = 'petugas.kroya'`);
  return rows[0].id as string;
}

/** A job as a dead server left it: running, `processed` rows committed, its file stored sealed. */
async function interruptedJob(file: Buffer, totalRows: number, processed: number, created: number): Promise<string> {
  const id = uuidv7();
  await t.pool.query(
    `INSERT INTO import_jobs (id, village_code, file_name, file_size, file_content, status, total_rows, processed_rows,
                              created_count, attempts, created_by, started_at)
     VALUES ($1, $2, 'penduduk.xlsx', $3, $4, 'berjalan', $5, $6, $7, 1, $8, now())`,
    [id, KROYA, file.length, keyring().sealBytes(file), totalRows, processed, created, await officerId()],
  );
  return id;
}

async function countsOf(niks: string[]) {
  const { rows } = await t.pool.query(
    // Equal blind indexes are equal NIKs: counting distinct ones counts distinct numbers.
    `SELECT count(*)::int AS people, count(DISTINCT nik_bidx)::int AS niks FROM people WHERE village_code = $1 AND nik_bidx = ANY($2)`,
    [KROYA, nikIndexes(niks)],
  );
  return rows[0];
}

describe('an import interrupted by a server restart', () => {
  it('resumes after the last committed chunk and counts every row exactly once', async () => {
    const officer = await t.login('petugas.kroya');
    const people = residents(30, { firstSerial: 1000 });
    // What the dead server had committed: the first chunk of ten rows.
    const before = runner();
    await importFile(officer, KROYA, await residentWorkbook(people.slice(0, 10)));
    await before.stop();
    const id = await interruptedJob(await residentWorkbook(people), 30, 10, 10);

    const restarted = runner(7);
    const job = await waitForJob(officer, id);
    await restarted.stop();

    expect(job).toMatchObject({ status: 'selesai', totalRows: 30, processedRows: 30, createdCount: 30, updatedCount: 0, unchangedCount: 0, rejectedCount: 0 });
    expect(await countsOf(people.map((p) => p.nik as string))).toEqual({ people: 30, niks: 30 });
    const { rows: audit } = await t.pool.query(`SELECT after FROM audit_log WHERE entity_id = $1`, [id]);
    expect(audit).toEqual([{ after: expect.objectContaining({ status: 'selesai', created: 30, unchanged: 0 }) }]);
  });

  it('leaves a job alone while another server holds it, and takes it over when that server dies', async () => {
    const officer = await t.login('petugas.kroya');
    const people = residents(12, { firstSerial: 2000 });
    const id = await interruptedJob(await residentWorkbook(people), 12, 0, 0);
    const otherServer = await t.pool.connect();
    await otherServer.query('SELECT pg_advisory_lock(hashtext($1), hashtext($2))', [PEOPLE_IMPORT_QUEUE, id]);

    const jobs = runner();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { rows } = await t.pool.query('SELECT status, processed_rows, attempts FROM import_jobs WHERE id = $1', [id]);
    expect(rows[0]).toEqual({ status: 'berjalan', processed_rows: 0, attempts: 1 });

    // Its connection drops with it, and so does its lock.
    otherServer.release(true);
    const job = await waitForJob(officer, id);
    await jobs.stop();
    expect(job).toMatchObject({ status: 'selesai', createdCount: 12, processedRows: 12 });
    expect(await countsOf(people.map((p) => p.nik as string))).toEqual({ people: 12, niks: 12 });
  });

  it('pauses between chunks on shutdown and finishes on the next start', async () => {
    const officer = await t.login('petugas.kroya');
    const people = residents(3000, { firstSerial: 4000 });
    const id = await interruptedJob(await residentWorkbook(people), 3000, 0, 0);

    const first = runner(100);
    for (;;) {
      const { rows } = await t.pool.query('SELECT processed_rows FROM import_jobs WHERE id = $1', [id]);
      if (rows[0].processed_rows > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await first.stop();
    const { rows: paused } = await t.pool.query('SELECT status, processed_rows FROM import_jobs WHERE id = $1', [id]);
    expect(paused[0].status).toBe('berjalan');
    expect(paused[0].processed_rows % 100).toBe(0);
    expect(paused[0].processed_rows).toBeLessThan(3000);

    const second = runner(100);
    const job = await waitForJob(officer, id);
    await second.stop();
    expect(job).toMatchObject({ status: 'selesai', processedRows: 3000, createdCount: 3000, unchangedCount: 0 });
    expect(await countsOf(people.map((p) => p.nik as string))).toEqual({ people: 3000, niks: 3000 });
  });

  it('gives up a job that keeps failing instead of retrying it for ever', async () => {
    const officer = await t.login('petugas.kroya');
    const id = await interruptedJob(await residentWorkbook(residents(2, { firstSerial: 8000 })), 2, 0, 0);
    await t.pool.query('UPDATE import_jobs SET attempts = 5 WHERE id = $1', [id]);
    const jobs = runner();
    const job = await waitForJob(officer, id);
    await jobs.stop();
    expect(job).toMatchObject({
      status: 'gagal',
      createdCount: 0,
      errorMessage: 'Impor dihentikan setelah 5 kali percobaan. Periksa berkasnya, atau hubungi admin bila berulang.',
    });
  });
});
