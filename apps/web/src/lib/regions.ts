import type { RegionLevel } from '@desmigratif/contracts';

const levelByLength: Record<number, RegionLevel> = { 2: 'provinsi', 4: 'kabupaten', 6: 'kecamatan', 10: 'desa' };
const lengthByLevel: Record<RegionLevel, number> = { provinsi: 2, kabupaten: 4, kecamatan: 6, desa: 10 };

/** provinsi (2 digits), kabupaten (4), kecamatan (6), desa (10); null for any other length. */
export function levelOfLength(length: number): RegionLevel | null {
  return levelByLength[length] ?? null;
}

export function codeLength(level: RegionLevel): number {
  return lengthByLevel[level];
}

/** The codes above a region, from its province down: 3212162004 → 32, 3212, 321216. */
export function ancestorCodes(code: string): string[] {
  return [2, 4, 6].filter((length) => length < code.length).map((length) => code.slice(0, length));
}

/** The code one level up: 3212162004 → 321216, 32 → '' (the whole country). */
export function parentCodeOf(code: string): string {
  return ancestorCodes(code).at(-1) ?? '';
}

/** True when `code` is `scope` itself or lies inside it ('' is the whole country). */
export function isWithin(code: string, scope: string): boolean {
  return code.startsWith(scope);
}

/** The 7th digit of a village code tells a kelurahan (1, urban) from a desa (2). */
export function isKelurahan(villageCode: string): boolean {
  return villageCode.length === 10 && villageCode[6] === '1';
}

const keptUpper = new Set(['DKI', 'DI', 'II', 'III', 'IV', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII']);

/** Kemendagri writes provinces and regencies in capitals: JAWA BARAT → Jawa Barat, DKI JAKARTA stays DKI Jakarta. */
export function displayRegionName(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name
    .toLowerCase()
    .split(' ')
    .map((word) => {
      if (keptUpper.has(word.toUpperCase())) return word.toUpperCase();
      return word.replace(
        /(^|[-(/])(\p{L})/gu,
        (_match, before: string, letter: string) => before + letter.toUpperCase(),
      );
    })
    .join(' ');
}
