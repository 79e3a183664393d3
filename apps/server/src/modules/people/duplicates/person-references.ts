import type { Queryable } from '@desmigratif/db';

/**
 * Every column that points at a person (people.id). Merging two records moves what points
 * at the merged one to the kept one, through this list and nothing else: a module that adds
 * a table referencing people adds a line here (person-references.test.ts fails until it does).
 */
export type PersonReference = {
  table: string;
  column: string;
  /**
   * The row's village_code follows the person (a status event or consent belongs to
   * the person's village); rows that only mention the person keep theirs.
   */
  followsVillage?: boolean;
  /** How rows move when a plain UPDATE would break a rule of the table; returns the rows changed. */
  move?: (db: Queryable, from: string, to: string) => Promise<number>;
};

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * migrant_family_links: a link between the two records would become a link from the person
 * to themself, and a link both records have would exist twice (unique index). Both are
 * closed (deleted_at) rather than moved; the others move, closed ones included, so the
 * history follows the person.
 */
function moveFamilyLinks(column: 'migrant_id' | 'relative_id', other: 'migrant_id' | 'relative_id') {
  return async (db: Queryable, from: string, to: string) => {
    const closed = await db.query(
      `UPDATE migrant_family_links m SET deleted_at = now()
        WHERE m.${column} = $1 AND m.deleted_at IS NULL
          AND (m.${other} = $2 OR EXISTS (
                SELECT 1 FROM migrant_family_links k
                 WHERE k.${column} = $2 AND k.${other} = m.${other} AND k.relation = m.relation AND k.deleted_at IS NULL))`,
      [from, to],
    );
    const moved = await db.query(`UPDATE migrant_family_links SET ${column} = $2 WHERE ${column} = $1 AND ${other} <> $2`, [from, to]);
    return (closed.rowCount ?? 0) + (moved.rowCount ?? 0);
  };
}

/**
 * duplicate_dismissals: "X is not the merged person" also means "X is not the kept person"
 * (they are one), so each dismissal is carried over to the kept record, in the table's
 * order (person_a < person_b); a dismissal of the two merged records themselves is dropped.
 */
async function moveDismissals(db: Queryable, from: string, to: string): Promise<number> {
  await db.query(
    `INSERT INTO duplicate_dismissals (person_a, person_b, region_code, dismissed_by, dismissed_at)
     SELECT least(d.other, $2::uuid), greatest(d.other, $2::uuid), d.region_code, d.dismissed_by, d.dismissed_at
       FROM (SELECT CASE WHEN person_a = $1 THEN person_b ELSE person_a END AS other, region_code, dismissed_by, dismissed_at
               FROM duplicate_dismissals WHERE person_a = $1 OR person_b = $1) d
      WHERE d.other <> $2
     ON CONFLICT (person_a, person_b) DO NOTHING`,
    [from, to],
  );
  const removed = await db.query(`DELETE FROM duplicate_dismissals WHERE person_a = $1 OR person_b = $1`, [from]);
  return removed.rowCount ?? 0;
}

/** Pairs found for the merged record are dropped; the kept record is queued and searched again. */
async function dropCandidates(db: Queryable, from: string): Promise<number> {
  const removed = await db.query(`DELETE FROM duplicate_candidates WHERE person_a = $1 OR person_b = $1`, [from]);
  return removed.rowCount ?? 0;
}

/**
 * migration_plans: a plan belongs to the person's village, and so do its documents
 * (migration_documents.village_code) and their scans, which follow the plan. Letters
 * already issued keep the village that issued them.
 */
async function movePlans(db: Queryable, from: string, to: string): Promise<number> {
  const moved = await db.query(
    `UPDATE migration_plans m SET person_id = $2, village_code = p.village_code FROM people p WHERE p.id = $2 AND m.person_id = $1`,
    [from, to],
  );
  await db.query(
    `UPDATE migration_documents d SET village_code = m.village_code FROM migration_plans m
      WHERE m.id = d.plan_id AND m.person_id = $1 AND d.village_code <> m.village_code`,
    [to],
  );
  await db.query(
    `UPDATE migration_document_scans d SET village_code = m.village_code FROM migration_plans m
      WHERE m.id = d.plan_id AND m.person_id = $1 AND d.village_code <> m.village_code`,
    [to],
  );
  return moved.rowCount ?? 0;
}

export const personReferences: readonly PersonReference[] = [
  { table: 'families', column: 'head_person_id' },
  { table: 'migrant_status_events', column: 'person_id', followsVillage: true },
  { table: 'migrant_family_links', column: 'migrant_id', move: moveFamilyLinks('migrant_id', 'relative_id') },
  { table: 'migrant_family_links', column: 'relative_id', move: moveFamilyLinks('relative_id', 'migrant_id') },
  { table: 'person_consents', column: 'person_id', followsVillage: true },
  { table: 'person_consents', column: 'guardian_person_id' },
  // Records merged earlier into the merged one now point at the kept one: merged_into is never a chain.
  { table: 'people', column: 'merged_into' },
  { table: 'duplicate_dismissals', column: 'person_a', move: moveDismissals },
  // Moved together with person_a above.
  { table: 'duplicate_dismissals', column: 'person_b', move: async () => 0 },
  { table: 'duplicate_candidates', column: 'person_a', move: (db, from) => dropCandidates(db, from) },
  { table: 'duplicate_candidates', column: 'person_b', move: async () => 0 },
  // A visit to the centre stays in the log of the village where it happened.
  { table: 'migration_services', column: 'person_id' },
  { table: 'migration_plans', column: 'person_id', move: movePlans },
  // The spouse or parent named in an issued family permission letter.
  { table: 'letters', column: 'family_member_id' },
  // A stay abroad belongs to the person's village; a case stays where the family raised it.
  { table: 'migration_placements', column: 'person_id', followsVillage: true },
  { table: 'migration_cases', column: 'migrant_person_id' },
  { table: 'migration_cases', column: 'reporter_person_id' },
  // A data-subject request stays with the village that received it and must answer it.
  { table: 'data_subject_requests', column: 'person_id' },
];

/** Moves every reference from one person to another; returns the rows changed per "table.column". */
export async function moveReferences(db: Queryable, from: string, to: string, toVillage: string): Promise<Record<string, number>> {
  const moved: Record<string, number> = {};
  for (const reference of personReferences) {
    let count: number;
    if (reference.move) {
      count = await reference.move(db, from, to);
    } else {
      const village = reference.followsVillage ? ', village_code = $3' : '';
      const result = await db.query(
        `UPDATE ${ident(reference.table)} SET ${ident(reference.column)} = $2${village} WHERE ${ident(reference.column)} = $1`,
        reference.followsVillage ? [from, to, toVillage] : [from, to],
      );
      count = result.rowCount ?? 0;
    }
    moved[`${reference.table}.${reference.column}`] = count;
  }
  return moved;
}
