import {
  type Role,
  type SessionUser,
  type SyncTable,
  updateFamilyRequestSchema,
  updateMigrationPlanRequestSchema,
  updatePersonRequestSchema,
} from '@desmigratif/contracts';
import type { Pool, Queryable } from '@desmigratif/db';
import { maskIdentityNumber } from '@desmigratif/domain';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { migrationWriters } from '../migration/routes.js';
import * as plans from '../migration/plans-service.js';
import * as familyRepo from '../people/families-repository.js';
import * as familyService from '../people/families-service.js';
import * as peopleRepo from '../people/repository.js';
import { registryWriters } from '../people/routes.js';
import * as peopleService from '../people/service.js';

/** A record as an edit sees it: its current version and the current value of each editable field. */
export type CurrentRecord = {
  villageCode: string;
  version: string;
  /** Shown on the conflict screen (the person's name, the plan's migrant…). */
  label: string;
  values: Record<string, unknown>;
};

/**
 * One kind of record that offline edits may change: how to read its current values (locked for
 * the rest of the transaction) and how to write an edit — through the online route's service.
 */
export type EditSpec = {
  table: SyncTable;
  /** The online PATCH route's body schema (it requires `version`). */
  schema: z.ZodType<Record<string, unknown> & { version: string }>;
  roles: readonly Role[];
  /** Body fields that are not stored values and so are never compared (e.g. the date of a new KK). */
  incomparable: readonly string[];
  read(db: Queryable, request: FastifyRequest, id: string): Promise<CurrentRecord | undefined>;
  apply(db: Pool, request: FastifyRequest, actor: SessionUser, id: string, body: Record<string, unknown>): Promise<unknown>;
};

const personSpec: EditSpec = {
  table: 'people',
  schema: updatePersonRequestSchema,
  roles: registryWriters,
  incomparable: [],
  async read(db, _request, id) {
    const row = await peopleRepo.findPerson(db, id, true);
    if (!row || row.deleted_at) return undefined;
    const values = Object.fromEntries(
      Object.entries(peopleRepo.personFieldColumns).map(([field, column]) => [field, row[column as keyof peopleRepo.PersonRow]]),
    );
    return { villageCode: row.village_code, version: row.version, label: row.name, values };
  },
  apply: (db, request, actor, id, body) =>
    peopleService.updatePerson(db, request, actor, id, body as Parameters<typeof peopleService.updatePerson>[4]),
};

const familySpec: EditSpec = {
  table: 'families',
  schema: updateFamilyRequestSchema,
  roles: registryWriters,
  incomparable: ['noKkValidFrom'],
  async read(db, _request, id) {
    const row = await familyRepo.findFamily(db, id, true);
    if (!row) return undefined;
    const values = { noKk: row.no_kk, headPersonId: row.head_person_id, address: row.address, dusun: row.dusun, rw: row.rw, rt: row.rt };
    const label = row.head_name ? `Keluarga ${row.head_name}` : `KK ${row.no_kk ? maskIdentityNumber(row.no_kk) : '-'}`;
    return { villageCode: row.village_code, version: row.version, label, values };
  },
  apply: (db, request, actor, id, body) =>
    familyService.updateFamily(db, request, actor, id, body as Parameters<typeof familyService.updateFamily>[4]),
};

const planSpec: EditSpec = {
  table: 'migration_plans',
  schema: updateMigrationPlanRequestSchema,
  roles: migrationWriters,
  incomparable: [],
  async read(db, request, id) {
    // loadPlan locks the row and keeps the caller in scope; getPlan gives the fields as the API names them.
    try {
      await plans.loadPlan(db, request, id, true);
    } catch {
      return undefined; // the service call that follows reports why (not found, out of scope)
    }
    const plan = await plans.getPlan(db as Pool, request, id);
    return { villageCode: plan.villageCode, version: plan.version, label: `Rencana migrasi ${plan.personName}`, values: plan as unknown as Record<string, unknown> };
  },
  apply: (db, request, _actor, id, body) => plans.updatePlan(db, request, id, body as Parameters<typeof plans.updatePlan>[3]),
};

export const editSpecs = { 'person.update': personSpec, 'family.update': familySpec, 'plan.update': planSpec } as const;
export type EditMutationName = keyof typeof editSpecs;

export const editSpecOfTable = (table: string): EditSpec | undefined => Object.values(editSpecs).find((spec) => spec.table === table);

/** Values compared as the JSON the devices send: absent and null are the same. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
