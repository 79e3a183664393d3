import type { Pool, PoolClient, Queryable } from '@desmigratif/db';

declare module 'fastify' {
  interface FastifyInstance {
    /** The process's background-job runner: routes wake() it after queueing a job. */
    jobs: JobRunner;
  }
}

/**
 * Background jobs kept in PostgreSQL, in each module's own job table (import_jobs, …).
 *
 * A job is run on one pooled connection that holds a session-level advisory lock on the
 * job for as long as it runs. The lock is what says "someone is working on this": when
 * the process dies, PostgreSQL drops its connections and with them the locks, so the
 * next poll of any server process (or the restarted one) takes the job up again at once
 * — no lease to expire, no heartbeat. Two processes never run the same job, and a job's
 * own writes go through the lock-holding connection, so a worker that lost its
 * connection cannot write after another one took over.
 *
 * A queue's `run` must be resumable: it is called again for a job that was interrupted
 * (crash, or stop() between two steps), and must continue from what it had committed.
 */
export type JobQueue = {
  /** Names the queue in logs and in the advisory-lock key. */
  name: string;
  /** Ids of jobs waiting or left running, oldest first. */
  pending: (db: Queryable, limit: number) => Promise<string[]>;
  /**
   * Runs one job on `client`, which holds the job's lock. Stops between two steps when
   * `signal` is aborted (the server is shutting down), leaving the job to be resumed.
   * `pending` may be stale by the time the lock is won (another process may just have
   * finished the job), so `run` must first check, under the lock, that the job still waits.
   */
  run: (client: PoolClient, jobId: string, signal: AbortSignal) => Promise<void>;
};

export type JobRunner = {
  start: () => void;
  /** Asks running jobs to pause at their next step, waits for them, stops polling. */
  stop: () => Promise<void>;
  /** Looks for work now (after a job was queued) instead of at the next poll. */
  wake: () => void;
};

type Log = { error: (obj: object, msg: string) => void };

export type JobRunnerOptions = {
  pool: Pool;
  queues: readonly JobQueue[];
  /** How often to look for jobs queued by other processes or left by a dead one. */
  pollIntervalMs?: number;
  /** Jobs run at once by this process; each holds one pooled connection. */
  concurrency?: number;
  /** How long this process leaves a job alone after its run threw, so it neither spins on it nor starves the others. */
  retryDelayMs?: number;
  log?: Log;
};

const silentLog: Log = { error: () => undefined };

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { pool, queues } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 5_000;
  const concurrency = options.concurrency ?? 1;
  const retryDelayMs = options.retryDelayMs ?? 60_000;
  const log = options.log ?? silentLog;

  let started = false;
  let timer: NodeJS.Timeout | null = null;
  let scanning: Promise<void> | null = null;
  let rescan = false;
  const running = new Set<Promise<void>>();
  const failedUntil = new Map<string, number>();
  let abort = new AbortController();

  const schedule = () => {
    if (!started) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(wake, pollIntervalMs);
    timer.unref();
  };

  /** Tries to lock and run one job; false when another process holds it. */
  async function claim(queue: JobQueue, jobId: string): Promise<boolean> {
    const client = await pool.connect();
    let locked = false;
    try {
      const { rows } = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS locked',
        [queue.name, jobId],
      );
      locked = rows[0]?.locked === true;
    } catch (error) {
      client.release(true);
      throw error;
    }
    if (!locked) {
      client.release();
      return false;
    }
    const job = (async () => {
      let broken = false;
      try {
        await queue.run(client, jobId, abort.signal);
        failedUntil.delete(`${queue.name}:${jobId}`);
      } catch (error) {
        broken = true;
        failedUntil.set(`${queue.name}:${jobId}`, Date.now() + retryDelayMs);
        log.error({ err: error, queue: queue.name, jobId }, 'background job failed');
      } finally {
        if (!broken) {
          await client.query('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', [queue.name, jobId]).catch(() => {
            broken = true;
          });
        }
        // A connection in an unknown state is closed, which also drops its lock.
        client.release(broken);
      }
    })();
    running.add(job);
    void job.finally(() => {
      running.delete(job);
      wake();
    });
    return true;
  }

  async function scan(): Promise<void> {
    for (const queue of queues) {
      if (running.size >= concurrency) return;
      const ids = await queue.pending(pool, 20);
      for (const id of ids) {
        if (!started || running.size >= concurrency) return;
        if ((failedUntil.get(`${queue.name}:${id}`) ?? 0) > Date.now()) continue;
        await claim(queue, id);
      }
    }
  }

  function wake(): void {
    if (!started) return;
    if (scanning) {
      rescan = true;
      return;
    }
    scanning = scan()
      .catch((error: unknown) => log.error({ err: error }, 'looking for background jobs failed'))
      .finally(() => {
        scanning = null;
        if (rescan) {
          rescan = false;
          wake();
        } else {
          schedule();
        }
      });
  }

  return {
    start() {
      if (started) return;
      started = true;
      abort = new AbortController();
      wake();
    },
    wake,
    async stop() {
      started = false;
      if (timer) clearTimeout(timer);
      abort.abort();
      await scanning;
      await Promise.all([...running]);
    },
  };
}
