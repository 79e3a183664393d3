import { cleanIdentityNumber } from './clean-number.js';
import { type IdentityIssue, type IdentityIssueCode, identityIssue } from './issues.js';
import { findUnknownRegion, type RegionLevel } from './known-regions.js';
import { splitTemporaryId } from './temporary-id.js';

/**
 * The layout a NIK and a No. KK share: 16 digits, a 6-digit district code, a 6-digit
 * date (DDMMYY, read by the caller because NIK and KK encode it differently) and a
 * 4-digit serial; or OpenSID's temporary form, "0" + village code + 5-digit sequence.
 */

export type IdentityNumberParts = {
  /** The 16 digits once spaces, dots and invisible characters are removed; null when they are not 16 digits. */
  normalized: string | null;
  /** An OpenSID temporary number (0 + village code + sequence), not one issued by Dukcapil. */
  temporary: boolean;
  /** '32' */
  provinceCode: string | null;
  /** '3212' */
  regencyCode: string | null;
  /** '321216' */
  districtCode: string | null;
  /** Only in a temporary number: the village that made it, '3212162004'. */
  villageCode: string | null;
  /** '0001' (5 digits in a temporary number). */
  serial: string | null;
};

/** Which issue codes (NIK_… or NO_KK_…) the shared checks report under. */
export type IdentityNumberCodes = {
  format: 'NIK_FORMAT' | 'NO_KK_FORMAT';
  region: Record<RegionLevel, Extract<IdentityIssueCode, `${string}_UNKNOWN`>>;
  serialZero: 'NIK_SERIAL_ZERO' | 'NO_KK_SERIAL_ZERO';
};

type Reading = {
  parts: IdentityNumberParts;
  issues: IdentityIssue[];
  /** DDMMYY; null in a temporary number or when the format is wrong. */
  datePart: string | null;
};

const noParts: IdentityNumberParts = {
  normalized: null,
  temporary: false,
  provinceCode: null,
  regencyCode: null,
  districtCode: null,
  villageCode: null,
  serial: null,
};

export function readIdentityNumber(input: string, codes: IdentityNumberCodes): Reading {
  const digits = cleanIdentityNumber(input);
  if (!/^\d{16}$/.test(digits)) {
    return { parts: noParts, issues: [identityIssue(codes.format)], datePart: null };
  }

  const temporary = digits.startsWith('0');
  const { villageCode, sequence } = splitTemporaryId(digits);
  const districtCode = temporary ? villageCode.slice(0, 6) : digits.slice(0, 6);
  const serial = temporary ? sequence : digits.slice(12);

  const issues: IdentityIssue[] = [];
  // A temporary number's village list would be too large to ship; its district is checked instead.
  const unknown = findUnknownRegion(districtCode);
  if (unknown) issues.push(identityIssue(codes.region[unknown.level], { code: unknown.code }));
  if (/^0+$/.test(serial)) issues.push(identityIssue(codes.serialZero));

  return {
    parts: {
      normalized: digits,
      temporary,
      provinceCode: districtCode.slice(0, 2),
      regencyCode: districtCode.slice(0, 4),
      districtCode,
      villageCode: temporary ? villageCode : null,
      serial,
    },
    issues,
    datePart: temporary ? null : digits.slice(6, 12),
  };
}
