import {
  caseNoteRequestSchema,
  caseTransitionRequestSchema,
  createCaseRequestSchema,
  createFamilyRequestSchema,
  createMigrationPlanRequestSchema,
  createPersonRequestSchema,
  createPlacementRequestSchema,
  createServiceRequestSchema,
  documentKindSchema,
  putMigrationDocumentRequestSchema,
  recordReturnRequestSchema,
  type Role,
  type SessionUser,
  type SyncMutation,
  type SyncMutationName,
  syncMutationParams,
  uuidSchema,
  villageCodeSchema,
} from '@desmigratif/contracts';
import { isInScope } from '@desmigratif/domain';
import type { Pool } from '@desmigratif/db';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { forbidden, outOfScope, validationFailed } from '../../platform/errors.js';
import * as cases from '../migration/cases-service.js';
import * as placements from '../migration/placements-service.js';
import * as plans from '../migration/plans-service.js';
import { migrationWriters } from '../migration/routes.js';
import * as services from '../migration/services-service.js';
import * as familyService from '../people/families-service.js';
import { registryWriters } from '../people/routes.js';
import * as peopleService from '../people/service.js';
import { type EditMutationName, type EditSpec, editSpecs, sameValue } from './edits.js';
import type { ConflictField } from './repository.js';

/** What applying a mutation needs: a pool bound to the mutation's transaction, and who acts. */
export type MutationContext = { db: Pool; request: FastifyRequest; actor: SessionUser };

/** An edit that overwrote someone else's value: recorded by the caller in the same transaction. */
export type DetectedConflict = { table: EditSpec['table']; recordId: string; villageCode: string; label: string; fields: ConflictField[] };

/** Parses with a route's own schema; failures read exactly like the online route's 400. */
function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  throw validationFailed(details);
}

/** Splits `args` into the route's URL parameters and its body (see syncMutationParams). */
function split(name: SyncMutationName, args: Record<string, unknown>) {
  const params: Record<string, unknown> = {};
  const body: Record<string, unknown> = { ...args };
  for (const key of syncMutationParams[name]) {
    params[key] = args[key];
    delete body[key];
  }
  return { params, body };
}

/** The access guard of the online route: its roles, and for village routes the village in scope. */
function guard(actor: SessionUser, roles: readonly Role[], villageCode?: string) {
  if (!roles.includes(actor.role)) throw forbidden();
  if (villageCode !== undefined && !isInScope(actor.scopeCode, villageCode)) throw outOfScope();
}

const villageParams = z.object({ villageCode: villageCodeSchema });
const idParams = z.object({ id: uuidSchema });
const personParams = z.object({ personId: uuidSchema });
const documentParams = z.object({ planId: uuidSchema, kind: documentKindSchema });

/** The version of a non-edit action on a record (case move, return): from args, else the base version. */
const versioned = (body: Record<string, unknown>, mutation: SyncMutation) => ({ ...body, version: body.version ?? mutation.baseVersion ?? undefined });

type Handler = (ctx: MutationContext, mutation: SyncMutation, params: Record<string, unknown>, body: Record<string, unknown>) => Promise<unknown>;

const creates: Record<Exclude<SyncMutationName, EditMutationName>, Handler> = {
  'person.create': async ({ db, request, actor }, _m, params, body) => {
    const { villageCode } = parse(villageParams, params);
    guard(actor, registryWriters, villageCode);
    return peopleService.createPerson(db, request, actor, villageCode, parse(createPersonRequestSchema, body));
  },
  'family.create': async ({ db, request, actor }, _m, params, body) => {
    const { villageCode } = parse(villageParams, params);
    guard(actor, registryWriters, villageCode);
    return familyService.createFamily(db, request, actor, villageCode, parse(createFamilyRequestSchema, body));
  },
  'service.create': async ({ db, request, actor }, _m, params, body) => {
    const { villageCode } = parse(villageParams, params);
    guard(actor, migrationWriters, villageCode);
    return services.createService(db, request, actor, villageCode, parse(createServiceRequestSchema, body));
  },
  'plan.create': async ({ db, request, actor }, _m, params, body) => {
    const { personId } = parse(personParams, params);
    guard(actor, migrationWriters);
    return plans.createPlan(db, request, actor, personId, parse(createMigrationPlanRequestSchema, body));
  },
  'document.put': async ({ db, request, actor }, _m, params, body) => {
    const { planId, kind } = parse(documentParams, params);
    guard(actor, migrationWriters);
    return plans.putDocument(db, request, actor, planId, kind, parse(putMigrationDocumentRequestSchema, body));
  },
  'case.create': async ({ db, request, actor }, _m, params, body) => {
    const { villageCode } = parse(villageParams, params);
    guard(actor, migrationWriters, villageCode);
    return cases.createCase(db, request, actor, villageCode, parse(createCaseRequestSchema, body));
  },
  'case.transition': async ({ db, request, actor }, m, params, body) => {
    const { id } = parse(idParams, params);
    guard(actor, migrationWriters);
    return cases.transitionCase(db, request, actor, id, parse(caseTransitionRequestSchema, versioned(body, m)));
  },
  'case.note': async ({ db, request, actor }, _m, params, body) => {
    const { id } = parse(idParams, params);
    guard(actor, migrationWriters);
    return cases.addNote(db, request, actor, id, parse(caseNoteRequestSchema, body).note);
  },
  'placement.create': async ({ db, request, actor }, _m, params, body) => {
    const { personId } = parse(personParams, params);
    guard(actor, migrationWriters);
    return placements.createPlacement(db, request, actor, personId, parse(createPlacementRequestSchema, body));
  },
  'placement.return': async ({ db, request, actor }, m, params, body) => {
    const { id } = parse(idParams, params);
    guard(actor, migrationWriters);
    return placements.recordReturn(db, request, actor, id, parse(recordReturnRequestSchema, versioned(body, m)));
  },
};

const isEdit = (name: SyncMutationName): name is EditMutationName => name in editSpecs;

/**
 * Applies one mutation through the online route's service. Returns the conflict an edit made
 * from a stale version caused, if any; throws the service's error otherwise.
 */
export async function applyMutation(ctx: MutationContext, mutation: SyncMutation): Promise<DetectedConflict | undefined> {
  const { params, body } = split(mutation.name, mutation.args);
  if (!isEdit(mutation.name)) {
    await creates[mutation.name](ctx, mutation, params, body);
    return undefined;
  }
  return applyEdit(ctx, editSpecs[mutation.name], mutation, parse(idParams, params).id, body);
}

/**
 * An offline edit. When the officer started from the current version it is the online PATCH.
 * When someone else saved in between, per field the device sent:
 * - the officer did not change it (mine = base): dropped, the other person's value stays;
 * - only the officer changed it (theirs = base), or both set the same value: applied;
 * - both changed it differently: the officer's value is applied and both are kept as a conflict.
 * Without the base value of a field the server cannot tell who changed it, so it counts as a
 * conflict whenever the values differ: nothing is overwritten without a trace.
 */
async function applyEdit(ctx: MutationContext, spec: EditSpec, mutation: SyncMutation, id: string, rawBody: Record<string, unknown>) {
  guard(ctx.actor, spec.roles);
  if (!mutation.baseVersion) throw validationFailed([{ path: 'baseVersion', message: 'Versi awal data wajib dikirim untuk perubahan' }]);
  const current = await spec.read(ctx.db, ctx.request, id);
  // Not found, merged or out of scope: the service says which, exactly as online.
  const version = current?.version ?? mutation.baseVersion;
  const body = parse(spec.schema, { ...rawBody, version });
  if (!current || current.version === mutation.baseVersion) {
    await spec.apply(ctx.db, ctx.request, ctx.actor, id, body);
    return undefined;
  }
  const base = mutation.base ?? {};
  const merged: Record<string, unknown> = { version };
  const fields: ConflictField[] = [];
  for (const [field, mine] of Object.entries(body)) {
    if (field === 'version') continue;
    if (spec.incomparable.includes(field)) {
      merged[field] = mine;
      continue;
    }
    const theirs = current.values[field];
    const knowsBase = Object.hasOwn(base, field);
    if (knowsBase && sameValue(mine, base[field])) continue;
    merged[field] = mine;
    if (sameValue(mine, theirs) || (knowsBase && sameValue(theirs, base[field]))) continue;
    fields.push({ field, base: knowsBase ? (base[field] ?? null) : null, theirs: theirs ?? null, mine: mine ?? null });
  }
  await spec.apply(ctx.db, ctx.request, ctx.actor, id, merged);
  if (!fields.length) return undefined;
  return { table: spec.table, recordId: id, villageCode: current.villageCode, label: current.label, fields };
}
