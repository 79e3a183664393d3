import type { EnrollVillageRequest, ProgramVillage, SessionUser, UpdateVillageRequest } from '@desmigratif/contracts';
import { type Pool, withTransaction } from '@desmigratif/db';
import type { FastifyRequest } from 'fastify';
import { recordAudit } from '../../platform/audit.js';
import { AppError, notFound, validationFailed, versionConflict } from '../../platform/errors.js';
import * as repo from './program-repository.js';

/** The ministry selects villages; a regency coordinator proposes them and keeps their details current. */
function assertStatusAllowed(actor: SessionUser, status: string, previous?: { status: string; cohortYear: number }, cohortYear?: number) {
  if (actor.role === 'admin' || actor.role === 'kementerian') return;
  const changesSelection = previous
    ? status !== previous.status || (cohortYear !== undefined && cohortYear !== previous.cohortYear)
    : status !== 'diusulkan';
  if (changesSelection) {
    throw new AppError(
      403,
      'FORBIDDEN',
      'Koordinator kabupaten hanya dapat mengusulkan desa (status "Diusulkan"); penetapan status dan angkatan oleh Kementerian.',
    );
  }
}

export async function enrollVillage(pool: Pool, request: FastifyRequest, actor: SessionUser, input: EnrollVillageRequest): Promise<ProgramVillage> {
  const status = actor.role === 'koordinator_kabupaten' && input.status === 'aktif' ? 'diusulkan' : input.status;
  assertStatusAllowed(actor, status);
  const region = await pool.query<{ level: number }>('SELECT level FROM regions WHERE code = $1', [input.villageCode]);
  if (region.rows[0]?.level !== 4) {
    throw validationFailed([{ path: 'villageCode', message: 'Kode desa tidak terdaftar di data wilayah Kemendagri' }]);
  }
  return withTransaction(pool, async (tx) => {
    if (await repo.findProgramVillage(tx, input.villageCode)) {
      throw new AppError(409, 'ALREADY_ENROLLED', 'Desa ini sudah terdaftar sebagai Desa Migran Produktif.');
    }
    const values = {
      cohortYear: input.cohortYear,
      status,
      officers: input.officers,
      headName: input.headName ?? null,
      headPhone: input.headPhone ?? null,
      notes: input.notes ?? null,
    };
    await repo.insertProgramVillage(tx, input.villageCode, values, actor.id);
    const created = (await repo.findProgramVillage(tx, input.villageCode))!;
    await recordAudit(tx, request, {
      action: 'create',
      entityType: 'program_village',
      entityId: input.villageCode,
      regionCode: input.villageCode,
      after: values,
    });
    return created;
  });
}

export async function updateVillage(
  pool: Pool,
  request: FastifyRequest,
  actor: SessionUser,
  code: string,
  input: UpdateVillageRequest,
): Promise<ProgramVillage> {
  return withTransaction(pool, async (tx) => {
    const current = await repo.findProgramVillage(tx, code, true);
    if (!current) throw notFound('Desa Desmigratif');
    if (input.version !== undefined && input.version !== current.version) throw versionConflict();
    const next = {
      cohortYear: input.cohortYear ?? current.cohortYear,
      status: input.status ?? current.status,
      officers: input.officers ?? current.officers,
      headName: input.headName !== undefined ? input.headName : current.headName,
      headPhone: input.headPhone !== undefined ? input.headPhone : current.headPhone,
      notes: input.notes !== undefined ? input.notes : current.notes,
    };
    assertStatusAllowed(actor, next.status, current, next.cohortYear);
    await repo.updateProgramVillage(tx, code, next);
    const updated = (await repo.findProgramVillage(tx, code))!;
    const pick = (v: ProgramVillage) => ({
      cohortYear: v.cohortYear,
      status: v.status,
      officers: v.officers,
      headName: v.headName,
      headPhone: v.headPhone,
      notes: v.notes,
    });
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'program_village',
      entityId: code,
      regionCode: code,
      before: pick(current),
      after: pick(updated),
    });
    return updated;
  });
}

export async function getVillage(pool: Pool, code: string): Promise<ProgramVillage> {
  const village = await repo.findProgramVillage(pool, code);
  if (!village) throw notFound('Desa Desmigratif');
  return village;
}

/**
 * Villages formed per cohort year against the programme's national targets. Targets are
 * national figures, so a regional view shows its own counts without them.
 */
export async function programSummary(pool: Pool, scope: string) {
  const [summary, targets] = await Promise.all([repo.summarize(pool, scope), repo.listTargets(pool)]);
  const national = scope === '';
  const years = new Set<number>([...summary.perYear.map((r) => r.year), ...(national ? targets.map((t) => t.year) : [])]);
  let cumulativeEnrolled = 0;
  let cumulativeTarget = 0;
  const rows = [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const enrolled = summary.perYear.find((r) => r.year === year)?.enrolled ?? 0;
      const target = national ? (targets.find((t) => t.year === year)?.target ?? null) : null;
      cumulativeEnrolled += enrolled;
      cumulativeTarget += target ?? 0;
      return { year, target, enrolled, cumulativeEnrolled, cumulativeTarget: national ? cumulativeTarget : null };
    });
  return {
    scopeCode: scope,
    rows,
    byStatus: Object.fromEntries(summary.perStatus.map((r) => [r.status, r.n])),
    byProvince: summary.perProvince,
    totalVillages: summary.perStatus.reduce((n, r) => n + r.n, 0),
  };
}

export async function setTarget(pool: Pool, request: FastifyRequest, actor: SessionUser, year: number, target: number) {
  // Targets are national figures: a provincial or regency admin does not set them.
  if (actor.scopeCode !== '') throw new AppError(403, 'FORBIDDEN', 'Target nasional hanya dapat diubah oleh akun tingkat nasional.');
  await withTransaction(pool, async (tx) => {
    const before = await repo.upsertTarget(tx, year, target, actor.id);
    await recordAudit(tx, request, {
      action: before === null ? 'create' : 'update',
      entityType: 'program_target',
      entityId: String(year),
      regionCode: '',
      before: before === null ? undefined : { year, target: before },
      after: { year, target },
    });
  });
  return { year, target };
}

export async function listVillages(pool: Pool, scope: string, filter: Omit<repo.ProgramVillageFilter, 'scope'>) {
  return repo.listProgramVillages(pool, { scope, ...filter });
}

export async function listTargets(pool: Pool) {
  return repo.listTargets(pool);
}
