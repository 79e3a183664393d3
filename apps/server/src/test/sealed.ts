import { BLIND, keyring } from '@desmigratif/db';

/**
 * Identity numbers are sealed in the database (packages/db/src/field-crypto.ts). Tests that
 * read or write rows with SQL use these: seal a value as the application would, find rows by a
 * number through its blind index, and open what a query returned.
 */
export const seal = (value: string): Buffer => keyring().seal(value);
export const sealOptional = (value: string | null | undefined): Buffer | null => keyring().sealOptional(value);
export const nikIndex = (nik: string): Buffer => keyring().blindIndex(BLIND.nik, nik);
export const noKkIndex = (noKk: string): Buffer => keyring().blindIndex(BLIND.noKk, noKk);

/** Opens every sealed value in the rows (any Buffer in the sealed format); other values stay. */
export function opened<T extends Record<string, unknown>>(rows: readonly T[]): T[] {
  const ring = keyring();
  return rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(row)) {
      if (Buffer.isBuffer(v) && ring.isSealed(v)) out[k] = ring.open(v);
      else if (Array.isArray(v)) out[k] = v.map((x: unknown) => (Buffer.isBuffer(x) && ring.isSealed(x) ? ring.open(x) : x));
      else out[k] = v;
    }
    return out as T;
  });
}

export const nikIndexes = (niks: readonly string[]): Buffer[] => niks.map(nikIndex);
export const noKkIndexes = (noKks: readonly string[]): Buffer[] => noKks.map(noKkIndex);

/**
 * Rows sorted in JS by these columns, ascending with nulls last, as `ORDER BY` on them did
 * before the values were sealed. The sort is stable: give the query an order for ties.
 */
export function sortedBy<T extends Record<string, unknown>>(rows: readonly T[], ...columns: Array<keyof T & string>): T[] {
  const compare = (a: unknown, b: unknown): number => {
    if (a === b) return 0;
    if (a === null || a === undefined) return 1;
    if (b === null || b === undefined) return -1;
    return (a as string | number) < (b as string | number) ? -1 : (a as string | number) > (b as string | number) ? 1 : 0;
  };
  return [...rows].sort((x, y) => {
    for (const c of columns) {
      const order = compare(x[c], y[c]);
      if (order !== 0) return order;
    }
    return 0;
  });
}
