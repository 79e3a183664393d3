import type { HomePlan, RegencyHome, SessionUser, VillageHome, VillageHomeFollowUp } from '@desmigratif/contracts';
import { todayInJakarta } from '@desmigratif/domain';
import { type Pool, withTransaction } from '@desmigratif/db';
import type { FastifyRequest } from 'fastify';
import { assertInScope, requestScope } from '../../platform/access-control.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, notFound, validationFailed } from '../../platform/errors.js';
import * as repo from './home-repository.js';
import { listPlans } from './plans-service.js';

/** How many rows each home list shows; the full lists are one tap away. */
const listLimit = 20;

type PlanItem = Awaited<ReturnType<typeof listPlans>>['items'][number];

function homePlan(villageCode: string, item: PlanItem): HomePlan {
  return {
    planId: item.id,
    villageCode,
    personId: item.personId,
    personName: item.personName,
    destinationName: item.destinationName,
    occupation: item.occupation,
    expectedDepartureDate: item.expectedDepartureDate,
    missingCount: item.missingCount,
    blockerCount: item.blockerCount,
    redFlagCount: item.redFlagCount,
    highRedFlagCount: item.highRedFlagCount,
  };
}

/** Serious flags first, then the number of flags, then the nearest departure. */
function bySeverity(a: HomePlan, b: HomePlan): number {
  return (
    b.highRedFlagCount - a.highRedFlagCount ||
    b.redFlagCount - a.redFlagCount ||
    (a.expectedDepartureDate ?? '9999').localeCompare(b.expectedDepartureDate ?? '9999')
  );
}

/** Nearest departure first: those are the documents to chase today. */
function byDeparture(a: HomePlan, b: HomePlan): number {
  return (a.expectedDepartureDate ?? '9999').localeCompare(b.expectedDepartureDate ?? '9999') || b.missingCount - a.missingCount;
}

function monthStart(today: string): string {
  return `${today.slice(0, 7)}-01`;
}

/** The officer's day: follow-ups due, plans to chase, red flags, contracts ending, open cases. */
export async function villageHome(pool: Pool, villageCode: string): Promise<VillageHome> {
  const today = todayInJakarta();
  const [followUps, servicesThisMonth, plans, contractsEnding, openCases] = await Promise.all([
    repo.dueFollowUps(pool, villageCode, today, 50),
    repo.countServicesSince(pool, [villageCode], monthStart(today)),
    listPlans(pool, villageCode, { status: 'aktif' }),
    repo.contractsEnding(pool, villageCode, today, listLimit),
    repo.openCases(pool, { villageCode }, listLimit),
  ]);
  const all = plans.items.map((i) => homePlan(villageCode, i));
  return {
    villageCode,
    today,
    followUps: followUps.map(
      (r): VillageHomeFollowUp => ({
        serviceId: r.id,
        personId: r.person_id,
        name: r.name,
        serviceType: r.service_type as VillageHomeFollowUp['serviceType'],
        serviceDate: r.service_date,
        followUpDate: r.follow_up_date,
        overdue: r.follow_up_date < today,
        notes: r.notes,
      }),
    ),
    servicesThisMonth: servicesThisMonth.get(villageCode) ?? 0,
    activePlans: all.length,
    readyPlans: plans.items.filter((i) => i.ready).length,
    plansMissingDocuments: plans.items.filter((i) => !i.ready).map((i) => homePlan(villageCode, i)).sort(byDeparture).slice(0, listLimit),
    flaggedPlans: all.filter((p) => p.redFlagCount > 0).sort(bySeverity).slice(0, listLimit),
    contractsEnding,
    openCases,
  };
}

/**
 * The coordinator's regency: red flags escalated from every enrolled village, cases referred
 * to the regency, cases past their deadline, and one line per village. Scope: the caller's
 * region narrowed by `within`; the national scope is too wide for one screen, so a ministry
 * or admin account names a regency (or a village) first.
 */
export async function regencyHome(pool: Pool, request: FastifyRequest, within: string | undefined): Promise<RegencyHome> {
  const scopeCode = requestScope(request, within);
  if (scopeCode.length < 4) {
    throw validationFailed([{ path: 'within', message: 'Pilih satu kabupaten/kota (4 digit kode wilayah) untuk ringkasan ini' }]);
  }
  const today = todayInJakarta();
  const villages = await repo.programVillagesIn(pool, scopeCode);
  const names = new Map(villages.map((v) => [v.village_code, v.village_name]));
  const codes = villages.map((v) => v.village_code);
  const [services, cases, openCounts] = await Promise.all([
    repo.countServicesSince(pool, codes, monthStart(today)),
    repo.openCases(pool, { prefix: scopeCode }, 500),
    repo.openCaseCounts(pool, scopeCode),
  ]);
  const flaggedPlans: RegencyHome['flaggedPlans'] = [];
  const lines: RegencyHome['villages'] = [];
  // One village at a time: a regency has tens of Desmigratif villages, each with tens of active plans.
  for (const village of villages) {
    const { items } = await listPlans(pool, village.village_code, { status: 'aktif' });
    const flagged = items.filter((i) => i.redFlagCount > 0).map((i) => ({ ...homePlan(village.village_code, i), villageName: village.village_name }));
    flaggedPlans.push(...flagged);
    lines.push({
      villageCode: village.village_code,
      villageName: village.village_name,
      activePlans: items.length,
      flaggedPlans: flagged.length,
      openCases: openCounts.get(village.village_code) ?? 0,
      servicesThisMonth: services.get(village.village_code) ?? 0,
    });
  }
  const withName = <T extends { villageCode: string }>(row: T) => ({ ...row, villageName: names.get(row.villageCode) ?? row.villageCode });
  return {
    scopeCode,
    today,
    flaggedPlans: flaggedPlans.sort(bySeverity).slice(0, 100),
    referredCases: cases.filter((c) => c.status === 'dirujuk_kabupaten').map(withName),
    overdueCases: cases.filter((c) => c.overdue).map(withName),
    villages: lines,
  };
}

/** Marks a visit's follow-up as done: it leaves the officer's home, the visit itself stays as it was. */
export async function markFollowUpDone(pool: Pool, request: FastifyRequest, actor: SessionUser, serviceId: string): Promise<{ ok: true }> {
  await withTransaction(pool, async (tx) => {
    const row = await repo.findServiceForFollowUp(tx, serviceId);
    if (!row) throw notFound('Layanan');
    assertInScope(request, row.village_code);
    if (!row.follow_up_date) throw new AppError(409, 'NO_FOLLOW_UP', 'Layanan ini tidak punya tanggal tindak lanjut.');
    if (row.follow_up_done_at) return;
    await repo.markFollowUpDone(tx, serviceId, actor.id);
    await recordAudit(tx, request, {
      action: 'follow_up_done',
      entityType: 'migration_service',
      entityId: serviceId,
      regionCode: row.village_code,
      before: { followUpDone: false },
      after: { followUpDone: true },
    });
  });
  return { ok: true };
}
