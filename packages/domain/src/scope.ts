/**
 * Region scope: every account is limited to a Kemendagri region code prefix
 * ('' = the whole country, 32 = a province, 3212 = a regency, 3212162004 = a village),
 * and every programme record carries the 10-digit code of its village.
 */

export type ScopeLevel = 'nasional' | 'provinsi' | 'kabupaten' | 'kecamatan' | 'desa';

const levelsByLength: Record<number, ScopeLevel> = {
  0: 'nasional',
  2: 'provinsi',
  4: 'kabupaten',
  6: 'kecamatan',
  10: 'desa',
};

export function scopeLevel(code: string): ScopeLevel {
  const level = levelsByLength[code.length];
  if (!level || !/^\d*$/.test(code)) throw new Error(`Kode wilayah tidak valid: ${code}`);
  return level;
}

/** Whether a record of region `code` lies inside `scope`. */
export function isInScope(scope: string, code: string): boolean {
  return code.startsWith(scope);
}

/**
 * The region a listing is limited to when a user with `scope` asks for `within`:
 * the narrower of the two, or null when they do not overlap (the user asked for
 * a region outside their reach).
 */
export function narrowScope(scope: string, within: string | undefined): string | null {
  if (within === undefined || within === '') return scope;
  if (within.startsWith(scope)) return within;
  if (scope.startsWith(within)) return scope;
  return null;
}

/**
 * The half-open range of codes inside a prefix, for an index range scan:
 * code >= lower AND code < upper. ('' covers everything.)
 */
export function scopeRange(prefix: string): { lower: string; upper: string } {
  return { lower: prefix, upper: `${prefix}\u{10FFFF}` };
}
