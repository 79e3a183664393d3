import { type CaseStatus, destinationCountryName, type HomeCase, type HomeContract } from '@desmigratif/contracts';
import { caseDeadline, contractEndsSoon, isCaseOverdue, scopeRange } from '@desmigratif/domain';
import type { Queryable } from '@desmigratif/db';

export type FollowUpRow = {
  id: string;
  person_id: string | null;
  name: string;
  service_type: string;
  service_date: string;
  follow_up_date: string;
  notes: string | null;
};

/** Visits whose follow-up is due by `today` and not yet done, oldest first. */
export async function dueFollowUps(db: Queryable, villageCode: string, today: string, limit: number): Promise<FollowUpRow[]> {
  const { rows } = await db.query<FollowUpRow>(
    `SELECT s.id, s.person_id, coalesce(p.name, s.visitor_name, '') AS name, s.service_type,
            to_char(s.service_date, 'YYYY-MM-DD') AS service_date, to_char(s.follow_up_date, 'YYYY-MM-DD') AS follow_up_date, s.notes
       FROM migration_services s LEFT JOIN people p ON p.id = s.person_id
      WHERE s.village_code = $1 AND s.follow_up_date IS NOT NULL AND s.follow_up_done_at IS NULL AND s.follow_up_date <= $2
      ORDER BY s.follow_up_date, s.created_at
      LIMIT $3`,
    [villageCode, today, limit],
  );
  return rows;
}

/** Visits per village since `since` (the month so far). */
export async function countServicesSince(db: Queryable, villageCodes: readonly string[], since: string): Promise<Map<string, number>> {
  if (!villageCodes.length) return new Map();
  const { rows } = await db.query<{ village_code: string; n: number }>(
    `SELECT village_code, count(*)::int AS n FROM migration_services
      WHERE village_code = ANY($1::text[]) AND service_date >= $2 GROUP BY village_code`,
    [villageCodes, since],
  );
  return new Map(rows.map((r) => [r.village_code, r.n]));
}

/** Days before a contract's end that the officer starts preparing the family and the return. */
export const contractWarningDays = 60;

/**
 * People abroad whose contract ends within the warning window, or has ended with no return
 * recorded yet (the officer should ask the family), nearest end first.
 */
export async function contractsEnding(db: Queryable, villageCode: string, today: string, limit: number): Promise<HomeContract[]> {
  const { rows } = await db.query<{ id: string; village_code: string; person_id: string; person_name: string; destination_country: string; contract_end: string }>(
    `SELECT m.id, m.village_code, m.person_id, p.name AS person_name, m.destination_country, to_char(m.contract_end, 'YYYY-MM-DD') AS contract_end
       FROM migration_placements m JOIN people p ON p.id = m.person_id
      WHERE m.village_code = $1 AND m.deleted_at IS NULL AND m.return_date IS NULL AND m.contract_end IS NOT NULL
        AND m.contract_end <= ($2::date + $3::int)
      ORDER BY m.contract_end`,
    [villageCode, today, contractWarningDays],
  );
  return rows
    .filter((r) => contractEndsSoon(r.contract_end, today, contractWarningDays) || r.contract_end < today)
    .slice(0, limit)
    .map((r) => ({
      placementId: r.id,
      villageCode: r.village_code,
      personId: r.person_id,
      personName: r.person_name,
      destinationName: destinationCountryName(r.destination_country),
      contractEnd: r.contract_end,
    }));
}

/** Open cases of one village or of every village under a region prefix, overdue and oldest first. */
export async function openCases(db: Queryable, where: { villageCode: string } | { prefix: string }, limit: number): Promise<HomeCase[]> {
  let condition = 'c.village_code = $1';
  let params: string[];
  if ('prefix' in where) {
    const { lower, upper } = scopeRange(where.prefix);
    condition = 'c.village_code >= $1 AND c.village_code < $2';
    params = [lower, upper];
  } else {
    params = [where.villageCode];
  }
    const { rows } = await db.query<{ id: string; village_code: string; person_name: string; case_type: string; status: CaseStatus; status_since: Date }>(
    `SELECT c.id, c.village_code, p.name AS person_name, c.case_type, c.status, c.status_since
       FROM migration_cases c JOIN people p ON p.id = c.migrant_person_id
      WHERE c.deleted_at IS NULL AND c.status <> 'selesai'
        AND ${condition}
      ORDER BY c.status_since`,
    params,
  );
  const now = new Date();
  return rows
    .map((r) => ({
      caseId: r.id,
      villageCode: r.village_code,
      personName: r.person_name,
      caseType: r.case_type,
      status: r.status,
      dueAt: caseDeadline(r.status, r.status_since)?.toISOString() ?? null,
      overdue: isCaseOverdue(r.status, r.status_since, now),
    }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue))
    .slice(0, limit);
}

export async function openCaseCounts(db: Queryable, prefix: string): Promise<Map<string, number>> {
  const { lower, upper } = scopeRange(prefix);
  const { rows } = await db.query<{ village_code: string; n: number }>(
    `SELECT village_code, count(*)::int AS n FROM migration_cases
      WHERE deleted_at IS NULL AND status <> 'selesai' AND village_code >= $1 AND village_code < $2 GROUP BY village_code`,
    [lower, upper],
  );
  return new Map(rows.map((r) => [r.village_code, r.n]));
}

/** Enrolled Desmigratif villages under a region prefix, by name. */
export async function programVillagesIn(db: Queryable, prefix: string): Promise<Array<{ village_code: string; village_name: string }>> {
  const { lower, upper } = scopeRange(prefix);
  const { rows } = await db.query<{ village_code: string; village_name: string }>(
    `SELECT pv.village_code, r.name AS village_name FROM program_villages pv JOIN regions r ON r.code = pv.village_code
      WHERE pv.village_code >= $1 AND pv.village_code < $2 ORDER BY r.name`,
    [lower, upper],
  );
  return rows;
}

export async function findServiceForFollowUp(db: Queryable, id: string) {
  const { rows } = await db.query<{ village_code: string; follow_up_date: string | null; follow_up_done_at: Date | null }>(
    `SELECT village_code, to_char(follow_up_date, 'YYYY-MM-DD') AS follow_up_date, follow_up_done_at FROM migration_services WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return rows[0];
}

export async function markFollowUpDone(db: Queryable, id: string, userId: string): Promise<void> {
  await db.query(`UPDATE migration_services SET follow_up_done_at = now(), follow_up_done_by = $2 WHERE id = $1`, [id, userId]);
}
