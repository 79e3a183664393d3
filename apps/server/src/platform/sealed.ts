import { keyring } from '@desmigratif/db';

/**
 * Opens the named sealed (bytea) columns of a row read from the database; other columns are
 * left as they are. Repositories call it on the way out, so services only see clear values.
 */
export function openFields<T extends object>(row: T, ...columns: Array<keyof T>): T {
  const out = { ...row } as Record<keyof T, unknown>;
  for (const c of columns) {
    const v = out[c];
    if (Buffer.isBuffer(v)) out[c] = keyring().open(v);
  }
  return out as T;
}

/** Seals a value for a sealed column; empty stays empty (NULL). */
export function sealValue(value: string | null | undefined): Buffer | null {
  return keyring().sealOptional(value);
}
