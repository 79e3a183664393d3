import type { Queryable } from '@desmigratif/db';
import { openFields } from '../../platform/sealed.js';

/** Plain SQL of document scans and village letters. */

// ---------------------------------------------------------------- scans

export type ScanRow = {
  id: string;
  plan_id: string;
  kind: string;
  storage_id: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_at: Date;
};

const scanColumns = 'id, plan_id, kind, storage_id, content_type, size_bytes, sha256, uploaded_at';

export async function listScans(db: Queryable, planId: string): Promise<ScanRow[]> {
  const { rows } = await db.query<ScanRow>(`SELECT ${scanColumns} FROM migration_document_scans WHERE plan_id = $1 ORDER BY kind`, [planId]);
  return rows;
}

export async function findScan(db: Queryable, planId: string, kind: string): Promise<ScanRow | undefined> {
  const { rows } = await db.query<ScanRow>(`SELECT ${scanColumns} FROM migration_document_scans WHERE plan_id = $1 AND kind = $2`, [planId, kind]);
  return rows[0];
}

export async function upsertScan(
  db: Queryable,
  s: { id: string; planId: string; villageCode: string; kind: string; storageId: string; contentType: string; sizeBytes: number; sha256: string; uploadedBy: string },
): Promise<ScanRow> {
  const { rows } = await db.query<ScanRow>(
    `INSERT INTO migration_document_scans (id, plan_id, village_code, kind, storage_id, content_type, size_bytes, sha256, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (plan_id, kind) DO UPDATE SET storage_id = EXCLUDED.storage_id, content_type = EXCLUDED.content_type,
       size_bytes = EXCLUDED.size_bytes, sha256 = EXCLUDED.sha256, uploaded_by = EXCLUDED.uploaded_by, uploaded_at = now()
     RETURNING ${scanColumns}`,
    [s.id, s.planId, s.villageCode, s.kind, s.storageId, s.contentType, s.sizeBytes, s.sha256, s.uploadedBy],
  );
  return rows[0]!;
}

// ---------------------------------------------------------------- letters

/** Takes the next number of the village's year; the row lock orders concurrent issuers. */
export async function nextLetterSequence(db: Queryable, villageCode: string, year: number): Promise<number> {
  const { rows } = await db.query<{ last_number: number }>(
    `INSERT INTO letter_sequences (village_code, year, last_number) VALUES ($1, $2, 1)
     ON CONFLICT (village_code, year) DO UPDATE SET last_number = letter_sequences.last_number + 1
     RETURNING last_number`,
    [villageCode, year],
  );
  return rows[0]!.last_number;
}

export async function insertLetter(
  db: Queryable,
  l: { id: string; villageCode: string; planId: string; kind: string; number: string; familyMemberId: string | null; token: string; holderName: string; issuedBy: string; sha256: string },
) {
  await db.query(
    `INSERT INTO letters (id, village_code, plan_id, kind, number, family_member_id, token, holder_name, issued_by, sha256)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [l.id, l.villageCode, l.planId, l.kind, l.number, l.familyMemberId, l.token, l.holderName, l.issuedBy, l.sha256],
  );
}

export async function listLetters(db: Queryable, planId: string) {
  const { rows } = await db.query<{ id: string; kind: string; number: string; issued_at: Date; issued_by_name: string }>(
    `SELECT l.id, l.kind, l.number, l.issued_at, u.full_name AS issued_by_name
       FROM letters l JOIN users u ON u.id = l.issued_by WHERE l.plan_id = $1 ORDER BY l.issued_at DESC, l.id DESC`,
    [planId],
  );
  return rows;
}

export async function findLetterByToken(db: Queryable, token: string) {
  const { rows } = await db.query<{ kind: string; number: string; issued_at: Date; holder_name: string; village_name: string }>(
    `SELECT l.kind, l.number, l.issued_at, l.holder_name, r.name AS village_name
       FROM letters l JOIN regions r ON r.code = l.village_code WHERE l.token = $1`,
    [token],
  );
  return rows[0];
}

/** The names of the village, its district and its regency, and the head enrolled in the program. */
export async function findLetterhead(db: Queryable, villageCode: string) {
  const { rows } = await db.query<{ village: string; district: string; regency: string; head_name: string | null }>(
    `SELECT v.name AS village, d.name AS district, k.name AS regency, pv.head_name
       FROM regions v JOIN regions d ON d.code = $2 JOIN regions k ON k.code = $3
       LEFT JOIN program_villages pv ON pv.village_code = v.code AND pv.deleted_at IS NULL
      WHERE v.code = $1`,
    [villageCode, villageCode.slice(0, 6), villageCode.slice(0, 4)],
  );
  return rows[0];
}

export type LetterPersonRow = {
  id: string;
  name: string;
  nik: string;
  birth_place: string | null;
  birth_date: string | null;
  address: string | null;
  dusun: string | null;
  rt: string | null;
  rw: string | null;
  family_id: string | null;
  family_relationship: number | null;
};

const personColumns = `p.id, p.name, p.nik, p.birth_place, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date,
  coalesce(p.address, f.address) AS address, coalesce(p.dusun, f.dusun) AS dusun, coalesce(p.rt, f.rt) AS rt,
  coalesce(p.rw, f.rw) AS rw, p.family_id, p.family_relationship`;

export async function findLetterPerson(db: Queryable, id: string): Promise<LetterPersonRow | undefined> {
  const { rows } = await db.query<LetterPersonRow>(
    `SELECT ${personColumns} FROM people p LEFT JOIN families f ON f.id = p.family_id WHERE p.id = $1 AND p.deleted_at IS NULL`,
    [id],
  );
  return rows[0] && openFields(rows[0], 'nik');
}

/** Members of the migrant's KK and relatives linked to the migrant, with the link's relation. */
export async function listRelatives(db: Queryable, migrant: { id: string; family_id: string | null }) {
  const { rows } = await db.query<LetterPersonRow & { link_relation: string | null }>(
    `SELECT ${personColumns}, l.relation AS link_relation
       FROM people p LEFT JOIN families f ON f.id = p.family_id
       LEFT JOIN migrant_family_links l ON l.relative_id = p.id AND l.migrant_id = $1 AND l.deleted_at IS NULL
      WHERE p.deleted_at IS NULL AND p.id <> $1 AND (l.id IS NOT NULL OR ($2::uuid IS NOT NULL AND p.family_id = $2))
      ORDER BY p.name, p.id`,
    [migrant.id, migrant.family_id],
  );
  return rows.map((r) => openFields(r, 'nik'));
}
