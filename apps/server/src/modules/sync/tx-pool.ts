import type { Pool, PoolClient } from '@desmigratif/db';

/**
 * A stand-in for the pool that keeps every query on one connection already inside a
 * transaction. The online services open their own transaction with `withTransaction(pool, …)`;
 * handed this instead, their BEGIN/COMMIT/ROLLBACK become a savepoint of the outer
 * transaction. So a synced mutation runs through exactly the same service code as the online
 * route, yet the write, its audit entry and the client's `last_seq` commit together or not at
 * all (issue 5: one transaction per mutation).
 */
export function transactionPool(client: PoolClient): Pool {
  let depth = 0;
  // Services read in parallel (Promise.all) as they may on a pool; one connection runs one query
  // at a time, so they are queued here rather than on the driver (which deprecates that).
  let tail: Promise<unknown> = Promise.resolve();
  const run = (...args: unknown[]) => {
    const next = tail.then(() => (client.query as (...a: unknown[]) => Promise<unknown>)(...args));
    tail = next.catch(() => undefined);
    return next;
  };
  const query = run as PoolClient['query'];

  const nested = {
    query: ((text: unknown, ...rest: unknown[]) => {
      if (typeof text === 'string') {
        const statement = text.trim().toUpperCase();
        if (statement === 'BEGIN') return run(`SAVEPOINT nested_${++depth}`);
        if (statement === 'COMMIT') return run(`RELEASE SAVEPOINT nested_${depth--}`);
        if (statement === 'ROLLBACK') return run(`ROLLBACK TO SAVEPOINT nested_${depth--}`);
        if (statement.startsWith('BEGIN')) throw new Error(`transactionPool: unsupported statement ${statement}`);
      }
      return run(text, ...rest);
    }) as PoolClient['query'],
    // The outer transaction owns the connection; the service's release is a no-op.
    release: () => undefined,
  };

  return { query, connect: async () => nested } as unknown as Pool;
}
