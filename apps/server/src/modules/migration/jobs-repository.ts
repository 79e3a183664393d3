import type { Queryable } from '@desmigratif/db';

export type JobOrderRow = {
  id: string;
  country: string;
  occupation: string;
  sector: 'formal' | 'domestik' | 'pelaut';
  scheme: 'p_to_p' | 'g_to_g' | 'g_to_p' | 'ukps' | 'mandiri';
  agency_id: string | null;
  agency_name: string | null;
  agency_licence_number: string | null;
  agency_licence_valid_until: string | null;
  quota: number | null;
  salary_amount: string | null;
  salary_currency: string | null;
  closing_date: string | null;
  reference_number: string | null;
  description: string | null;
  requirements: string | null;
  verified_by: string | null;
  verified_at: Date | null;
  created_at: Date;
  version: string;
};

export type JobOrderValues = {
  country: string;
  occupation: string;
  sector: string;
  scheme: string;
  agencyId: string | null;
  quota: number | null;
  salaryAmount: number | null;
  salaryCurrency: string | null;
  closingDate: string | null;
  referenceNumber: string | null;
  description: string | null;
  requirements: string | null;
};

const columns = `j.id, j.country, j.occupation, j.sector, j.scheme, j.agency_id, a.name AS agency_name,
  a.licence_number AS agency_licence_number, to_char(a.licence_valid_until, 'YYYY-MM-DD') AS agency_licence_valid_until,
  j.quota, j.salary_amount::text AS salary_amount, j.salary_currency, to_char(j.closing_date, 'YYYY-MM-DD') AS closing_date,
  j.reference_number, j.description, j.requirements, j.verified_by, j.verified_at, j.created_at, j.version::text AS version`;
const from = `job_orders j LEFT JOIN placement_agencies a ON a.id = j.agency_id`;

export async function findJobOrder(db: Queryable, id: string, forUpdate = false): Promise<JobOrderRow | undefined> {
  const { rows } = await db.query<JobOrderRow>(`SELECT ${columns} FROM ${from} WHERE j.id = $1 ${forUpdate ? 'FOR UPDATE OF j' : ''}`, [id]);
  return rows[0];
}

export async function agencyExists(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query(`SELECT 1 FROM placement_agencies WHERE id = $1`, [id]);
  return Boolean(rowCount);
}

const valueList = (v: JobOrderValues) => [
  v.country,
  v.occupation,
  v.sector,
  v.scheme,
  v.agencyId,
  v.quota,
  v.salaryAmount,
  v.salaryCurrency,
  v.closingDate,
  v.referenceNumber,
  v.description,
  v.requirements,
];

export async function insertJobOrder(db: Queryable, id: string, v: JobOrderValues, createdBy: string): Promise<void> {
  await db.query(
    `INSERT INTO job_orders (id, country, occupation, sector, scheme, agency_id, quota, salary_amount, salary_currency,
       closing_date, reference_number, description, requirements, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [id, ...valueList(v), createdBy],
  );
}

/** Any change to a job order takes its verification away: the new text has not been checked. */
export async function updateJobOrder(db: Queryable, id: string, v: JobOrderValues): Promise<void> {
  await db.query(
    `UPDATE job_orders SET country = $2, occupation = $3, sector = $4, scheme = $5, agency_id = $6, quota = $7,
       salary_amount = $8, salary_currency = $9, closing_date = $10, reference_number = $11, description = $12,
       requirements = $13, verified_by = NULL, verified_at = NULL, updated_at = now()
      WHERE id = $1`,
    [id, ...valueList(v)],
  );
}

export async function markVerified(db: Queryable, id: string, by: string): Promise<void> {
  await db.query(`UPDATE job_orders SET verified_by = $2, verified_at = now(), updated_at = now() WHERE id = $1`, [id, by]);
}

export type JobOrderFilter = {
  country?: string;
  sector?: string;
  /** Only job orders still open on this date (YYYY-MM-DD). */
  openOn?: string;
  verified?: boolean;
  q?: string;
};

function whereOf(f: JobOrderFilter): { sql: string; params: unknown[] } {
  const where = ['TRUE'];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (f.country) add('j.country = ?', f.country);
  if (f.sector) add('j.sector = ?', f.sector);
  if (f.openOn) add('(j.closing_date IS NULL OR j.closing_date >= ?::date)', f.openOn);
  if (f.verified === true) where.push('j.verified_at IS NOT NULL');
  if (f.verified === false) where.push('j.verified_at IS NULL');
  if (f.q) {
    add(
      `(j.occupation ILIKE ? OR j.reference_number ILIKE ? OR a.name ILIKE ? OR a.licence_number ILIKE ?)`,
      `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    );
  }
  return { sql: where.join(' AND '), params };
}

/** Soonest closing first (no closing date last), then the newest. */
const order = `ORDER BY j.closing_date ASC NULLS LAST, j.created_at DESC, j.id`;

export async function listJobOrders(db: Queryable, f: JobOrderFilter & { page: number; pageSize: number }) {
  const { sql, params } = whereOf(f);
  const count = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${from} WHERE ${sql}`, params);
  const { rows } = await db.query<JobOrderRow>(
    `SELECT ${columns} FROM ${from} WHERE ${sql} ${order} LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`,
    params,
  );
  return { rows, total: count.rows[0]!.n };
}

/** Every matching job order, for the xlsx export (job orders number in the hundreds, not millions). */
export async function allJobOrders(db: Queryable, f: JobOrderFilter): Promise<JobOrderRow[]> {
  const { sql, params } = whereOf(f);
  const { rows } = await db.query<JobOrderRow>(`SELECT ${columns} FROM ${from} WHERE ${sql} ${order} LIMIT 10000`, params);
  return rows;
}
