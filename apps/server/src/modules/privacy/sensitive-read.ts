import type { SessionUser } from '@desmigratif/contracts';
import type { Queryable } from '@desmigratif/db';
import { seesFullIdentity, todayInJakarta } from '@desmigratif/domain';
import type { FastifyRequest } from 'fastify';
import { recordAudit } from '../../platform/audit.js';

export type SensitiveRead = {
  entityType: string;
  entityId: string;
  regionCode: string;
  /** What was seen, in Indonesian, for the "who looked at this person's data" screen. */
  what: string;
};

/** Reads already written for a request, so that one request leaves one entry per record. */
const recorded = new WeakMap<FastifyRequest, Set<string>>();

/**
 * Writes a `read_sensitive` entry to the audit log (UU 27/2022 Pasal 31: record the
 * processing) when a record's sensitive part is shown. Only GET requests count: a write
 * that answers with the record is already audited with its content.
 */
export async function recordSensitiveRead(db: Queryable, request: FastifyRequest, read: SensitiveRead): Promise<void> {
  if (request.method !== 'GET') return;
  const key = `${read.entityType}:${read.entityId}`;
  const seen = recorded.get(request) ?? new Set<string>();
  if (seen.has(key)) return;
  seen.add(key);
  recorded.set(request, seen);
  await recordAudit(db, request, {
    action: 'read_sensitive',
    entityType: read.entityType,
    entityId: read.entityId,
    regionCode: read.regionCode,
    after: { what: read.what },
  });
}

/** Whether someone born on `birthDate` is a child (under 18) today; unknown birth dates are not. */
export function isChild(birthDate: string | null, today = todayInJakarta()): boolean {
  if (birthDate === null) return false;
  // Completed years, comparing month-day strings: no time zone can shift a birthday.
  const age = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (today.slice(5) < birthDate.slice(5) ? 1 : 0);
  return age < 18;
}

/**
 * A person's record opened: audited when the viewer sees identity numbers in full or the
 * person is a child (children's data is specific data, UU 27/2022 Pasal 4 ayat (2)).
 */
export async function recordPersonRead(
  db: Queryable,
  request: FastifyRequest,
  viewer: SessionUser,
  person: { id: string; village_code: string; birth_date: string | null },
): Promise<void> {
  const seen = [seesFullIdentity(viewer.role) && 'NIK lengkap', isChild(person.birth_date) && 'data anak'].filter(Boolean);
  if (!seen.length) return;
  await recordSensitiveRead(db, request, { entityType: 'person', entityId: person.id, regionCode: person.village_code, what: seen.join(', ') });
}

/** A migration plan opened: audited when it carries a recorded health and psychological check. */
export async function recordPlanRead(
  db: Queryable,
  request: FastifyRequest,
  plan: { id: string; village_code: string },
  documents: ReadonlyArray<{ kind: string; status: string }>,
): Promise<void> {
  const health = documents.some((d) => d.kind === 'pemeriksaan_kesehatan_psikologi' && d.status !== 'belum');
  if (!health) return;
  await recordSensitiveRead(db, request, { entityType: 'migration_plan', entityId: plan.id, regionCode: plan.village_code, what: 'hasil pemeriksaan kesehatan dan psikologi' });
}

/** A document scan opened (a photo of a passport, a health certificate…): always audited. */
export async function recordScanRead(db: Queryable, request: FastifyRequest, planId: string, kind: string): Promise<void> {
  const { rows } = await db.query<{ village_code: string }>(`SELECT village_code FROM migration_plans WHERE id = $1`, [planId]);
  if (!rows[0]) return;
  await recordSensitiveRead(db, request, { entityType: 'migration_plan', entityId: planId, regionCode: rows[0].village_code, what: `pindaian dokumen ${kind}` });
}
