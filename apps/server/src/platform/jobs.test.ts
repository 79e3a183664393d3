import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../test/support.js';
import { createJobRunner, type JobQueue } from './jobs.js';

/**
 * The runner on a job table of its own: each job counts how often it ran, and steps
 * through `steps` commits, pausing between them when asked to stop.
 */
const t = useTestApp();

beforeAll(async () => {
  await t.pool.query(`CREATE TABLE test_jobs (
    id text PRIMARY KEY, done_steps int NOT NULL DEFAULT 0, steps int NOT NULL, runs int NOT NULL DEFAULT 0,
    status text NOT NULL DEFAULT 'antri', fail boolean NOT NULL DEFAULT false, created_at timestamptz NOT NULL DEFAULT clock_timestamp())`);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function testQueue(stepMs = 0): JobQueue {
  return {
    name: 'test-jobs',
    pending: async (db, limit) =>
      (await db.query<{ id: string }>(`SELECT id FROM test_jobs WHERE status <> 'selesai' ORDER BY created_at LIMIT $1`, [limit])).rows.map((r) => r.id),
    run: async (client, id, signal) => {
      // As every queue must: under the lock, go on only if the job still waits.
      const { rows } = await client.query(
        `UPDATE test_jobs SET runs = runs + 1 WHERE id = $1 AND status <> 'selesai' RETURNING done_steps, steps, fail`,
        [id],
      );
      if (!rows[0]) return;
      if (rows[0].fail) throw new Error('boom');
      for (let step = rows[0].done_steps; step < rows[0].steps; step++) {
        if (signal.aborted) return;
        await sleep(stepMs);
        await client.query('UPDATE test_jobs SET done_steps = done_steps + 1 WHERE id = $1', [id]);
      }
      await client.query(`UPDATE test_jobs SET status = 'selesai' WHERE id = $1`, [id]);
    },
  };
}

async function addJobs(prefix: string, count: number, steps = 1) {
  for (let i = 0; i < count; i++) await t.pool.query('INSERT INTO test_jobs (id, steps) VALUES ($1, $2)', [`${prefix}-${i}`, steps]);
}

async function jobsOf(prefix: string) {
  const { rows } = await t.pool.query(`SELECT id, status, runs, done_steps FROM test_jobs WHERE id LIKE $1 || '-%' ORDER BY id`, [prefix]);
  return rows;
}

async function until(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(10);
  }
}

const allDone = (prefix: string) => async () => (await jobsOf(prefix)).every((j) => j.status === 'selesai');

describe('job runner', () => {
  it('runs a queued job as soon as it is woken, without waiting for the poll', async () => {
    const runner = createJobRunner({ pool: t.pool, queues: [testQueue()], pollIntervalMs: 60_000 });
    runner.start();
    await sleep(50);
    await addJobs('wake', 1);
    runner.wake();
    await until(allDone('wake'), 2_000);
    await runner.stop();
    expect(await jobsOf('wake')).toEqual([{ id: 'wake-0', status: 'selesai', runs: 1, done_steps: 1 }]);
  });

  it('runs each job exactly once when several server processes poll the same table', async () => {
    await addJobs('many', 12, 3);
    const runners = [1, 2, 3].map(() => createJobRunner({ pool: t.pool, queues: [testQueue(5)], pollIntervalMs: 10 }));
    for (const r of runners) r.start();
    await until(allDone('many'));
    await Promise.all(runners.map((r) => r.stop()));
    const jobs = await jobsOf('many');
    expect(jobs.map((j) => [j.runs, j.done_steps])).toEqual(jobs.map(() => [1, 3]));
  });

  it('pauses a job between steps on stop(), and another runner resumes it', async () => {
    await addJobs('pause', 1, 40);
    const first = createJobRunner({ pool: t.pool, queues: [testQueue(10)], pollIntervalMs: 10 });
    first.start();
    await until(async () => (await jobsOf('pause'))[0].done_steps > 0);
    await first.stop();
    const paused = (await jobsOf('pause'))[0];
    expect(paused.status).toBe('antri');
    expect(paused.done_steps).toBeLessThan(40);

    const second = createJobRunner({ pool: t.pool, queues: [testQueue()], pollIntervalMs: 10 });
    second.start();
    await until(allDone('pause'));
    await second.stop();
    expect((await jobsOf('pause'))[0]).toMatchObject({ runs: 2, done_steps: 40 });
  });

  it('logs a failing job, drops its connection and lock, and serves the other jobs before trying it again', async () => {
    await addJobs('fail', 1);
    await t.pool.query(`UPDATE test_jobs SET fail = true WHERE id = 'fail-0'`);
    await addJobs('after', 1);
    const errors: string[] = [];
    const runner = createJobRunner({
      pool: t.pool,
      queues: [testQueue()],
      pollIntervalMs: 10,
      retryDelayMs: 60_000,
      log: { error: (obj, msg) => errors.push(`${msg}: ${(obj as { err: Error }).err.message}`) },
    });
    runner.start();
    await until(allDone('after'));
    await t.pool.query(`UPDATE test_jobs SET status = 'selesai' WHERE id = 'fail-0'`);
    await runner.stop();
    expect(errors).toEqual(['background job failed: boom']);
    expect((await jobsOf('fail'))[0].runs).toBe(1);
    // Its lock went with the connection: anyone may take the job again.
    const { rows } = await t.pool.query(`SELECT pg_try_advisory_lock(hashtext('test-jobs'), hashtext('fail-0')) AS free`);
    expect(rows[0].free).toBe(true);
  });
});
