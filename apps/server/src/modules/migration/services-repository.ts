import type { Queryable } from '@desmigratif/db';

export type ServiceRow = {
  id: string;
  village_code: string;
  person_id: string | null;
  visitor_name: string | null;
  person_name: string | null;
  service_type: string;
  service_date: string;
  officer_id: string;
  officer_name: string;
  notes: string | null;
  follow_up_date: string | null;
  created_at: Date;
  version: string;
};

const serviceColumns = `s.id, s.village_code, s.person_id, s.visitor_name, p.name AS person_name, s.service_type,
  to_char(s.service_date, 'YYYY-MM-DD') AS service_date, s.officer_id, u.full_name AS officer_name, s.notes,
  to_char(s.follow_up_date, 'YYYY-MM-DD') AS follow_up_date, s.created_at, s.version::text AS version`;
const serviceFrom = `migration_services s JOIN users u ON u.id = s.officer_id LEFT JOIN people p ON p.id = s.person_id`;

export async function findService(db: Queryable, id: string): Promise<ServiceRow | undefined> {
  const { rows } = await db.query<ServiceRow>(`SELECT ${serviceColumns} FROM ${serviceFrom} WHERE s.id = $1`, [id]);
  return rows[0];
}

export async function insertService(
  db: Queryable,
  s: { id: string; villageCode: string; personId: string | null; visitorName: string | null; serviceType: string; serviceDate: string; officerId: string; notes: string | null; followUpDate: string | null },
): Promise<boolean> {
  const result = await db.query(
    `INSERT INTO migration_services (id, village_code, person_id, visitor_name, service_type, service_date, officer_id, notes, follow_up_date)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`,
    [s.id, s.villageCode, s.personId, s.visitorName, s.serviceType, s.serviceDate, s.officerId, s.notes, s.followUpDate],
  );
  return (result.rowCount ?? 0) > 0;
}

type ServiceFilter = { month?: string; serviceType?: string };

function serviceWhere(villageCode: string, filter: ServiceFilter) {
  const where = ['s.village_code = $1', 's.deleted_at IS NULL'];
  const params: unknown[] = [villageCode];
  if (filter.month) {
    params.push(`${filter.month}-01`);
    where.push(`s.service_date >= $${params.length}::date AND s.service_date < ($${params.length}::date + interval '1 month')`);
  }
  if (filter.serviceType) {
    params.push(filter.serviceType);
    where.push(`s.service_type = $${params.length}`);
  }
  return { where: where.join(' AND '), params };
}

const serviceOrder = 'ORDER BY s.service_date DESC, s.created_at DESC, s.id DESC';

export async function listServices(
  db: Queryable,
  villageCode: string,
  filter: ServiceFilter & { page: number; pageSize: number },
): Promise<{ rows: ServiceRow[]; total: number }> {
  const { where, params } = serviceWhere(villageCode, filter);
  const count = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM migration_services s WHERE ${where}`, params);
  params.push(filter.pageSize, (filter.page - 1) * filter.pageSize);
  const { rows } = await db.query<ServiceRow>(
    `SELECT ${serviceColumns} FROM ${serviceFrom} WHERE ${where} ${serviceOrder} LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return { rows, total: count.rows[0]!.n };
}

/** Every matching visit, for the export (a village records at most a few thousand a year). */
export async function listAllServices(db: Queryable, villageCode: string, filter: ServiceFilter): Promise<ServiceRow[]> {
  const { where, params } = serviceWhere(villageCode, filter);
  const { rows } = await db.query<ServiceRow>(`SELECT ${serviceColumns} FROM ${serviceFrom} WHERE ${where} ${serviceOrder}`, params);
  return rows;
}

export async function countServicesByMonth(db: Queryable, villageCode: string, year: number) {
  const { rows } = await db.query<{ month: number; service_type: string; n: number }>(
    `SELECT extract(month FROM service_date)::int AS month, service_type, count(*)::int AS n
       FROM migration_services
      WHERE village_code = $1 AND deleted_at IS NULL
        AND service_date >= make_date($2, 1, 1) AND service_date < make_date($2 + 1, 1, 1)
      GROUP BY 1, 2`,
    [villageCode, year],
  );
  return rows;
}
