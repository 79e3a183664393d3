import type { CreatePersonRequest } from '@desmigratif/contracts';
import { parseNik } from '@desmigratif/domain';
import type { LocalRow, OfflineDb, OutboxEntry } from './db';
import { writeLocally } from './outbox';

/** The phone's copy of a person recorded without signal, in the server's column names. */
export function personRow(villageCode: string, request: CreatePersonRequest & { id: string }): LocalRow {
  return {
    id: request.id,
    village_code: villageCode,
    nik: request.nik,
    nik_temporary: parseNik(request.nik).temporary,
    name: request.name,
    sex: request.sex,
    birth_place: request.birthPlace ?? null,
    birth_date: request.birthDate ?? null,
    dusun: request.dusun ?? null,
    rw: request.rw ?? null,
    rt: request.rt ?? null,
    migrant_status: request.migrantStatus,
    status_dasar: request.statusDasar ?? 1,
    family_id: request.familyId ?? null,
    version: '0',
  };
}

/** Records a resident on the phone; `person.create` carries the online route's body plus the village. */
export function createPersonLocally(
  db: OfflineDb,
  userId: string,
  villageCode: string,
  request: CreatePersonRequest & { id: string },
): Promise<OutboxEntry> {
  return writeLocally(db, {
    userId,
    villageCode,
    name: 'person.create',
    table: 'people',
    row: personRow(villageCode, request),
    args: { ...request, villageCode },
  });
}
