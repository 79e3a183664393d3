import type { CreateMigrationPlanRequest } from '@desmigratif/contracts';
import type { OfflineDb, OutboxEntry } from './db';
import { toSnakeCase } from './merge';
import { writeLocally } from './outbox';

/** A migration plan made without signal: kept on the phone as the server's row would read, in the server's column names. */
export function createPlanLocally(
  db: OfflineDb,
  userId: string,
  villageCode: string,
  personId: string,
  request: CreateMigrationPlanRequest & { id: string },
): Promise<OutboxEntry> {
  const columns = Object.fromEntries(Object.entries(request).map(([key, value]) => [toSnakeCase(key), value ?? null]));
  return writeLocally(db, {
    userId,
    villageCode,
    name: 'plan.create',
    table: 'migration_plans',
    row: { ...columns, id: request.id, village_code: villageCode, person_id: personId, version: '0' },
    // `personId` is the route's URL parameter (see syncMutationParams); the rest is its body.
    args: { ...request, personId },
  });
}
