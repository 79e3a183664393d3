import type { Region, RegionLevel } from '@desmigratif/contracts';
import { regionLevels } from '@desmigratif/contracts';
import type { Queryable } from '@desmigratif/db';

type RegionRow = { code: string; level: number; parent_code: string | null; name: string; path: string[] };

const toRegion = (r: RegionRow): Region => ({
  code: r.code,
  level: regionLevels[r.level - 1]!,
  name: r.name,
  parentCode: r.parent_code,
  path: r.path,
});

// The ancestors of a region are the prefixes of its code, so the path is a lookup, not a recursive walk.
const pathSql = `ARRAY(
  SELECT a.name FROM regions a
   WHERE a.code IN (left(r.code, 2), left(r.code, 4), left(r.code, 6)) AND a.code <> r.code
   ORDER BY length(a.code)) AS path`;

export async function findRegion(db: Queryable, code: string): Promise<Region | undefined> {
  const { rows } = await db.query<RegionRow>(`SELECT r.code, r.level, r.parent_code, r.name, ${pathSql} FROM regions r WHERE r.code = $1`, [code]);
  return rows[0] && toRegion(rows[0]);
}

export async function listChildren(db: Queryable, parentCode: string | null): Promise<Region[]> {
  const { rows } = await db.query<RegionRow>(
    `SELECT r.code, r.level, r.parent_code, r.name, ${pathSql} FROM regions r
      WHERE ${parentCode === null ? 'r.parent_code IS NULL' : 'r.parent_code = $1'} ORDER BY r.code`,
    parentCode === null ? [] : [parentCode],
  );
  return rows.map(toRegion);
}

const nameRanking = `EXISTS (SELECT 1 FROM program_villages pv WHERE pv.village_code = r.code AND pv.deleted_at IS NULL) DESC,
  (lower(r.name) = $1) DESC,
  (lower(r.name) LIKE $1 || '%' OR lower(r.name) LIKE '% ' || $1 || '%') DESC,
  (lower(r.name) LIKE $2) DESC,
  similarity(lower(r.name), $1) DESC,
  r.level, r.code`;

/**
 * Finds regions by name — Desmigratif villages first, then names equal to, starting with or
 * containing the text, then similar spellings (trigram index) — or by a typed code.
 */
export async function searchRegions(
  db: Queryable,
  q: { text: string; level?: RegionLevel; within?: string; limit: number },
): Promise<Region[]> {
  const text = q.text.toLowerCase();
  const code = text.replace(/[.\s]/g, '');
  // A typed code (32.12 or 3212…) finds the region and those below it; otherwise the name.
  const byCode = /^\d{2,10}$/.test(code);
  const params: unknown[] = byCode ? [code, q.limit] : [text, `%${text.replace(/[%_\\]/g, '\\$&')}%`, q.limit];
  const where = [byCode ? `r.code LIKE $1 || '%'` : `(lower(r.name) LIKE $2 OR lower(r.name) % $1)`];
  if (q.level) {
    params.push(regionLevels.indexOf(q.level) + 1);
    where.push(`r.level = $${params.length}`);
  }
  if (q.within) {
    params.push(q.within);
    where.push(`r.code LIKE $${params.length} || '%'`);
  }
  const { rows } = await db.query<RegionRow>(
    `SELECT r.code, r.level, r.parent_code, r.name, ${pathSql}
       FROM regions r
      WHERE ${where.join(' AND ')}
      ORDER BY ${byCode ? 'r.level, r.code' : nameRanking}
      LIMIT ${byCode ? '$2' : '$3'}`,
    params,
  );
  return rows.map(toRegion);
}
