import type { DuplicateReason } from '@desmigratif/contracts';
import { isTemporaryId, nameSimilarity, nameVariantsKey, normalizePersonName } from '@desmigratif/domain';

/** What two records are compared on. */
export type ComparableRecord = {
  nik: string | null;
  name: string | null;
  birthDate: string | null;
  fatherName: string | null;
  motherName: string | null;
};

/**
 * The bars, shared by the SQL that looks for candidates and the rules that judge them.
 * Similarities are pg_trgm's on normalized names; names whose folded keys (nameVariantsKey)
 * are equal pass every bar.
 */
export const thresholds = {
  /** With the same birth date: Nur Aini/Nuraini = 0.55, Siti Aminah/Siti Romlah = 0.33. */
  nameWithBirthDate: 0.5,
  /** With the same mother or father, higher: siblings share parents (Muhammad Rizki/Muhammad Rizal = 0.67). */
  nameWithParent: 0.7,
  /** A parent's name counts as the same from here. */
  parentName: 0.7,
  /** While a birth date is missing on either side, a name this close alone is worth showing. */
  nameAlone: 0.8,
  /** The suggestions' trigram search (pg_trgm.similarity_threshold): below every bar, so folded variants are not lost. */
  search: 0.4,
} as const;

/** A reason as stored with a candidate pair; the label is made when it is shown. */
export type StoredReason = { code: DuplicateReason['code']; similarity?: number; sameSpelling?: boolean };

export type Comparison = {
  /** Same NIK, or a similar name with the same birth date or parent. */
  likely: boolean;
  /** Not likely, but worth showing while the officer types: the birth date is not known on both sides. */
  possible: boolean;
  score: number;
  reasons: StoredReason[];
};

type NameMatch = { similarity: number; folded: boolean; sameSpelling: boolean };

function compareNames(a: string | null, b: string | null): NameMatch | null {
  if (!a?.trim() || !b?.trim()) return null;
  const key = nameVariantsKey(a);
  const folded = key !== '' && key === nameVariantsKey(b);
  return { similarity: nameSimilarity(a, b), folded, sameSpelling: normalizePersonName(a) === normalizePersonName(b) };
}

const reaches = (match: NameMatch | null, bar: number) => match !== null && (match.folded || match.similarity >= bar);

function nameReason(code: StoredReason['code'], match: NameMatch): StoredReason {
  return { code, similarity: match.similarity, ...(match.folded ? { sameSpelling: match.sameSpelling } : {}) };
}

/** Compares a record (or the person being typed) with another and says how likely they are one person. */
export function compareRecords(a: ComparableRecord, b: ComparableRecord): Comparison {
  const nikSame = Boolean(a.nik && a.nik === b.nik && !isTemporaryId(a.nik));
  const birthKnown = Boolean(a.birthDate && b.birthDate);
  const birthSame = birthKnown && a.birthDate === b.birthDate;
  const name = compareNames(a.name, b.name);
  const mother = compareNames(a.motherName, b.motherName);
  const father = compareNames(a.fatherName, b.fatherName);
  const motherSame = reaches(mother, thresholds.parentName);
  const fatherSame = reaches(father, thresholds.parentName);
  const parentsDiffer = (mother !== null && !motherSame) || (father !== null && !fatherSame);

  const likely =
    nikSame ||
    (birthSame && reaches(name, thresholds.nameWithBirthDate)) ||
    ((motherSame || fatherSame) && reaches(name, thresholds.nameWithParent));
  const possible = !likely && !birthKnown && !parentsDiffer && reaches(name, thresholds.nameAlone);

  const nameScore = name ? (name.folded ? 1 : name.similarity) : 0;
  const weight =
    0.45 * nameScore + (birthSame ? 0.3 : 0) + (motherSame ? 0.15 : 0) + (fatherSame ? 0.1 : 0) + (nikSame ? 0.5 : 0);

  const reasons: StoredReason[] = [];
  if (nikSame) reasons.push({ code: 'nik' });
  if (name && reaches(name, thresholds.nameWithBirthDate)) reasons.push(nameReason('name', name));
  if (birthSame) reasons.push({ code: 'birth_date' });
  if (mother && motherSame) reasons.push(nameReason('mother_name', mother));
  if (father && fatherSame) reasons.push(nameReason('father_name', father));
  return { likely, possible, score: Math.round(Math.min(1, weight) * 100), reasons };
}

const subjects: Record<'name' | 'mother_name' | 'father_name', string> = {
  name: 'Nama',
  mother_name: 'Nama ibu',
  father_name: 'Nama ayah',
};

/** The reason in the officer's words: "NIK sama", "Nama mirip (87%)", "Nama ibu sama". */
export function labelReason(reason: StoredReason): DuplicateReason {
  const shown = { code: reason.code, ...(reason.similarity === undefined ? {} : { similarity: reason.similarity }) };
  if (reason.code === 'nik') return { ...shown, label: 'NIK sama' };
  if (reason.code === 'birth_date') return { ...shown, label: 'Tanggal lahir sama' };
  const subject = subjects[reason.code];
  if (reason.sameSpelling === true || reason.similarity === 1) return { ...shown, label: `${subject} sama` };
  if (reason.sameSpelling === false) return { ...shown, label: `${subject} sama (beda ejaan)` };
  return { ...shown, label: `${subject} mirip (${Math.round((reason.similarity ?? 0) * 100)}%)` };
}
