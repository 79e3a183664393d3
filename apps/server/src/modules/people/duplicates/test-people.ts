import type { Pool } from '@desmigratif/db';
import { normalizePersonName } from '@desmigratif/domain';
import { v7 as uuidv7 } from 'uuid';
import { nikIndex, seal } from '../../../test/sealed.js';

export const KENANGA = '3212162004';
/** Another village of Kenanga's district (Sindang, Indramayu): same regency, different village. */
export const SINDANG = '3212162001';
export const KURIPAN = '3307102004';

let serial = 0;

/** A NIK registered in the village's district, born on `birthDate`, with a fresh serial. */
export function makeNik(villageCode: string, birthDate = '1990-01-01', sex = 1): string {
  const [year, month, day] = birthDate.split('-');
  serial += 1;
  const dd = String(Number(day) + (sex === 2 ? 40 : 0)).padStart(2, '0');
  return `${villageCode.slice(0, 6)}${dd}${month}${year!.slice(2)}${String(serial).padStart(4, '0')}`;
}

export type TestPerson = {
  villageCode: string;
  name: string;
  nik?: string;
  sex?: 1 | 2;
  birthDate?: string | null;
  fatherName?: string | null;
  motherName?: string | null;
  dusun?: string | null;
  birthPlace?: string | null;
  phone?: string | null;
  familyId?: string | null;
};

/**
 * Records a person directly in the database, as an import or the people module would: the
 * NIK sealed, with its blind index and whether it is a temporary one.
 */
export async function insertPerson(pool: Pool, p: TestPerson): Promise<string> {
  const id = uuidv7();
  const sex = p.sex ?? 1;
  const nik = p.nik ?? makeNik(p.villageCode, p.birthDate ?? undefined, sex);
  await pool.query(
    `INSERT INTO people (id, village_code, nik, nik_bidx, nik_temporary, name, name_key, sex, birth_date, father_name, mother_name, dusun,
                         birth_place, phone, family_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      id,
      p.villageCode,
      seal(nik),
      nikIndex(nik),
      nik.startsWith('0'),
      p.name,
      normalizePersonName(p.name),
      sex,
      p.birthDate ?? null,
      p.fatherName ?? null,
      p.motherName ?? null,
      p.dusun ?? null,
      p.birthPlace ?? null,
      p.phone ?? null,
      p.familyId ?? null,
    ],
  );
  return id;
}
