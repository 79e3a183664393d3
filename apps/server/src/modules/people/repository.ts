import type { ListPeopleQuery, MigrantStatus } from '@desmigratif/contracts';
import { BLIND, keyring, SEALED_COLUMNS, type Queryable } from '@desmigratif/db';

/** Column ↔ field mapping of the person fields a user edits (everything but identity and bookkeeping). */
export const personFieldColumns = {
  nik: 'nik',
  name: 'name',
  sex: 'sex',
  birthPlace: 'birth_place',
  birthDate: 'birth_date',
  religion: 'religion',
  educationKk: 'education_kk',
  educationCurrent: 'education_current',
  occupation: 'occupation',
  maritalStatus: 'marital_status',
  familyRelationship: 'family_relationship',
  citizenship: 'citizenship',
  bloodType: 'blood_type',
  fatherNik: 'father_nik',
  fatherName: 'father_name',
  motherNik: 'mother_nik',
  motherName: 'mother_name',
  passportNumber: 'passport_number',
  passportExpiry: 'passport_expiry',
  statusDasar: 'status_dasar',
  address: 'address',
  dusun: 'dusun',
  rw: 'rw',
  rt: 'rt',
  phone: 'phone',
  familyId: 'family_id',
} as const;
export type PersonField = keyof typeof personFieldColumns;
export type PersonValues = { [K in PersonField]?: string | number | null };

export type PersonRow = {
  id: string;
  village_code: string;
  family_id: string | null;
  nik: string;
  name: string;
  sex: number;
  birth_place: string | null;
  birth_date: string | null;
  religion: number | null;
  education_kk: number | null;
  education_current: number | null;
  occupation: number | null;
  marital_status: number | null;
  family_relationship: number | null;
  citizenship: number;
  blood_type: number | null;
  father_nik: string | null;
  father_name: string | null;
  mother_nik: string | null;
  mother_name: string | null;
  passport_number: string | null;
  passport_expiry: string | null;
  status_dasar: number;
  address: string | null;
  dusun: string | null;
  rw: string | null;
  rt: string | null;
  phone: string | null;
  migrant_status: MigrantStatus;
  merged_into: string | null;
  created_at: Date;
  updated_at: Date;
  version: string;
  deleted_at: Date | null;
  nik_duplicate_count: number;
};

const nikDuplicates = `(SELECT count(*)::int FROM people d
   WHERE d.nik_bidx = p.nik_bidx AND d.id <> p.id AND d.deleted_at IS NULL AND NOT p.nik_temporary) AS nik_duplicate_count`;
export const personColumns = `p.*, p.version::text AS version, ${nikDuplicates}`;

const sealedPersonColumns: readonly string[] = SEALED_COLUMNS.people;

/**
 * A people row as read (identity numbers sealed) made into the row the module works with
 * (numbers in the clear, in memory only). Every read of people rows passes through here.
 */
export function openPersonRow<T extends Record<string, unknown>>(row: T): T {
  const ring = keyring();
  const out: Record<string, unknown> = { ...row };
  for (const c of sealedPersonColumns) {
    const v = out[c];
    if (Buffer.isBuffer(v)) out[c] = ring.open(v);
  }
  delete out.nik_bidx;
  return out as T;
}

/** Person values to store: identity numbers sealed, the NIK's blind index and temporary flag beside it. */
export function sealPersonValues(values: Record<string, unknown>): Record<string, unknown> {
  const ring = keyring();
  const out: Record<string, unknown> = { ...values };
  for (const c of sealedPersonColumns) {
    const v = out[c];
    if (v === undefined) continue;
    out[c] = v === null || v === '' ? null : ring.seal(String(v));
  }
  if (typeof values.nik === 'string') {
    out.nik_bidx = ring.blindIndex(BLIND.nik, values.nik);
    out.nik_temporary = values.nik.startsWith('0');
  }
  return out;
}

/** The NIK's blind index under every key in the ring, for `= ANY(...)` lookups. */
export function nikLookup(nik: string): Buffer[] {
  return keyring().blindIndexes(BLIND.nik, nik);
}

export async function findPerson(db: Queryable, id: string, forUpdate = false): Promise<PersonRow | undefined> {
  const { rows } = await db.query<PersonRow>(
    `SELECT ${personColumns} FROM people p WHERE p.id = $1 ${forUpdate ? 'FOR UPDATE OF p' : ''}`,
    [id],
  );
  return rows[0] && openPersonRow(rows[0]);
}

export async function insertPerson(
  db: Queryable,
  p: { id: string; villageCode: string; nameKey: string; migrantStatus: MigrantStatus; createdBy: string } & PersonValues,
): Promise<void> {
  const fields = (Object.keys(personFieldColumns) as PersonField[]).filter((f) => p[f] !== undefined);
  const stored = sealPersonValues({
    id: p.id,
    village_code: p.villageCode,
    name_key: p.nameKey,
    migrant_status: p.migrantStatus,
    created_by: p.createdBy,
    ...Object.fromEntries(fields.map((f) => [personFieldColumns[f], p[f]])),
  });
  const columns = Object.keys(stored);
  const values = columns.map((c) => stored[c]);
  await db.query(
    `INSERT INTO people (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
    values,
  );
}

export async function updatePerson(db: Queryable, id: string, values: PersonValues & { nameKey?: string }): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [id];
  const byColumn: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) {
    if (value === undefined) continue;
    byColumn[field === 'nameKey' ? 'name_key' : personFieldColumns[field as PersonField]] = value;
  }
  for (const [column, value] of Object.entries(sealPersonValues(byColumn))) {
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  }
  if (sets.length) await db.query(`UPDATE people SET ${sets.join(', ')} WHERE id = $1`, params);
}

/** Birth-date bounds of an age band, as of today in WIB. */
function ageBandBounds(band: NonNullable<ListPeopleQuery['ageBand']>): { minAge: number; maxAge: number | null } {
  if (band === '60+') return { minAge: 60, maxAge: null };
  const [min, max] = band.split('-').map(Number);
  return { minAge: min!, maxAge: max! };
}

export async function listPeople(
  db: Queryable,
  villageCode: string,
  q: ListPeopleQuery & { nameKey?: string },
): Promise<{ rows: PersonRow[]; total: number }> {
  const where = ['p.village_code = $1', 'p.deleted_at IS NULL'];
  const params: unknown[] = [villageCode];
  const add = (sql: string, ...values: unknown[]) => {
    let out = sql;
    for (const v of values) {
      params.push(v);
      out = out.replace('?', `$${params.length}`);
    }
    where.push(out);
  };
  const digits = q.q?.replace(/\D/g, '') ?? '';
  const onlyDigits = digits.length === q.q?.replace(/[\s.]/g, '').length;
  // NIKs are sealed: a whole NIK is found through its blind index; part of one cannot be searched.
  if (q.q && digits.length === 16 && onlyDigits) add(`p.nik_bidx = ANY(?)`, nikLookup(digits));
  // "0" + the village code (or part of it) still lists the village's temporary numbers.
  else if (q.q && onlyDigits && digits.startsWith('0') && villageCode.startsWith(digits.slice(1, 11))) add('p.nik_temporary');
  else if (q.q && digits.length >= 4 && onlyDigits) add('false');
  else if (q.nameKey) add(`p.name_key LIKE ?`, `%${q.nameKey}%`);
  // A name with no Latin letter or digit (Arabic script, emoji) folds to an empty key: match it as written, not everyone.
  else if (q.q?.trim()) add(`strpos(lower(p.name), lower(?)) > 0`, q.q.trim());
  if (q.migrantStatus) add('p.migrant_status = ?', q.migrantStatus);
  if (q.dusun) add('lower(p.dusun) = lower(?)', q.dusun);
  if (q.sex) add('p.sex = ?', q.sex);
  if (q.statusDasar) add('p.status_dasar = ?', q.statusDasar);
  if (q.ageBand) {
    const { minAge, maxAge } = ageBandBounds(q.ageBand);
    const today = `(now() AT TIME ZONE 'Asia/Jakarta')::date`;
    add(`p.birth_date <= ${today} - make_interval(years => ?)`, minAge);
    if (maxAge !== null) add(`p.birth_date > ${today} - make_interval(years => ?)`, maxAge + 1);
  }
  const whereSql = where.join(' AND ');
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM people p WHERE ${whereSql}`, params);
  // The page's ids first, from the (village, name) indexes alone; the full rows and the
  // duplicate counts only for those 50 — not for every row an OFFSET skips.
  const { rows } = await db.query<PersonRow>(
    `WITH page AS (
       SELECT p.id, p.name_key FROM people p WHERE ${whereSql}
        ORDER BY p.name_key, p.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize})
     SELECT ${personColumns} FROM page JOIN people p ON p.id = page.id ORDER BY page.name_key, page.id`,
    params,
  );
  return { rows: rows.map(openPersonRow), total: total.rows[0]?.n ?? 0 };
}

export type StatusEventRow = {
  id: string;
  status: MigrantStatus;
  effective_date: string;
  note: string | null;
  recorded_by: string | null;
  recorded_at: Date;
};

export async function insertStatusEvent(
  db: Queryable,
  e: { id: string; personId: string; villageCode: string; status: MigrantStatus; effectiveDate: string; note: string | null; recordedBy: string },
): Promise<void> {
  await db.query(
    `INSERT INTO migrant_status_events (id, person_id, village_code, status, effective_date, note, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [e.id, e.personId, e.villageCode, e.status, e.effectiveDate, e.note, e.recordedBy],
  );
}

/** The latest status by effective date (then by when it was recorded) is the person's current one. */
export async function refreshMigrantStatus(db: Queryable, personId: string): Promise<MigrantStatus> {
  const { rows } = await db.query<{ migrant_status: MigrantStatus }>(
    `UPDATE people SET migrant_status = COALESCE((
        SELECT status FROM migrant_status_events WHERE person_id = $1
         ORDER BY effective_date DESC, recorded_at DESC, id DESC LIMIT 1), 'bukan_pmi')
      WHERE id = $1 RETURNING migrant_status`,
    [personId],
  );
  return rows[0]!.migrant_status;
}

export async function listStatusEvents(db: Queryable, personId: string): Promise<StatusEventRow[]> {
  const { rows } = await db.query<StatusEventRow>(
    `SELECT e.id, e.status, e.effective_date, e.note, u.full_name AS recorded_by, e.recorded_at
       FROM migrant_status_events e LEFT JOIN users u ON u.id = e.recorded_by
      WHERE e.person_id = $1 ORDER BY e.effective_date DESC, e.recorded_at DESC`,
    [personId],
  );
  return rows;
}

export type ConsentRow = {
  id: string;
  basis: 'kewajiban_hukum' | 'persetujuan';
  given_by_name: string | null;
  guardian_person_id: string | null;
  guardian_relationship: string | null;
  note: string | null;
  recorded_by: string | null;
  recorded_at: Date;
  withdrawn_at: Date | null;
  expires_at: string | null;
};

export async function listConsents(db: Queryable, personId: string): Promise<ConsentRow[]> {
  const { rows } = await db.query<ConsentRow>(
    `SELECT c.id, c.basis, c.given_by_name, c.guardian_person_id, c.guardian_relationship, c.note,
            u.full_name AS recorded_by, c.recorded_at, c.withdrawn_at, to_char(c.expires_at, 'YYYY-MM-DD') AS expires_at
       FROM person_consents c LEFT JOIN users u ON u.id = c.recorded_by
      WHERE c.person_id = $1 ORDER BY c.recorded_at DESC`,
    [personId],
  );
  return rows;
}

export async function insertConsent(
  db: Queryable,
  c: {
    id: string;
    personId: string;
    villageCode: string;
    basis: string;
    givenByName: string | null;
    guardianPersonId: string | null;
    guardianRelationship: string | null;
    note: string | null;
    recordedBy: string;
    expiresAt: string | null;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO person_consents (id, person_id, village_code, basis, given_by_name, guardian_person_id, guardian_relationship, note, recorded_by, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [c.id, c.personId, c.villageCode, c.basis, c.givenByName, c.guardianPersonId, c.guardianRelationship, c.note, c.recordedBy, c.expiresAt],
  );
}

export async function withdrawConsent(db: Queryable, personId: string, consentId: string, by: string): Promise<{ id: string } | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE person_consents SET withdrawn_at = now(), withdrawn_by = $3
      WHERE id = $2 AND person_id = $1 AND withdrawn_at IS NULL RETURNING id`,
    [personId, consentId, by],
  );
  return rows[0];
}

export type LinkRow = {
  id: string;
  migrant_id: string;
  relative_id: string;
  relation: 'pasangan' | 'anak' | 'pengasuh' | 'orang_tua' | 'saudara' | 'lainnya';
  other_id: string;
  other_name: string;
  other_status: MigrantStatus;
  direction: 'left_behind' | 'migrant';
};

export async function listLinks(db: Queryable, personId: string): Promise<LinkRow[]> {
  const { rows } = await db.query<LinkRow>(
    `SELECT l.id, l.migrant_id, l.relative_id, l.relation, o.id AS other_id, o.name AS other_name,
            o.migrant_status AS other_status,
            CASE WHEN l.migrant_id = $1 THEN 'left_behind' ELSE 'migrant' END AS direction
       FROM migrant_family_links l
       JOIN people o ON o.id = CASE WHEN l.migrant_id = $1 THEN l.relative_id ELSE l.migrant_id END
      WHERE (l.migrant_id = $1 OR l.relative_id = $1) AND l.deleted_at IS NULL AND o.deleted_at IS NULL
      ORDER BY l.created_at`,
    [personId],
  );
  return rows;
}

export async function listFamilyMembers(db: Queryable, familyId: string): Promise<PersonRow[]> {
  const { rows } = await db.query<PersonRow>(
    `SELECT ${personColumns} FROM people p WHERE p.family_id = $1 AND p.deleted_at IS NULL
      ORDER BY p.family_relationship NULLS LAST, p.birth_date NULLS LAST, p.name_key`,
    [familyId],
  );
  return rows.map(openPersonRow);
}
