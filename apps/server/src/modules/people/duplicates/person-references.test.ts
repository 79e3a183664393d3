import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support.js';
import { personReferences } from './person-references.js';

const t = useTestApp();

describe('the list of columns that point at a person', () => {
  it('holds every foreign key to people(id), so that a merge leaves nothing behind', async () => {
    const { rows } = await t.pool.query<{ ref: string }>(
      `SELECT c.conrelid::regclass::text || '.' || a.attname AS ref
         FROM pg_constraint c
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
        WHERE c.contype = 'f' AND c.confrelid = 'people'::regclass
        ORDER BY 1`,
    );
    const listed = personReferences.map((r) => `${r.table}.${r.column}`).sort();
    // A failure here names the column to add to person-references.ts (and how its rows move on a merge).
    expect(listed).toEqual(rows.map((r) => r.ref));
  });
});
