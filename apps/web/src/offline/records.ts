import type { CreateMigrationPlanRequest, CreateServiceRequest, SyncMutationName, SyncTable } from '@desmigratif/contracts';
import type { OfflineDb, OutboxEntry } from './db';
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
}

/** A record made without signal: the row as the server's would read (snake_case columns), and its mutation. */
function createLocally(db: OfflineDb, { request, params, ...write }: LocalCreate): Promise<OutboxEntry> {
  const columns = Object.fromEntries(
    Object.entries({ ...request, ...params }).map(([key, value]) => [toSnakeCase(key), value ?? null]),
  );
  return writeLocally(db, {
    ...write,
    row: { ...columns, id: request.id, village_code: write.villageCode, version: '0' },
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
