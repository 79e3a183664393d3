import type { LetterKind } from '@desmigratif/contracts';

/** Pure helpers of the village letters: numbering, dates in Indonesian, initials, relations. */

const monthNames = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** The archive classification (474: kependudukan) and each kind's short code in the number. */
const ARCHIVE_CODE = '474';
const kindCodes: Record<LetterKind, string> = { izin_keluarga: 'IZIN', rekomendasi_desa: 'REKOM' };

/** `474/001/IZIN/2026`: the village's running number of the year, three digits at least. */
export function formatLetterNumber(kind: LetterKind, sequence: number, year: number): string {
  return `${ARCHIVE_CODE}/${String(sequence).padStart(3, '0')}/${kindCodes[kind]}/${year}`;
}

/** `2026-11-22` → `22 November 2026`. */
export function indonesianDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${day} ${monthNames[month! - 1]} ${year}`;
}

/** `Siti Nur Aminah` → `S. N. A.`: enough to match a paper in hand, not to identify anyone. */
export function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .map((word) => word.match(/\p{L}/u)?.[0])
    .filter((letter): letter is string => Boolean(letter))
    .map((letter) => `${letter.toUpperCase()}.`)
    .join(' ');
}

export type PermissionRelation = 'pasangan' | 'orang_tua';
export const permissionRelationLabels: Record<PermissionRelation, string> = { pasangan: 'Suami/Istri', orang_tua: 'Orang tua' };

// SHDK codes (status hubungan dalam keluarga) as OpenSID numbers them.
const HEAD = 1;
const HUSBAND = 2;
const WIFE = 3;
const CHILD = 4;
const PARENT = 7;

/**
 * How a member of the same KK stands to the migrant, when it makes them one who may give
 * the family permission (UU 18/2017 Pasal 13: the spouse, or a parent). The KK records each
 * member's place relative to its head, so only a few pairs are certain.
 */
export function permissionRelationInKk(migrant: number | null, member: number | null): PermissionRelation | null {
  if (migrant === null || member === null) return null;
  const spouses = (a: number, b: number) => (a === HEAD && (b === HUSBAND || b === WIFE)) || (b === HEAD && (a === HUSBAND || a === WIFE));
  if (spouses(migrant, member)) return 'pasangan';
  if (migrant === CHILD && (member === HEAD || member === HUSBAND || member === WIFE)) return 'orang_tua';
  if (migrant === HEAD && member === PARENT) return 'orang_tua';
  return null;
}
