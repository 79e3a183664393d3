import type { LocalRow } from '../../offline/db';

/** The offline registry search: every word of the query in the name, or the NIK starting with it. */
export function matchesSearch(row: LocalRow, q: string | undefined): boolean {
  const query = q?.trim().toLowerCase();
  if (!query) return true;
  const name = String(row.name ?? '').toLowerCase();
  if (String(row.nik ?? '').startsWith(query)) return true;
  return query.split(/\s+/).every((word) => name.includes(word));
}
