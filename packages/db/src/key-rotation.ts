import type pg from 'pg';
import { BLIND, keyring, type Keyring } from './field-crypto.js';
import { SEALED_COLUMNS } from './identity-sealing.js';
import { withTransaction } from './pool.js';

const BATCH = 500;

/** Every sealed column, with the key column(s) of its table. */
type SealedTable = { table: string; key: string[]; columns: string[]; binary?: string[] };

function sealedTables(): SealedTable[] {
  return [
    ...Object.entries(SEALED_COLUMNS).map(([table, columns]) => ({ table, key: ['id'], columns: [...columns] })),
    { table: 'import_rejects', key: ['job_id', 'row_number'], columns: ['raw'] },
    { table: 'import_jobs', key: ['id'], columns: [], binary: ['file_content'] },
    // Two-factor secrets (migration 0016).
    { table: 'users', key: ['id'], columns: ['totp_secret_enc', 'totp_pending_secret_enc'] },
  ];
}

export type KeyUsage = { table: string; column: string; keyId: string; rows: number };

/** How many stored values each key sealed, per column: an old key may leave the file once it has none. */
export async function keyUsage(pool: pg.Pool): Promise<KeyUsage[]> {
  const out: KeyUsage[] = [];
  for (const t of sealedTables()) {
    for (const column of [...t.columns, ...(t.binary ?? [])]) {
      const { rows } = await pool.query<{ key_id: string; n: number }>(
        `SELECT sealed_key_id(${column}) AS key_id, count(*)::int AS n FROM ${t.table}
          WHERE ${column} IS NOT NULL GROUP BY 1 ORDER BY 1`,
      );
      for (const r of rows) out.push({ table: t.table, column, keyId: r.key_id, rows: r.n });
    }
  }
  return out;
}

/**
 * Re-seals every value not made with the ring's current key, and recomputes the blind indexes
 * with it, in batches of one transaction each. Safe to run while the server serves requests
 * (lookups match the index under any key in the ring) and to interrupt and run again.
 */
export async function rotateKeys(
  pool: pg.Pool,
  onProgress: (done: number, table: string) => void = () => undefined,
  ring: Keyring = keyring(),
): Promise<number> {
  let done = 0;
  for (const t of sealedTables()) {
    const all = [...t.columns, ...(t.binary ?? [])];
    const stale = all.map((c) => `(${c} IS NOT NULL AND sealed_key_id(${c}) <> $1)`).join(' OR ');
    for (;;) {
      const n = await withTransaction(pool, async (tx) => {
        const { rows } = await tx.query<Record<string, unknown>>(
          `SELECT ${[...t.key, ...all].join(', ')} FROM ${t.table} WHERE ${stale} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
          [ring.currentId],
        );
        for (const row of rows) {
          const sets: Record<string, unknown> = {};
          for (const c of t.columns) {
            const v = row[c] as Buffer | null;
            if (!v) continue;
            const plain = ring.open(v);
            sets[c] = ring.seal(plain);
            if (t.table === 'people' && c === 'nik') sets.nik_bidx = ring.blindIndex(BLIND.nik, plain);
            if (t.table === 'family_card_numbers' && c === 'no_kk') sets.no_kk_bidx = ring.blindIndex(BLIND.noKk, plain);
          }
          for (const c of t.binary ?? []) {
            const v = row[c] as Buffer | null;
            if (v) sets[c] = ring.sealBytes(ring.openBytes(v));
          }
          const names = Object.keys(sets);
          const keyParams = t.key.map((k) => row[k]);
          await tx.query(
            `UPDATE ${t.table} SET ${names.map((c, i) => `${c} = $${i + 1 + t.key.length}`).join(', ')}
              WHERE ${t.key.map((k, i) => `${k} = $${i + 1}`).join(' AND ')}`,
            [...keyParams, ...names.map((c) => sets[c])],
          );
        }
        return rows.length;
      });
      done += n;
      if (n) onProgress(done, t.table);
      if (n < BATCH) break;
    }
  }
  return done;
}

/**
 * Re-seals stored files (document scans in DATA_DIR/uploads) not sealed with the current key;
 * files from before scans were sealed are sealed now. Each file is replaced atomically.
 */
export async function rotateFiles(dir: string, ring: Keyring = keyring()): Promise<number> {
  const { readdir, readFile, rename, writeFile } = await import('node:fs/promises');
  const path = await import('node:path');
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let done = 0;
  for (const name of names) {
    if (!/^[0-9a-f]{32}$/.test(name)) continue;
    const file = path.join(dir, name);
    const stored = await readFile(file);
    if (ring.isSealed(stored) && ring.keyIdOf(stored) === ring.currentId) continue;
    const plain = ring.isSealed(stored) ? ring.openBytes(stored) : stored;
    await writeFile(`${file}.tmp`, ring.sealBytes(plain), { mode: 0o600 });
    await rename(`${file}.tmp`, file);
    done += 1;
  }
  return done;
}
