import type { PeopleImportColumn } from '@desmigratif/contracts';
import type { Queryable } from '@desmigratif/db';
import { v7 as uuidv7 } from 'uuid';
import { type ImportRow, type PersonColumn, type PersonValues, personColumns } from './person-columns.js';
import * as repo from './repository.js';
import type { RejectedRow } from './row-parser.js';

/**
 * Writes one chunk of valid rows into the registry, in the caller's transaction, with a
 * handful of set-based statements (unnest arrays) whatever the chunk's size.
 *
 * A row is the same person as a recorded one when the village has that NIK (temporary
 * "0…" numbers included), else when name, birth date and current KK number agree — the
 * way a temporary NIK gets replaced by the real one. A matched person is updated only
 * when something differs, so importing the same file twice changes nothing.
 *
 * Columns the sheet does not have leave what is recorded untouched (a short sheet that
 * adds newcomers must not wipe everyone's details); an empty cell in a column the sheet
 * has does clear the value. A migrant status from the file is recorded when it is not
 * "bukan PMI" and differs from the person's current one: an empty cell is no evidence
 * that a migrant came home.
 */

export type ChunkContext = {
  villageCode: string;
  /** The officer who uploaded the file: creator of the rows. */
  actorId: string | null;
  /** Columns the sheet has. */
  columns: ReadonlySet<PeopleImportColumn>;
  /** YYYY-MM-DD: the effective date of status changes. */
  today: string;
  fileName: string;
};

export type ChunkResult = repo.Counts & { rejects: RejectedRow[] };

const reject = (row: ImportRow, column: PeopleImportColumn | null, reason: string): RejectedRow => ({
  rowNumber: row.rowNumber,
  raw: row.raw,
  problems: [{ column, reason }],
});

/** The recorded person with the sheet's values laid over it, for the columns the sheet has. */
function overlay(existing: PersonValues, incoming: PersonValues, columns: ReadonlySet<PeopleImportColumn>): PersonValues {
  const merged = { ...existing } as Record<PersonColumn, unknown>;
  for (const column of personColumns) {
    if (columns.has(column.from)) merged[column.name] = incoming[column.name];
  }
  return merged as PersonValues;
}

const differs = (a: PersonValues, b: PersonValues) => personColumns.some((c) => (a[c.name] ?? null) !== (b[c.name] ?? null));

const pick = ({ address, dusun, rw, rt }: PersonValues) => ({ address, dusun, rw, rt });

export async function writeChunk(db: Queryable, ctx: ChunkContext, rows: ImportRow[]): Promise<ChunkResult> {
  const result: ChunkResult = { created: 0, updated: 0, unchanged: 0, rejected: 0, rejects: [] };
  if (rows.length === 0) return result;
  await repo.lockVillageForImport(db, ctx.villageCode);

  // Families: one per KK number in the village; a new number makes a new family, with the
  // address of its first row until its head's row says otherwise (below).
  const families = await repo.findFamiliesByNoKk(db, ctx.villageCode, [...new Set(rows.map((r) => r.noKk).filter(Boolean))]);
  const newFamilies: repo.NewFamily[] = [];
  for (const row of rows) {
    if (!row.noKk || families.has(row.noKk)) continue;
    const family = { id: uuidv7(), cardId: uuidv7(), noKk: row.noKk, validFrom: row.noKkIssueDate ?? ctx.today, ...pick(row.person) };
    newFamilies.push(family);
    families.set(row.noKk, { id: family.id, headPersonId: null, ...pick(row.person) });
  }
  await repo.insertFamilies(db, ctx.villageCode, ctx.actorId, newFamilies);

  // Matching: by NIK, else by name + birth date + KK number.
  const byNik = new Map<string, repo.ExistingPerson[]>();
  for (const person of await repo.findPeopleByNik(db, ctx.villageCode, rows.map((r) => r.person.nik))) {
    byNik.set(person.nik, [...(byNik.get(person.nik) ?? []), person]);
  }
  const chunkNiks = new Set(rows.map((r) => r.person.nik));
  const fallbackKeys = rows
    .filter((r) => !byNik.has(r.person.nik) && r.person.birth_date !== null)
    .map((r) => ({ nameKey: r.person.name_key, birthDate: r.person.birth_date as string, noKk: r.noKk }));
  const byNameBirthKk = new Map<string, repo.ExistingPerson[]>();
  const fallbackKey = (nameKey: string, birthDate: string | null, noKk: string | null) => `${nameKey}|${birthDate}|${noKk}`;
  for (const person of await repo.findPeopleByNameBirthKk(db, ctx.villageCode, fallbackKeys)) {
    // Someone whose own NIK is in this chunk is that row's person, not this one's.
    if (chunkNiks.has(person.nik)) continue;
    const key = fallbackKey(person.name_key, person.birth_date as string | null, person.no_kk);
    byNameBirthKk.set(key, [...(byNameBirthKk.get(key) ?? []), person]);
  }

  const inserts: repo.PersonWrite[] = [];
  const updates: repo.PersonWrite[] = [];
  const events: repo.StatusEvent[] = [];
  const moved: Array<{ personId: string; familyId: string | null }> = [];
  const heads = new Map<string, { personId: string; person: PersonValues }>();
  const matchedBy = new Map<string, number>();

  for (const row of rows) {
    const family = row.noKk ? families.get(row.noKk)! : null;
    const familyId = family?.id ?? null;
    const nikMatches = byNik.get(row.person.nik) ?? [];
    if (nikMatches.length > 1) {
      result.rejects.push(
        reject(row, 'nik', `NIK ini tercatat untuk ${nikMatches.length} orang di desa ini; selesaikan data gandanya dulu, lalu impor ulang baris ini`),
      );
      continue;
    }
    let existing = nikMatches[0];
    if (!existing && row.person.birth_date !== null) {
      const candidates = byNameBirthKk.get(fallbackKey(row.person.name_key, row.person.birth_date as string, row.noKk)) ?? [];
      if (candidates.length > 1) {
        result.rejects.push(
          reject(row, 'nama', `Ada ${candidates.length} orang bernama sama dengan tanggal lahir dan KK yang sama di desa ini; isi NIK yang tercatat agar jelas orang yang mana`),
        );
        continue;
      }
      existing = candidates[0];
    }
    if (existing) {
      const earlier = matchedBy.get(existing.id);
      if (earlier !== undefined) {
        result.rejects.push(reject(row, 'nik', `Orang yang sama dengan baris ${earlier} (nama, tanggal lahir dan KK sama)`));
        continue;
      }
      matchedBy.set(existing.id, row.rowNumber);
    }

    const wantedStatus = row.migrantStatus && row.migrantStatus !== 'bukan_pmi' ? row.migrantStatus : null;
    if (!existing) {
      const id = uuidv7();
      inserts.push({ id, familyId, migrantStatus: wantedStatus ?? 'bukan_pmi', person: row.person });
      if (wantedStatus) events.push({ id: uuidv7(), personId: id, status: wantedStatus });
      if (family && row.person.family_relationship === 1) heads.set(family.id, { personId: id, person: row.person });
      result.created += 1;
      continue;
    }

    const merged = overlay(existing, row.person, ctx.columns);
    const statusChanges = wantedStatus !== null && wantedStatus !== existing.migrant_status;
    const familyChanges = existing.family_id !== familyId;
    if (family && merged.family_relationship === 1) heads.set(family.id, { personId: existing.id, person: merged });
    if (!statusChanges && !familyChanges && !differs(existing, merged)) {
      result.unchanged += 1;
      continue;
    }
    updates.push({ id: existing.id, familyId, migrantStatus: statusChanges ? wantedStatus : existing.migrant_status, person: merged });
    if (statusChanges) events.push({ id: uuidv7(), personId: existing.id, status: wantedStatus });
    if (familyChanges) moved.push({ personId: existing.id, familyId });
    result.updated += 1;
  }

  await repo.insertPeople(db, ctx.villageCode, ctx.actorId, inserts);
  await repo.updatePeople(db, updates);
  await repo.insertStatusEvents(db, ctx.villageCode, ctx.actorId, ctx.today, `Impor berkas ${ctx.fileName}`, events);
  await repo.clearMovedHeads(db, moved);

  // The KEPALA KELUARGA row names the family's head and gives its address.
  const familyById = new Map([...families.values()].map((f) => [f.id, f]));
  const familyChanges: Parameters<typeof repo.updateFamilies>[1] = [];
  for (const [familyId, head] of heads) {
    const family = familyById.get(familyId)!;
    const next = { id: familyId, headPersonId: head.personId, ...pick(head.person) };
    const changed = family.headPersonId !== next.headPersonId || (['address', 'dusun', 'rw', 'rt'] as const).some((k) => family[k] !== next[k]);
    if (changed) familyChanges.push(next);
  }
  await repo.updateFamilies(db, familyChanges);

  result.rejected = result.rejects.length;
  return result;
}
