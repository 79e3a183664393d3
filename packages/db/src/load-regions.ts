import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type pg from 'pg';
import { withTransaction } from './pool.js';

const require = createRequire(import.meta.url);
const packageRoot = path.dirname(require.resolve('idn-area-data/package.json'));
const dataVersion = `idn-area-data@${(JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version}`;

type RegionRow = { code: string; level: number; parentCode: string | null; name: string };

/**
 * Parses one of the package's CSV files (`code,parent,name`). The files are not
 * quoted; a few Madurese names write the apostrophe as `"` (Soka"an), restored here.
 */
function readCsv(file: string, level: number, hasParent: boolean): RegionRow[] {
  const lines = readFileSync(path.join(packageRoot, 'data', file), 'utf8').split(/\r?\n/).slice(1);
  const rows: RegionRow[] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    const first = line.indexOf(',');
    const code = line.slice(0, first).replaceAll('.', '');
    let rest = line.slice(first + 1);
    let parentCode: string | null = null;
    if (hasParent) {
      const second = rest.indexOf(',');
      parentCode = rest.slice(0, second).replaceAll('.', '');
      rest = rest.slice(second + 1);
    }
    rows.push({ code, level, parentCode, name: rest.replaceAll('"', "'").trim() });
  }
  return rows;
}

export function readRegionData(): RegionRow[] {
  return [
    ...readCsv('provinces.csv', 1, false),
    ...readCsv('regencies.csv', 2, true),
    ...readCsv('districts.csv', 3, true),
    ...readCsv('villages.csv', 4, true),
  ];
}

/**
 * Loads every Kemendagri region once. Idempotent: a database that already holds this
 * version of the data set is left alone; a newer package version upserts names.
 */
export async function loadRegions(pool: pg.Pool): Promise<{ loaded: boolean; rows: number; version: string }> {
  const current = await pool.query<{ version: string; row_count: number }>(
    `SELECT version, row_count FROM reference_data WHERE name = 'regions'`,
  );
  if (current.rows[0]?.version === dataVersion) {
    return { loaded: false, rows: current.rows[0].row_count, version: dataVersion };
  }
  const rows = readRegionData();
  await withTransaction(pool, async (client) => {
    // Parents first (rows are ordered by level), in chunks so one statement stays small.
    const chunk = 10_000;
    for (let i = 0; i < rows.length; i += chunk) {
      const part = rows.slice(i, i + chunk);
      await client.query(
        `INSERT INTO regions (code, level, parent_code, name)
         SELECT * FROM unnest($1::text[], $2::smallint[], $3::text[], $4::text[])
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, parent_code = EXCLUDED.parent_code, level = EXCLUDED.level
         WHERE (regions.name, regions.parent_code, regions.level) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.parent_code, EXCLUDED.level)`,
        [part.map((r) => r.code), part.map((r) => r.level), part.map((r) => r.parentCode), part.map((r) => r.name)],
      );
    }
    await client.query(
      `INSERT INTO reference_data (name, version, row_count) VALUES ('regions', $1, $2)
       ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, row_count = EXCLUDED.row_count, loaded_at = now()`,
      [dataVersion, rows.length],
    );
  });
  // A bulk load leaves the trigram index's new entries in GIN's pending list and the
  // planner without statistics: name search would scan the table until autovacuum runs.
  await pool.query('VACUUM (ANALYZE) regions');
  return { loaded: true, rows: rows.length, version: dataVersion };
}
