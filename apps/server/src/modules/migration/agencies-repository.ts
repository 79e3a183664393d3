import type { Queryable } from '@desmigratif/db';

export type AgencyRow = {
  id: string;
  name: string;
  licence_number: string;
  licence_valid_until: string | null;
  address: string | null;
  branches: Array<{ name: string; address?: string | null }>;
  version: string;
};

const agencyColumns = `id, name, licence_number, to_char(licence_valid_until, 'YYYY-MM-DD') AS licence_valid_until,
  address, branches, version::text AS version`;

export async function findAgency(db: Queryable, id: string, forUpdate = false): Promise<AgencyRow | undefined> {
  const { rows } = await db.query<AgencyRow>(`SELECT ${agencyColumns} FROM placement_agencies WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [id]);
  return rows[0];
}

export async function findAgencyByLicence(db: Queryable, licenceNumber: string): Promise<AgencyRow | undefined> {
  const { rows } = await db.query<AgencyRow>(`SELECT ${agencyColumns} FROM placement_agencies WHERE upper(licence_number) = upper($1)`, [licenceNumber]);
  return rows[0];
}

/** Agencies with this name, ignoring case and surrounding spaces; the latest licence first. */
export async function findAgenciesByName(db: Queryable, name: string): Promise<AgencyRow[]> {
  const { rows } = await db.query<AgencyRow>(
    `SELECT ${agencyColumns} FROM placement_agencies WHERE lower(name) = lower(btrim($1))
      ORDER BY licence_valid_until DESC NULLS FIRST`,
    [name],
  );
  return rows;
}

export async function insertAgency(
  db: Queryable,
  a: { id: string; name: string; licenceNumber: string; licenceValidUntil: string | null; address: string | null; branches: unknown[]; createdBy: string },
): Promise<void> {
  await db.query(
    `INSERT INTO placement_agencies (id, name, licence_number, licence_valid_until, address, branches, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [a.id, a.name, a.licenceNumber, a.licenceValidUntil, a.address, JSON.stringify(a.branches), a.createdBy],
  );
}

export async function updateAgency(
  db: Queryable,
  id: string,
  a: { name: string; licenceNumber: string; licenceValidUntil: string | null; address: string | null; branches: unknown[] },
): Promise<void> {
  await db.query(
    `UPDATE placement_agencies SET name = $2, licence_number = $3, licence_valid_until = $4, address = $5, branches = $6 WHERE id = $1`,
    [id, a.name, a.licenceNumber, a.licenceValidUntil, a.address, JSON.stringify(a.branches)],
  );
}

export async function listAgencies(db: Queryable, filter: { q?: string; page: number; pageSize: number }) {
  const params: unknown[] = [];
  let where = 'TRUE';
  if (filter.q) {
    params.push(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where = `(name ILIKE $1 OR licence_number ILIKE $1)`;
  }
  const count = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM placement_agencies WHERE ${where}`, params);
  params.push(filter.pageSize, (filter.page - 1) * filter.pageSize);
  const { rows } = await db.query<AgencyRow>(
    `SELECT ${agencyColumns} FROM placement_agencies WHERE ${where} ORDER BY lower(name), id LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return { rows, total: count.rows[0]!.n };
}
