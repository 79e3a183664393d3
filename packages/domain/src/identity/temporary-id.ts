import { cleanIdentityNumber } from './clean-number.js';

/**
 * OpenSID's stand-in for a NIK or No. KK that is not known yet: "0", the 10-digit
 * village code, then a 5-digit sequence from 00001 (0 3212162004 00001). No real NIK or
 * No. KK starts with 0 (province codes run from 11), so the leading 0 tells them apart,
 * and OpenSID itself filters temporary numbers by that prefix.
 */

const temporaryPattern = /^0\d{15}$/;

export function isTemporaryId(value: string): boolean {
  return temporaryPattern.test(cleanIdentityNumber(value));
}

/** @throws RangeError for a village code that is not 10 digits or a sequence outside 1–99999. */
export function makeTemporaryId(villageCode: string, sequence: number): string {
  const village = villageCode.replace(/[.\s]/g, '');
  if (!/^\d{10}$/.test(village)) throw new RangeError(`Kode desa harus 10 digit: ${villageCode}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 99_999) {
    throw new RangeError(`Nomor urut NIK/KK sementara harus 1–99999: ${sequence}`);
  }
  return `0${village}${String(sequence).padStart(5, '0')}`;
}

/** The parts of a cleaned 16-digit temporary number. */
export function splitTemporaryId(digits: string): { villageCode: string; sequence: string } {
  return { villageCode: digits.slice(1, 11), sequence: digits.slice(11) };
}
