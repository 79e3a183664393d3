import type { Officer, ProgramVillage, ProgramVillageStatus } from '@desmigratif/contracts';
import type { Queryable } from '@desmigratif/db';

type ProgramVillageRow = {
  village_code: string;
  village_name: string;
  district_name: string;
  regency_name: string;
  province_name: string;
  cohort_year: number;
  status: ProgramVillageStatus;
  officers: Officer[];
  head_name: string | null;
  head_phone: string | null;
  notes: string | null;
  centre_address: string | null;
  centre_hours: string | null;
  centre_phone: string | null;
  enrolled_at: Date;
  updated_at: Date;
  version: string;
};

const columns = `pv.village_code, v.name AS village_name, d.name AS district_name, k.name AS regency_name,
  p.name AS province_name, pv.cohort_year, pv.status, pv.officers, pv.head_name, pv.head_phone, pv.notes,
  pv.centre_address, pv.centre_hours, pv.centre_phone, pv.enrolled_at, pv.updated_at, pv.version::text AS version`;

const joins = `JOIN regions v ON v.code = pv.village_code
  JOIN regions d ON d.code = left(pv.village_code, 6)
  JOIN regions k ON k.code = left(pv.village_code, 4)
  JOIN regions p ON p.code = left(pv.village_code, 2)`;

export const toProgramVillage = (r: ProgramVillageRow): ProgramVillage => ({
  villageCode: r.village_code,
  villageName: r.village_name,
  districtName: r.district_name,
  regencyName: r.regency_name,
  provinceName: r.province_name,
  cohortYear: r.cohort_year,
  status: r.status,
  officers: r.officers,
  headName: r.head_name,
  headPhone: r.head_phone,
  notes: r.notes,
  centreAddress: r.centre_address,
  centreHours: r.centre_hours,
  centrePhone: r.centre_phone,
  enrolledAt: r.enrolled_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  version: r.version,
});

export async function findProgramVillage(db: Queryable, code: string, forUpdate = false): Promise<ProgramVillage | undefined> {
  const { rows } = await db.query<ProgramVillageRow>(
    `SELECT ${columns} FROM program_villages pv ${joins} WHERE pv.village_code = $1 AND pv.deleted_at IS NULL
     ${forUpdate ? 'FOR UPDATE OF pv' : ''}`,
    [code],
  );
  return rows[0] && toProgramVillage(rows[0]);
}

export type ProgramVillageFilter = {
  scope: string;
  cohortYear?: number;
  status?: ProgramVillageStatus;
  q?: string;
  page: number;
  pageSize: number;
};

export async function listProgramVillages(db: Queryable, f: ProgramVillageFilter): Promise<{ items: ProgramVillage[]; total: number }> {
  const where = [`pv.deleted_at IS NULL`, `pv.village_code LIKE $1 || '%'`];
  const params: unknown[] = [f.scope];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (f.cohortYear) add('pv.cohort_year = ?', f.cohortYear);
  if (f.status) add('pv.status = ?', f.status);
  if (f.q) add(`(lower(v.name) LIKE ? OR lower(k.name) LIKE ? OR lower(d.name) LIKE ?)`, `%${f.q.toLowerCase()}%`);
  const whereSql = where.join(' AND ');
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM program_villages pv ${joins} WHERE ${whereSql}`, params);
  const { rows } = await db.query<ProgramVillageRow>(
    `SELECT ${columns} FROM program_villages pv ${joins} WHERE ${whereSql}
      ORDER BY pv.cohort_year, pv.village_code LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`,
    params,
  );
  return { items: rows.map(toProgramVillage), total: total.rows[0]?.n ?? 0 };
}

export type ProgramVillageValues = {
  cohortYear: number;
  status: ProgramVillageStatus;
  officers: Officer[];
  headName: string | null;
  headPhone: string | null;
  notes: string | null;
};

export async function insertProgramVillage(db: Queryable, code: string, v: ProgramVillageValues, by: string): Promise<void> {
  await db.query(
    `INSERT INTO program_villages (village_code, cohort_year, status, officers, head_name, head_phone, notes, enrolled_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [code, v.cohortYear, v.status, JSON.stringify(v.officers), v.headName, v.headPhone, v.notes, by],
  );
}

export async function updateProgramVillage(db: Queryable, code: string, v: ProgramVillageValues): Promise<void> {
  await db.query(
    `UPDATE program_villages SET cohort_year = $2, status = $3, officers = $4, head_name = $5, head_phone = $6, notes = $7
      WHERE village_code = $1`,
    [code, v.cohortYear, v.status, JSON.stringify(v.officers), v.headName, v.headPhone, v.notes],
  );
}

export async function listTargets(db: Queryable): Promise<Array<{ year: number; target: number }>> {
  const { rows } = await db.query<{ year: number; target: number }>(`SELECT year, target FROM program_targets ORDER BY year`);
  return rows;
}

export async function upsertTarget(db: Queryable, year: number, target: number, by: string): Promise<number | null> {
  const before = await db.query<{ target: number }>(`SELECT target FROM program_targets WHERE year = $1 FOR UPDATE`, [year]);
  await db.query(
    `INSERT INTO program_targets (year, target, updated_by) VALUES ($1, $2, $3)
     ON CONFLICT (year) DO UPDATE SET target = EXCLUDED.target, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [year, target, by],
  );
  return before.rows[0]?.target ?? null;
}

/** Villages formed per cohort year and per status, inside a scope ('diusulkan' is not yet formed). */
export async function summarize(db: Queryable, scope: string) {
  const perYear = await db.query<{ year: number; enrolled: number }>(
    `SELECT cohort_year AS year, count(*)::int AS enrolled FROM program_villages
      WHERE deleted_at IS NULL AND status <> 'diusulkan' AND village_code LIKE $1 || '%'
      GROUP BY cohort_year ORDER BY cohort_year`,
    [scope],
  );
  const perStatus = await db.query<{ status: string; n: number }>(
    `SELECT status, count(*)::int AS n FROM program_villages
      WHERE deleted_at IS NULL AND village_code LIKE $1 || '%' GROUP BY status`,
    [scope],
  );
  const perProvince = await db.query<{ code: string; name: string; villages: number }>(
    `SELECT p.code, p.name, count(*)::int AS villages FROM program_villages pv
       JOIN regions p ON p.code = left(pv.village_code, 2)
      WHERE pv.deleted_at IS NULL AND pv.status <> 'diusulkan' AND pv.village_code LIKE $1 || '%'
      GROUP BY p.code, p.name ORDER BY villages DESC, p.code`,
    [scope],
  );
  return { perYear: perYear.rows, perStatus: perStatus.rows, perProvince: perProvince.rows };
}
