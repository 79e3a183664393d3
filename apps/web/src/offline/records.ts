import type {
  CaseTransitionRequest,
  CreateCaseRequest,
  CreateMigrationPlanRequest,
  CreatePlacementRequest,
  CreateServiceRequest,
  DocumentKind,
  PutMigrationDocumentRequest,
  RecordReturnRequest,
  SyncMutationName,
  SyncTable,
} from '@desmigratif/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { LocalRow, OfflineDb, OutboxEntry } from './db';
import { currentDocuments } from './localPlan';
import { toSnakeCase } from './merge';
import { writeLocally } from './outbox';

interface LocalCreate {
  userId: string;
  villageCode: string;
  name: SyncMutationName;
  table: SyncTable;
  /** The online route's body, with the id made on the device. */
  request: { id: string } & Record<string, unknown>;
  /** The route's URL parameters (see syncMutationParams), also kept as columns of the row. */
  params: Record<string, string>;
  /** Columns the server fills in itself (a new case's status…), so the phone's row reads like the one it will pull. */
  columns?: Record<string, unknown>;
}

/** A record made without signal: the row as the server's would read (snake_case columns), and its mutation. */
function createLocally(db: OfflineDb, { request, params, columns: extra, ...write }: LocalCreate): Promise<OutboxEntry> {
  const columns = Object.fromEntries(
    Object.entries({ ...request, ...params }).map(([key, value]) => [toSnakeCase(key), value ?? null]),
  );
  return writeLocally(db, {
    ...write,
    row: { ...columns, ...extra, id: request.id, village_code: write.villageCode, version: '0' },
    args: { ...request, ...params },
  });
}

export function createPlanLocally(
  db: OfflineDb,
  userId: string,
  villageCode: string,
  personId: string,
  request: CreateMigrationPlanRequest & { id: string },
): Promise<OutboxEntry> {
  return createLocally(db, { userId, villageCode, name: 'plan.create', table: 'migration_plans', request, params: { personId } });
}

export function createServiceLocally(
  db: OfflineDb,
  userId: string,
  villageCode: string,
  request: CreateServiceRequest & { id: string },
): Promise<OutboxEntry> {
  return createLocally(db, { userId, villageCode, name: 'service.create', table: 'migration_services', request, params: { villageCode } });
}

/** A new case (`case.create`): status `baru` from now, as the server opens it. */
export function createCaseLocally(db: OfflineDb, userId: string, villageCode: string, request: CreateCaseRequest & { id: string }): Promise<OutboxEntry> {
  const now = new Date().toISOString();
  return createLocally(db, {
    userId,
    villageCode,
    name: 'case.create',
    table: 'migration_cases',
    request,
    params: { villageCode },
    columns: { status: 'baru', status_since: now, created_at: now, updated_at: now, opened_by: userId },
  });
}

/** A departure (`placement.create`); the person's status and plan change on the server when it arrives. */
export function createPlacementLocally(
  db: OfflineDb,
  userId: string,
  villageCode: string,
  personId: string,
  request: CreatePlacementRequest & { id: string },
): Promise<OutboxEntry> {
  const now = new Date().toISOString();
  return createLocally(db, {
    userId,
    villageCode,
    name: 'placement.create',
    table: 'migration_placements',
    request,
    params: { personId },
    columns: { return_date: null, created_at: now, updated_at: now, created_by: userId },
  });
}

/**
 * A document of a plan set without signal (`document.put`, one per plan and kind). It updates the
 * row the phone shows for that kind (see `currentDocuments`), else starts one with a device id;
 * read and written in the outbox's transaction so a pull landing in between is not overwritten.
 */
export function putDocumentLocally(
  db: OfflineDb,
  userId: string,
  plan: { id: string; villageCode: string },
  kind: DocumentKind,
  request: PutMigrationDocumentRequest,
): Promise<OutboxEntry> {
  return db.transaction('rw', [db.migration_documents, db.outbox, db.meta], async () => {
    const rows = await db.migration_documents.filter((row) => row.plan_id === plan.id && row.kind === kind).toArray();
    const held = currentDocuments(rows)[0];
    const columns = Object.fromEntries(Object.entries(request).map(([key, value]) => [toSnakeCase(key), value ?? null]));
    return writeLocally(db, {
      userId,
      villageCode: plan.villageCode,
      name: 'document.put',
      table: 'migration_documents',
      row: {
        ...held,
        ...columns,
        id: held?.id ?? uuidv7(),
        plan_id: plan.id,
        kind,
        village_code: plan.villageCode,
        version: held?.version ?? '0',
        updated_at: new Date().toISOString(),
      },
      args: { ...request, planId: plan.id, kind },
    });
  });
}

/**
 * A case's status step without signal (`case.transition`): the phone's row shows the new status
 * at once; the version stays the server's, which the step carries so a case moved meanwhile by
 * someone else is refused (and shown as rejected) instead of being moved twice.
 */
export function moveCaseLocally(db: OfflineDb, userId: string, row: LocalRow, request: CaseTransitionRequest): Promise<OutboxEntry> {
  const now = new Date().toISOString();
  return writeLocally(db, {
    userId,
    villageCode: row.village_code,
    name: 'case.transition',
    table: 'migration_cases',
    row: { ...row, status: request.to, status_since: now, closed_at: request.to === 'selesai' ? now : null, updated_at: now },
    args: { ...request, id: row.id },
    baseVersion: row.version,
  });
}

/**
 * A note on a case without signal (`case.note`). The case's own row does not change (the
 * timeline is not kept on the phone); the row is written again only so the note's outbox
 * entry and the case's waiting badge share one transaction. Notes never conflict.
 */
export function addCaseNoteLocally(db: OfflineDb, userId: string, row: LocalRow, note: string): Promise<OutboxEntry> {
  return writeLocally(db, {
    userId,
    villageCode: row.village_code,
    name: 'case.note',
    table: 'migration_cases',
    row: { ...row },
    args: { id: row.id, note },
  });
}

/** A return home without signal (`placement.return`), with the departure's version as the server's check. */
export function recordReturnLocally(db: OfflineDb, userId: string, row: LocalRow, request: RecordReturnRequest): Promise<OutboxEntry> {
  // The return's own columns: `reason` and `notes` would otherwise land on the departure's.
  const columns = {
    return_date: request.returnDate,
    return_reason: request.reason,
    skills_gained: request.skillsGained ?? null,
    savings_plan: request.savingsPlan ?? null,
    reintegration_needs: request.reintegrationNeeds,
    return_notes: request.notes ?? null,
  };
  return writeLocally(db, {
    userId,
    villageCode: row.village_code,
    name: 'placement.return',
    table: 'migration_placements',
    row: { ...row, ...columns, updated_at: new Date().toISOString() },
    args: { ...request, id: row.id },
    baseVersion: row.version,
  });
}
