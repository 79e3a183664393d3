import type { ListSyncConflictsQuery, ResolveSyncConflictRequest, SessionUser, SyncConflict } from '@desmigratif/contracts';
import { type Pool, withTransaction } from '@desmigratif/db';
import type { FastifyRequest } from 'fastify';
import { assertInScope, requestScope } from '../../platform/access-control.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, notFound, validationFailed } from '../../platform/errors.js';
import { editSpecOfTable } from './edits.js';
import * as repo from './repository.js';
import { transactionPool } from './tx-pool.js';

function conflictOf(row: repo.ConflictRow): SyncConflict {
  return {
    id: row.id,
    villageCode: row.village_code,
    table: row.table_name,
    recordId: row.record_id,
    recordLabel: row.record_label,
    mutationId: row.mutation_id,
    fields: row.fields,
    status: row.status,
    createdBy: row.created_by_name,
    createdAt: row.created_at.toISOString(),
    resolvedBy: row.resolved_by_name,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
  };
}

export async function listConflicts(pool: Pool, request: FastifyRequest, query: ListSyncConflictsQuery) {
  const rows = await repo.listConflicts(pool, requestScope(request, query.villageCode), query.status);
  return { items: rows.map(conflictOf) };
}

export async function getConflict(pool: Pool, request: FastifyRequest, id: string): Promise<SyncConflict> {
  const row = await repo.findConflict(pool, id);
  if (!row) throw notFound('Konflik sinkronisasi');
  assertInScope(request, row.village_code);
  return conflictOf(row);
}

/**
 * Settles a conflict field by field: 'mine' keeps the applied value, 'theirs' writes the
 * overwritten value back through the online edit service (same validation, scope and audit).
 * The write-back and the conflict's new status commit together.
 */
export async function resolveConflict(
  pool: Pool,
  request: FastifyRequest,
  actor: SessionUser,
  id: string,
  input: ResolveSyncConflictRequest,
): Promise<SyncConflict> {
  await withTransaction(pool, async (client) => {
    const row = await repo.findConflict(client, id, true);
    if (!row) throw notFound('Konflik sinkronisasi');
    assertInScope(request, row.village_code);
    if (row.status === 'diselesaikan') throw new AppError(409, 'CONFLICT_RESOLVED', 'Konflik ini sudah diselesaikan orang lain.');
    const missing = row.fields.filter((f) => !input.choices[f.field]);
    const unknown = Object.keys(input.choices).filter((field) => !row.fields.some((f) => f.field === field));
    if (missing.length || unknown.length) {
      throw validationFailed([
        ...missing.map((f) => ({ path: `choices.${f.field}`, message: 'Pilih nilai yang dipakai untuk isian ini' })),
        ...unknown.map((field) => ({ path: `choices.${field}`, message: 'Isian ini tidak termasuk konflik' })),
      ]);
    }
    const restore = Object.fromEntries(row.fields.filter((f) => input.choices[f.field] === 'theirs').map((f) => [f.field, f.theirs]));
    if (Object.keys(restore).length) {
      const spec = editSpecOfTable(row.table_name);
      const db = transactionPool(client);
      const current = spec && (await spec.read(db, request, row.record_id));
      if (!spec || !current) throw new AppError(409, 'RECORD_GONE', 'Data ini sudah dihapus atau digabung; konflik tidak bisa dipulihkan.');
      if (!spec.roles.includes(actor.role)) throw new AppError(403, 'FORBIDDEN', 'Anda tidak berwenang mengubah data ini.');
      await spec.apply(db, request, actor, row.record_id, { ...restore, version: current.version });
    }
    await repo.markResolved(client, id, actor.id, input.choices);
    await recordAudit(client, request, {
      action: 'resolve_sync_conflict',
      entityType: row.table_name,
      entityId: row.record_id,
      regionCode: row.village_code,
      before: { conflictId: id, fields: row.fields },
      after: { conflictId: id, choices: input.choices, restored: restore },
    });
  });
  return getConflict(pool, request, id);
}
