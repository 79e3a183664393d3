import { z } from 'zod';
import { uuidSchema, villageCodeSchema } from './common.js';

/**
 * The offline sync protocol (issue 5): a Replicache-style push/pull per village.
 *
 * - Every write made on the officer's phone is a *mutation* appended to the outbox in the
 *   same IndexedDB transaction as the local change: a UUIDv7 id, the device's client id, a
 *   per-client sequence number, a name from `syncMutationNames`, the same arguments the
 *   online route takes (plus the record's own id, generated on the device), and for edits
 *   the version the officer started from and the values they saw (`base`).
 * - `POST /api/v1/sync/push` applies the mutations in `seq` order, one database transaction
 *   each, skipping the sequences already applied for that client, through the same
 *   validation and region-scope guard as the online route.
 * - `GET /api/v1/sync/pull` returns the rows and tombstones of the user's village changed
 *   since the client's cursor, a page at a time.
 * - An edit whose base version is stale is still applied; every field that someone else
 *   changed in between becomes a recorded conflict with both values, for a person to resolve.
 */

/** Bumped whenever a mutation's arguments change shape; older clients are told to update first. */
export const SYNC_FORMAT_VERSION = 1;

export const syncMutationNames = [
  'person.create',
  'person.update',
  'family.create',
  'family.update',
  'service.create',
  'plan.create',
  'plan.update',
  'document.put',
  'case.create',
  'case.transition',
  'case.note',
  'placement.create',
  'placement.return',
] as const;
/**
 * Where each mutation's route parameters travel inside `args` (the rest of `args` is the online
 * route's body, parsed with the same schema):
 * - village routes (`person.create`, `family.create`, `service.create`, `case.create`): `villageCode`;
 * - `plan.create`, `placement.create`: `personId` (the person the plan/departure is for);
 * - `document.put`: `planId` and `kind`;
 * - record routes (`*.update`, `case.transition`, `placement.return`): `id` of the record.
 * Edits (`person.update`, `family.update`, `plan.update`) need no `version` in `args`: the server
 * compares `baseVersion`/`base` with the record and applies the edit to its current version.
 * `case.transition` and `placement.return` take `version` from `args`, else from `baseVersion`.
 */
export const syncMutationParams: Record<SyncMutationName, readonly string[]> = {
  'person.create': ['villageCode'],
  'person.update': ['id'],
  'family.create': ['villageCode'],
  'family.update': ['id'],
  'service.create': ['villageCode'],
  'plan.create': ['personId'],
  'plan.update': ['id'],
  'document.put': ['planId', 'kind'],
  'case.create': ['villageCode'],
  'case.transition': ['id'],
  'case.note': ['id'],
  'placement.create': ['personId'],
  'placement.return': ['id'],
};

export const syncMutationNameSchema = z.enum(syncMutationNames, { message: 'Jenis perubahan tidak dikenal' });
export type SyncMutationName = z.infer<typeof syncMutationNameSchema>;

export const syncMutationSchema = z.object({
  id: uuidSchema,
  clientId: uuidSchema,
  seq: z.number().int().positive(),
  name: syncMutationNameSchema,
  /** The online route's request body, plus the ids it needs (the record's id, the person's id…). */
  args: z.record(z.string(), z.unknown()),
  /** For edits: the record version the officer started from. */
  baseVersion: z.string().regex(/^\d+$/).nullable().optional(),
  /** For edits: the value of each changed field as the officer saw it before editing. */
  base: z.record(z.string(), z.unknown()).nullable().optional(),
  /** When the officer made the change on the device (ISO); kept for the audit trail. */
  createdAt: z.iso.datetime({ offset: true }),
});
export type SyncMutation = z.infer<typeof syncMutationSchema>;

export const syncPushRequestSchema = z.object({
  formatVersion: z.number().int().positive(),
  clientId: uuidSchema,
  mutations: z.array(syncMutationSchema).max(500, { message: 'Paling banyak 500 perubahan per kiriman' }),
});
export type SyncPushRequest = z.infer<typeof syncPushRequestSchema>;

export const syncMutationStatuses = ['applied', 'conflict', 'rejected', 'skipped'] as const;
export const syncMutationResultSchema = z.object({
  id: uuidSchema,
  seq: z.number().int(),
  /** applied; applied with a recorded conflict; rejected (reason in Indonesian); skipped (already applied earlier). */
  status: z.enum(syncMutationStatuses),
  reason: z.string().optional(),
  details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  conflictId: uuidSchema.optional(),
});
export type SyncMutationResult = z.infer<typeof syncMutationResultSchema>;

export const syncPushResponseSchema = z.object({
  /** The highest sequence of this client the server has processed (applied, conflicted or rejected). */
  lastSeq: z.number().int(),
  results: z.array(syncMutationResultSchema),
  /**
   * Why processing stopped before the end of the batch: 'gap' (a sequence is missing — send the
   * outbox again from `lastSeq + 1`) or 'error' (a server fault — retry later). Absent when the
   * whole batch was processed.
   */
  stopped: z.enum(['gap', 'error']).optional(),
});
export type SyncPushResponse = z.infer<typeof syncPushResponseSchema>;

export const syncTables = ['people', 'families', 'migration_services', 'migration_plans', 'migration_documents', 'migration_cases', 'migration_placements'] as const;
export type SyncTable = (typeof syncTables)[number];

export const syncPullQuerySchema = z.object({
  villageCode: villageCodeSchema,
  /** Opaque cursor from the previous pull; absent on the first pull. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(2000),
});
export type SyncPullQuery = z.infer<typeof syncPullQuerySchema>;

export const syncPullResponseSchema = z.object({
  cursor: z.string(),
  /** More changes wait: pull again with the new cursor at once. */
  hasMore: z.boolean(),
  /**
   * Compact: per table, the column names once and the rows as arrays in that order.
   * Column names are the database's (snake_case, e.g. `village_code`, `birth_date`, `version`);
   * every row carries `id`, `village_code` and `version`. NIKs are masked for roles that see them
   * masked online. Rows may come again in a later pull: upsert by id, keep the higher version.
   */
  changes: z.array(z.object({ table: z.enum(syncTables), columns: z.array(z.string()), rows: z.array(z.array(z.unknown())) })),
  /** Records deleted (or merged away) since the cursor: the device drops them. */
  tombstones: z.array(z.object({ table: z.enum(syncTables), id: z.string() })),
});
export type SyncPullResponse = z.infer<typeof syncPullResponseSchema>;

export const syncConflictFieldSchema = z.object({
  field: z.string(),
  /** What the officer saw before editing. */
  base: z.unknown(),
  /** What someone else saved meanwhile (overwritten by `mine`, kept here). */
  theirs: z.unknown(),
  /** What this officer's edit set (applied). */
  mine: z.unknown(),
});

export const syncConflictSchema = z.object({
  id: uuidSchema,
  villageCode: z.string(),
  table: z.enum(syncTables),
  recordId: z.string(),
  recordLabel: z.string(),
  mutationId: uuidSchema,
  fields: z.array(syncConflictFieldSchema),
  status: z.enum(['terbuka', 'diselesaikan']),
  createdBy: z.string(),
  createdAt: z.string(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});
export type SyncConflict = z.infer<typeof syncConflictSchema>;

export const resolveSyncConflictRequestSchema = z.object({
  /** Per field, which value to keep: the applied one ('mine') or the overwritten one ('theirs'). */
  choices: z.record(z.string(), z.enum(['mine', 'theirs'])),
});
export type ResolveSyncConflictRequest = z.infer<typeof resolveSyncConflictRequestSchema>;

export const syncConflictStatuses = ['terbuka', 'diselesaikan'] as const;

export const listSyncConflictsQuerySchema = z.object({
  /** A village (or region prefix) inside the caller's scope; absent = the whole scope. */
  villageCode: z.string().regex(/^\d{2,10}$/, { message: 'Kode wilayah tidak valid' }).optional(),
  status: z.enum(syncConflictStatuses).optional(),
});
export type ListSyncConflictsQuery = z.infer<typeof listSyncConflictsQuerySchema>;

/** Newest first, at most 500. */
export const listSyncConflictsResponseSchema = z.object({ items: z.array(syncConflictSchema) });
export type ListSyncConflictsResponse = z.infer<typeof listSyncConflictsResponseSchema>;
