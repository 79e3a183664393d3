import type { AgencyCheckResponse, PublicJobOrder, UpdateCentreRequest, VillageCentre } from '@desmigratif/contracts';
import { todayInJakarta } from '@desmigratif/domain';
import { type Pool, type Queryable, withTransaction } from '@desmigratif/db';
import type { FastifyRequest } from 'fastify';
import { recordAudit } from '../../platform/audit.js';
import { notFound, versionConflict } from '../../platform/errors.js';
import { licenceStatusOf, lookupAgencyLicence } from './agencies-service.js';
import * as jobs from './jobs-repository.js';
import { toJobOrder } from './jobs-service.js';

/**
 * What the public page (no login) may show: verified open job orders, the licence of an
 * agency, a village centre's address and hours. Every shape here is built field by field
 * from national or village-level data, never from a person's record, so that nothing
 * personal can slip out when a table gains a column.
 */

export async function listPublicJobOrders(pool: Pool, query: { country?: string; sector?: string; page: number; pageSize: number }) {
  const today = todayInJakarta();
  const { rows, total } = await jobs.listJobOrders(pool, { ...query, verified: true, openOn: today });
  const items: PublicJobOrder[] = rows.map((row) => {
    const j = toJobOrder(row, today);
    return {
      id: j.id,
      country: j.country,
      countryName: j.countryName,
      occupation: j.occupation,
      sector: j.sector,
      scheme: j.scheme,
      agencyName: j.agency?.name ?? null,
      agencyLicenceNumber: j.agency?.licenceNumber ?? null,
      agencyLicenceStatus: j.agency?.licenceStatus ?? null,
      quota: j.quota,
      salaryAmount: j.salaryAmount,
      salaryCurrency: j.salaryCurrency,
      closingDate: j.closingDate,
      referenceNumber: j.referenceNumber,
      description: j.description,
      requirements: j.requirements,
    };
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

const maxMatches = 20;

/** "Cek agensi": the answer for exactly what was typed (as a licence number, else as a name), and the agencies like it. */
export async function checkAgency(pool: Pool, q: string): Promise<AgencyCheckResponse> {
  const today = todayInJakarta();
  const status = await lookupAgencyLicence(pool, { licenceNumber: q, name: q }, today);
  const { rows } = await pool.query<{ name: string; licence_number: string; licence_valid_until: string | null }>(
    `SELECT name, licence_number, to_char(licence_valid_until, 'YYYY-MM-DD') AS licence_valid_until
       FROM placement_agencies WHERE name ILIKE $1 OR licence_number ILIKE $1
      ORDER BY (upper(licence_number) = upper($2) OR lower(name) = lower($2)) DESC,
               -- Of several agencies by exactly this name, the one licensed longest comes first (it decided the answer).
               CASE WHEN upper(licence_number) = upper($2) OR lower(name) = lower($2)
                    THEN coalesce(licence_valid_until, 'infinity'::date) END DESC NULLS LAST,
               lower(name)
      LIMIT ${maxMatches}`,
    [`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, q],
  );
  return {
    query: q,
    status,
    matches: rows.map((r) => ({
      name: r.name,
      licenceNumber: r.licence_number,
      licenceValidUntil: r.licence_valid_until,
      licenceStatus: licenceStatusOf(r, today),
    })),
  };
}

type CentreRow = {
  village_code: string;
  village_name: string;
  district_name: string;
  regency_name: string;
  province_name: string;
  centre_address: string | null;
  centre_hours: string | null;
  centre_phone: string | null;
  version: string;
};

const centreSelect = `SELECT pv.village_code, v.name AS village_name, d.name AS district_name, k.name AS regency_name,
    p.name AS province_name, pv.centre_address, pv.centre_hours, pv.centre_phone, pv.version::text AS version
  FROM program_villages pv
  JOIN regions v ON v.code = pv.village_code
  JOIN regions d ON d.code = left(pv.village_code, 6)
  JOIN regions k ON k.code = left(pv.village_code, 4)
  JOIN regions p ON p.code = left(pv.village_code, 2)`;

const toCentre = (r: CentreRow): VillageCentre => ({
  villageCode: r.village_code,
  villageName: r.village_name,
  districtName: r.district_name,
  regencyName: r.regency_name,
  provinceName: r.province_name,
  centreAddress: r.centre_address,
  centreHours: r.centre_hours,
  centrePhone: r.centre_phone,
});

/** A village of the programme that is running (not only proposed, not stopped). */
const publicVillage = `pv.deleted_at IS NULL AND pv.status IN ('aktif', 'mandiri')`;

async function findCentre(db: Queryable, villageCode: string, forUpdate = false): Promise<CentreRow | undefined> {
  const { rows } = await db.query<CentreRow>(
    `${centreSelect} WHERE pv.village_code = $1 AND pv.deleted_at IS NULL ${forUpdate ? 'FOR UPDATE OF pv' : ''}`,
    [villageCode],
  );
  return rows[0];
}

export async function getPublicCentre(pool: Pool, villageCode: string): Promise<VillageCentre> {
  const { rows } = await pool.query<CentreRow>(`${centreSelect} WHERE pv.village_code = $1 AND ${publicVillage}`, [villageCode]);
  if (!rows[0]) throw notFound('Desa Migran Produktif');
  return toCentre(rows[0]);
}

/** Running villages by name (village, district or regency), at most 50. */
export async function listPublicCentres(pool: Pool, q?: string): Promise<{ items: VillageCentre[] }> {
  const params: unknown[] = [];
  let where = publicVillage;
  if (q) {
    params.push(`%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where += ` AND (lower(v.name) LIKE $1 OR lower(d.name) LIKE $1 OR lower(k.name) LIKE $1)`;
  }
  const { rows } = await pool.query<CentreRow>(`${centreSelect} WHERE ${where} ORDER BY v.name, pv.village_code LIMIT 50`, params);
  return { items: rows.map(toCentre) };
}

/** The centre's details, kept by the village's own officers and those above them. */
export async function updateCentre(
  pool: Pool,
  request: FastifyRequest,
  villageCode: string,
  input: UpdateCentreRequest,
): Promise<VillageCentre & { version: string }> {
  return withTransaction(pool, async (tx) => {
    const current = await findCentre(tx, villageCode, true);
    if (!current) throw notFound('Desa Desmigratif');
    if (input.version !== undefined && input.version !== current.version) throw versionConflict();
    const before = { centreAddress: current.centre_address, centreHours: current.centre_hours, centrePhone: current.centre_phone };
    const after = {
      centreAddress: input.centreAddress === undefined ? before.centreAddress : input.centreAddress || null,
      centreHours: input.centreHours === undefined ? before.centreHours : input.centreHours || null,
      centrePhone: input.centrePhone === undefined ? before.centrePhone : input.centrePhone || null,
    };
    await tx.query(`UPDATE program_villages SET centre_address = $2, centre_hours = $3, centre_phone = $4 WHERE village_code = $1`, [
      villageCode,
      after.centreAddress,
      after.centreHours,
      after.centrePhone,
    ]);
    await recordAudit(tx, request, { action: 'update', entityType: 'village_centre', entityId: villageCode, regionCode: villageCode, before, after });
    const updated = (await findCentre(tx, villageCode))!;
    return { ...toCentre(updated), version: updated.version };
  });
}
