import {
  SYNC_FORMAT_VERSION,
  type SessionUser,
  type SyncMutation,
  type SyncMutationResult,
  type SyncPushRequest,
  type SyncPushResponse,
} from '@desmigratif/contracts';
import { type Pool, type PoolClient, withTransaction } from '@desmigratif/db';
import type { FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit.js';
import { AppError, type ErrorDetail, forbidden, validationFailed } from '../../platform/errors.js';
import { applyMutation } from './mutations.js';
import * as repo from './repository.js';
import { transactionPool } from './tx-pool.js';

export const updateRequired = () =>
  new AppError(426, 'UPDATE_REQUIRED', 'Perbarui aplikasi sebelum mengirim perubahan; perubahan Anda tetap tersimpan di ponsel.');

// The same words the online routes answer a broken constraint with (platform/errors.ts).
const constraintMessages: Record<string, string> = {
  '23505': 'Data yang sama sudah ada.',
  '23503': 'Data yang dirujuk tidak ada.',
  '23514': 'Nilai tidak memenuhi aturan data.',
};

/**
 * Why a mutation is refused for good: what the online route answers with a 4xx. Such a
 * mutation is reported to the officer and its sequence consumed, so one bad record never
 * blocks the outbox. Anything else (a server fault) stops the batch for a later retry.
 */
function refusal(error: unknown): { reason: string; details?: ErrorDetail[] } | undefined {
  if (error instanceof AppError && error.statusCode < 500) {
    const details = Array.isArray(error.details) ? (error.details as ErrorDetail[]) : undefined;
    return { reason: error.message, ...(details ? { details } : {}) };
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && constraintMessages[code]) return { reason: constraintMessages[code] };
  return undefined;
}

type Step = { result: SyncMutationResult; lastSeq: number } | { gap: true; lastSeq: number };

/**
 * One mutation in its own transaction: the write (through the online service, on this
 * transaction's connection), a conflict record if any, the mutation's id and the client's
 * `last_seq` — all committed together, so a retry after a lost response finds it done.
 */
async function processMutation(client: PoolClient, request: FastifyRequest, actor: SessionUser, mutation: SyncMutation): Promise<Step> {
  const lastSeq = await repo.lockClient(client, mutation.clientId);
  const base = { id: mutation.id, seq: mutation.seq };
  if (mutation.seq <= lastSeq) return { result: { ...base, status: 'skipped' }, lastSeq };
  if (mutation.seq > lastSeq + 1) return { gap: true, lastSeq };
  if (await repo.mutationSeen(client, mutation.id)) {
    // The same change resent under a new sequence: its sequence is used up, nothing applied again.
    await repo.advanceClient(client, mutation.clientId, mutation.seq);
    return { result: { ...base, status: 'skipped' }, lastSeq: mutation.seq };
  }

  let result: SyncMutationResult;
  await client.query('SAVEPOINT mutation');
  try {
    const conflict = await applyMutation({ db: transactionPool(client), request, actor }, mutation);
    if (conflict) {
      const conflictId = uuidv7();
      await repo.insertConflict(client, { id: conflictId, ...conflict, mutationId: mutation.id, createdBy: actor.id });
      await recordAudit(client, request, {
        action: 'sync_conflict',
        entityType: conflict.table,
        entityId: conflict.recordId,
        regionCode: conflict.villageCode,
        after: { conflictId, mutationId: mutation.id, fields: conflict.fields },
      });
      result = { ...base, status: 'conflict', conflictId };
    } else {
      result = { ...base, status: 'applied' };
    }
    await client.query('RELEASE SAVEPOINT mutation');
  } catch (error) {
    const refused = refusal(error);
    if (!refused) throw error;
    await client.query('ROLLBACK TO SAVEPOINT mutation');
    result = { ...base, status: 'rejected', ...refused };
  }
  await repo.insertMutation(client, mutation, { status: result.status as 'applied' | 'conflict' | 'rejected', reason: result.reason });
  await repo.advanceClient(client, mutation.clientId, mutation.seq);
  return { result, lastSeq: mutation.seq };
}

export async function push(pool: Pool, request: FastifyRequest, actor: SessionUser, input: SyncPushRequest): Promise<SyncPushResponse> {
  // An outdated device is told before anything is touched; its outbox stays on the phone.
  if (input.formatVersion < SYNC_FORMAT_VERSION) throw updateRequired();
  const foreign = input.mutations.findIndex((m) => m.clientId !== input.clientId);
  if (foreign >= 0) throw validationFailed([{ path: `mutations.${foreign}.clientId`, message: 'Perubahan ini berasal dari perangkat lain' }]);

  const owner = await repo.claimClient(pool, input.clientId, actor.id);
  if (owner.userId !== actor.id) {
    throw forbidden('Antrean perubahan di perangkat ini milik pengguna lain. Masuk dengan akun pemiliknya untuk mengirimnya.');
  }

  let lastSeq = owner.lastSeq;
  const results: SyncMutationResult[] = [];
  for (const mutation of [...input.mutations].sort((a, b) => a.seq - b.seq)) {
    let step: Step;
    try {
      step = await withTransaction(pool, (client) => processMutation(client, request, actor, mutation));
    } catch (error) {
      request.log.error({ err: error, mutationId: mutation.id, name: mutation.name }, 'sync mutation failed');
      return { lastSeq, results, stopped: 'error' };
    }
    lastSeq = step.lastSeq;
    if ('gap' in step) return { lastSeq, results, stopped: 'gap' };
    results.push(step.result);
  }
  return { lastSeq, results };
}
