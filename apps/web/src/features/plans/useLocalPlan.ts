import type { MigrationPlanDetail } from '@desmigratif/contracts';
import { todayInJakarta } from '@desmigratif/domain';
import { offlineDb } from '../../offline/db';
import { localPlanDetail } from '../../offline/localPlan';
import { useLiveQuery } from '../../offline/useLiveQuery';

/**
 * A plan as the phone holds it (pulled, or made offline), with its checklist, readiness and red
 * flags computed here; live, so a document ticked offline shows at once. undefined while the
 * phone is read (or when not wanted), null when the phone does not have the plan.
 */
export function useLocalPlan(planId: string, wanted: boolean): MigrationPlanDetail | null | undefined {
  return useLiveQuery(async () => {
    if (!wanted) return undefined;
    const db = offlineDb();
    const plan = await db.migration_plans.get(planId);
    if (!plan || plan.deleted_at) return null;
    const [person, documents] = await Promise.all([
      db.people.get(String(plan.person_id)),
      db.migration_documents.where('village_code').equals(plan.village_code).filter((row) => row.plan_id === planId).toArray(),
    ]);
    return localPlanDetail(plan, person, documents, todayInJakarta());
  }, [planId, wanted]);
}
