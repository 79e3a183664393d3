import { BLIND, keyring, type Queryable } from '@desmigratif/db';

export type FamilyRow = {
  id: string;
  village_code: string;
  head_person_id: string | null;
  head_name: string | null;
  address: string | null;
  dusun: string | null;
  rw: string | null;
  rt: string | null;
  no_kk: string | null;
  version: string;
};

const familyColumns = `f.id, f.village_code, f.head_person_id, h.name AS head_name, f.address, f.dusun, f.rw, f.rt,
  f.version::text AS version,
  (SELECT k.no_kk FROM family_card_numbers k WHERE k.family_id = f.id AND k.valid_to IS NULL
    ORDER BY k.valid_from DESC LIMIT 1) AS no_kk`;

/** No. KK is sealed in family_card_numbers; rows are opened here, on the way out of the repository. */
function openFamilyRow<T extends { no_kk: unknown }>(row: T): T {
  return { ...row, no_kk: Buffer.isBuffer(row.no_kk) ? keyring().open(row.no_kk) : row.no_kk };
}

export function noKkLookup(noKk: string): Buffer[] {
  return keyring().blindIndexes(BLIND.noKk, noKk);
}

export async function findFamily(db: Queryable, id: string, forUpdate = false): Promise<FamilyRow | undefined> {
  const { rows } = await db.query<FamilyRow>(
    `SELECT ${familyColumns} FROM families f LEFT JOIN people h ON h.id = f.head_person_id
      WHERE f.id = $1 AND f.deleted_at IS NULL ${forUpdate ? 'FOR UPDATE OF f' : ''}`,
    [id],
  );
  return rows[0] && openFamilyRow(rows[0]);
}

export async function insertFamily(
  db: Queryable,
  f: { id: string; villageCode: string; headPersonId: string | null; address: string | null; dusun: string | null; rw: string | null; rt: string | null; createdBy: string },
): Promise<void> {
  await db.query(
    `INSERT INTO families (id, village_code, head_person_id, address, dusun, rw, rt, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [f.id, f.villageCode, f.headPersonId, f.address, f.dusun, f.rw, f.rt, f.createdBy],
  );
}

export async function updateFamily(
  db: Queryable,
  id: string,
  f: { headPersonId?: string | null; address?: string | null; dusun?: string | null; rw?: string | null; rt?: string | null },
): Promise<void> {
  const columns = { headPersonId: 'head_person_id', address: 'address', dusun: 'dusun', rw: 'rw', rt: 'rt' } as const;
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const [key, column] of Object.entries(columns)) {
    const value = f[key as keyof typeof columns];
    if (value === undefined) continue;
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  }
  // Touch the row even when only the card number changed, so its version moves on.
  await db.query(`UPDATE families SET ${sets.length ? sets.join(', ') : 'id = id'} WHERE id = $1`, params);
}

/** Records a new card number from `validFrom`, closing the current one the day before. */
export async function setCardNumber(
  db: Queryable,
  c: { id: string; familyId: string; villageCode: string; noKk: string; validFrom: string; recordedBy: string },
): Promise<void> {
  await db.query(
    `UPDATE family_card_numbers SET valid_to = GREATEST(valid_from, $2::date - 1)
      WHERE family_id = $1 AND valid_to IS NULL`,
    [c.familyId, c.validFrom],
  );
  await db.query(
    `INSERT INTO family_card_numbers (id, family_id, village_code, no_kk, no_kk_bidx, valid_from, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [c.id, c.familyId, c.villageCode, keyring().seal(c.noKk), keyring().blindIndex(BLIND.noKk, c.noKk), c.validFrom, c.recordedBy],
  );
}

export async function cardHistory(db: Queryable, familyId: string): Promise<Array<{ no_kk: string; valid_from: string; valid_to: string | null }>> {
  const { rows } = await db.query(
    `SELECT no_kk, valid_from, valid_to FROM family_card_numbers WHERE family_id = $1
      ORDER BY (valid_to IS NULL) DESC, valid_from DESC, recorded_at DESC`,
    [familyId],
  );
  return rows.map(openFamilyRow);
}

export async function findFamilyByCurrentCard(db: Queryable, villageCode: string, noKk: string): Promise<string | undefined> {
  const { rows } = await db.query<{ family_id: string }>(
    `SELECT k.family_id FROM family_card_numbers k JOIN families f ON f.id = k.family_id
      WHERE k.village_code = $1 AND k.no_kk_bidx = ANY($2) AND k.valid_to IS NULL AND f.deleted_at IS NULL LIMIT 1`,
    [villageCode, noKkLookup(noKk)],
  );
  return rows[0]?.family_id;
}

export type FamilyListRow = FamilyRow & { member_count: number; migrant_count: number };

export async function listFamilies(
  db: Queryable,
  villageCode: string,
  q: { text?: string; digits?: string; page: number; pageSize: number },
): Promise<{ rows: FamilyListRow[]; total: number }> {
  const filters: string[] = [];
  const params: unknown[] = [villageCode];
  if (q.digits) {
    // No. KK is sealed: only a whole number (16 digits) can be found, through its blind index.
    params.push(q.digits.length === 16 ? noKkLookup(q.digits) : []);
    filters.push(`EXISTS (SELECT 1 FROM family_card_numbers k WHERE k.family_id = f.id AND k.valid_to IS NULL AND k.no_kk_bidx = ANY($${params.length}))`);
  } else if (q.text) {
    params.push(`%${q.text}%`);
    filters.push(`EXISTS (SELECT 1 FROM people m WHERE m.family_id = f.id AND m.deleted_at IS NULL AND m.name_key LIKE $${params.length})`);
  }
  const filterSql = filters.map((f) => ` AND ${f}`).join('');
  // A head is never left pointing at a removed person: a merge re-points it to the record kept.
  const counts = await db.query<{ headed: number; headless: number }>(
    `SELECT count(*) FILTER (WHERE f.head_person_id IS NOT NULL)::int AS headed,
            count(*) FILTER (WHERE f.head_person_id IS NULL)::int AS headless
       FROM families f WHERE f.village_code = $1 AND f.deleted_at IS NULL${filterSql}`,
    params,
  );
  const { headed, headless } = counts.rows[0] ?? { headed: 0, headless: 0 };

  // Families in the order of their heads' names, walked along the people (village, name)
  // index; families without a head follow. Each part is fetched only where the page reaches it.
  const offset = (q.page - 1) * q.pageSize;
  const ids: string[] = [];
  if (offset < headed) {
    const { rows } = await db.query<{ id: string }>(
      `SELECT f.id FROM people h JOIN families f ON f.head_person_id = h.id
        WHERE h.village_code = $1 AND h.deleted_at IS NULL AND f.village_code = $1 AND f.deleted_at IS NULL${filterSql}
        ORDER BY h.name_key, h.id LIMIT ${q.pageSize} OFFSET ${offset}`,
      params,
    );
    ids.push(...rows.map((r) => r.id));
  }
  if (ids.length < q.pageSize && headless > 0) {
    const { rows } = await db.query<{ id: string }>(
      `SELECT f.id FROM families f WHERE f.village_code = $1 AND f.deleted_at IS NULL AND f.head_person_id IS NULL${filterSql}
        ORDER BY f.id LIMIT ${q.pageSize - ids.length} OFFSET ${Math.max(0, offset - headed)}`,
      params,
    );
    ids.push(...rows.map((r) => r.id));
  }
  // Members are counted for the page's families only.
  const { rows } = await db.query<FamilyListRow>(
    `SELECT ${familyColumns}, m.member_count, m.migrant_count
       FROM unnest($1::uuid[]) WITH ORDINALITY AS page(id, n)
       JOIN families f ON f.id = page.id
       LEFT JOIN people h ON h.id = f.head_person_id
       CROSS JOIN LATERAL (
         SELECT count(*)::int AS member_count,
                count(*) FILTER (WHERE p.migrant_status IN ('calon_pmi', 'pmi', 'purna_pmi'))::int AS migrant_count
           FROM people p WHERE p.family_id = f.id AND p.deleted_at IS NULL) m
      ORDER BY page.n`,
    [ids],
  );
  return { rows: rows.map(openFamilyRow), total: headed + headless };
}
