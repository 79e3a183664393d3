import type { ImportRow } from './person-columns.js';
import type { ParsedRow } from './row-parser.js';

/**
 * Checks between rows of one file, which no single row can make: the same NIK twice, the
 * same person twice under two NIKs, two heads in one KK. The first row wins; later ones
 * are sent back naming it. The checks see every row in file order, also rows skipped when
 * an interrupted job resumes, so a resumed job decides exactly as the first run did.
 */
export function createFileChecks(): (row: ImportRow) => ParsedRow {
  const niks = new Map<string, number>();
  const people = new Map<string, number>();
  const heads = new Map<string, number>();

  return (row) => {
    const { nik, name_key: nameKey, birth_date: birthDate, family_relationship: relationship } = row.person;
    const personKey = birthDate === null ? null : `${nameKey}|${birthDate}|${row.noKk}`;
    const sameNik = niks.get(nik);
    const samePerson = personKey === null ? undefined : people.get(personKey);
    const otherHead = relationship === 1 && row.noKk ? heads.get(row.noKk) : undefined;
    const problem =
      sameNik !== undefined
        ? { column: 'nik', reason: `NIK sama dengan baris ${sameNik}` }
        : samePerson !== undefined
          ? { column: 'nama', reason: `Sama dengan baris ${samePerson}: nama, tanggal lahir dan No. KK sama` }
          : otherHead !== undefined
            ? { column: 'kk_level', reason: `KK ini sudah punya kepala keluarga di baris ${otherHead}` }
            : null;
    if (problem) return { ok: false, rejected: { rowNumber: row.rowNumber, raw: row.raw, problems: [problem] } };
    niks.set(nik, row.rowNumber);
    if (personKey !== null) people.set(personKey, row.rowNumber);
    if (relationship === 1 && row.noKk) heads.set(row.noKk, row.rowNumber);
    return { ok: true, row };
  };
}
