import type pg from 'pg';
import { BLIND, keyring, type Keyring, KeyringError } from './field-crypto.js';
import { withTransaction } from './pool.js';

/** Columns that hold a sealed identity number, per table (migration 0015). */
export const SEALED_COLUMNS = {
  people: [
    'nik', 'father_nik', 'mother_nik', 'passport_number', 'birth_certificate', 'kitas_number',
    'marriage_certificate', 'divorce_certificate', 'insurance_number', 'tag_id_card',
  ],
  family_card_numbers: ['no_kk'],
  migration_documents: ['number'],
} as const;

const BATCH = 1_000;

/** What a blind-indexed column also stores next to its sealed value. */
function indexColumns(ring: Keyring, table: string, column: string, value: string): Record<string, unknown> {
  if (table === 'people' && column === 'nik') {
    return { nik_bidx: ring.blindIndex(BLIND.nik, value), nik_temporary: value.startsWith('0') };
  }
  if (table === 'family_card_numbers' && column === 'no_kk') return { no_kk_bidx: ring.blindIndex(BLIND.noKk, value) };
  return {};
}

/**
 * Seals what migration 0015 moved aside (numbers stored in the clear before it), then import
 * rows and files left from before. Runs at start-up before requests are served, in batches,
 * each batch one transaction: an interrupted run continues where it stopped. Returns how many
 * values were sealed.
 */
export async function sealPlaintextIdentities(pool: pg.Pool, ring: Keyring = keyring()): Promise<number> {
  await checkKeyOpensData(pool, ring);
  let total = 0;
  for (;;) {
    const n = await withTransaction(pool, async (tx) => {
      // Whole records at a time: a person's NIK and the check that it is present land together.
      const { rows: records } = await tx.query<{ table_name: keyof typeof SEALED_COLUMNS; row_id: string }>(
        `SELECT DISTINCT table_name, row_id FROM legacy_identity_numbers ORDER BY table_name, row_id LIMIT ${BATCH}`,
      );
      for (const record of records) {
        const { rows } = await tx.query<{ column_name: string; value: string }>(
          `DELETE FROM legacy_identity_numbers WHERE table_name = $1 AND row_id = $2 RETURNING column_name, value`,
          [record.table_name, record.row_id],
        );
        const allowed = SEALED_COLUMNS[record.table_name] as readonly string[] | undefined;
        const values: Record<string, unknown> = {};
        for (const r of rows) {
          if (!allowed?.includes(r.column_name)) throw new Error(`Kolom ${record.table_name}.${r.column_name} tidak dikenal.`);
          Object.assign(values, { [r.column_name]: ring.seal(r.value) }, indexColumns(ring, record.table_name, r.column_name, r.value));
        }
        const names = Object.keys(values);
        await tx.query(
          `UPDATE ${record.table_name} SET ${names.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE id = $1`,
          [record.row_id, ...names.map((c) => values[c])],
        );
        total += rows.length;
      }
      return records.length;
    });
    if (n < BATCH) break;
  }
  for (;;) {
    const n = await withTransaction(pool, async (tx) => {
      const { rows } = await tx.query<{ job_id: string; row_number: number; legacy_raw: unknown }>(
        `SELECT job_id, row_number, legacy_raw FROM import_rejects WHERE legacy_raw IS NOT NULL LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      for (const r of rows) {
        await tx.query('UPDATE import_rejects SET raw = $3, legacy_raw = NULL WHERE job_id = $1 AND row_number = $2', [
          r.job_id,
          r.row_number,
          ring.seal(JSON.stringify(r.legacy_raw)),
        ]);
      }
      return rows.length;
    });
    total += n;
    if (n < BATCH) break;
  }
  const files = await pool.query<{ id: string; file_content: Buffer }>(
    `SELECT id, file_content FROM import_jobs WHERE file_content IS NOT NULL AND NOT is_sealed(file_content)`,
  );
  for (const f of files.rows) {
    await pool.query('UPDATE import_jobs SET file_content = $2 WHERE id = $1', [f.id, ring.sealBytes(f.file_content)]);
    total += 1;
  }
  return total;
}

/**
 * A key file that does not belong to this database (lost, replaced, another install's) is found
 * at start-up, not at the first officer's request.
 */
export async function checkKeyOpensData(pool: pg.Pool, ring: Keyring = keyring()): Promise<void> {
  const { rows } = await pool.query<{ nik: Buffer }>('SELECT nik FROM people WHERE nik IS NOT NULL LIMIT 1');
  const sample = rows[0]?.nik;
  if (!sample) return;
  const id = ring.keyIdOf(sample);
  if (!ring.ids.includes(id)) {
    throw new KeyringError(
      `Data dienkripsi dengan kunci "${id}", yang tidak ada di berkas kunci (ada: ${ring.ids.join(', ')}). ` +
        'Pakai berkas kunci milik database ini (SECRET_KEY_FILE atau SECRET_KEYS).',
    );
  }
  ring.open(sample);
}
