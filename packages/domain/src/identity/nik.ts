import { fullYear, impossibleDateDetail, isIsoDate, isoDate, todayInJakarta } from './calendar.js';
import { type IdentityIssue, type IssueSummary, type Sex, identityIssue, summarizeIssues } from './issues.js';
import { type IdentityNumberParts, readIdentityNumber } from './identity-number.js';

/**
 * NIK (Nomor Induk Kependudukan), 16 digits: province (2) + regency (2) + district (2)
 * of first registration, birth date DDMMYY with 40 added to the day for women, and a
 * serial from 0001. A bad format, an unknown region or an impossible date is an error.
 * The NIK never changes, even when the date in it is wrong, so disagreeing with the
 * recorded birth date or sex is only a warning.
 *
 * The NIK's region is where the person was first registered, not where they live now,
 * so it is deliberately never compared with the current address.
 */

export type ParseNikOptions = {
  /** Recorded birth date, YYYY-MM-DD; compared with the NIK (ignored when not a real date). */
  birthDate?: string;
  /** Recorded sex; compared with the NIK. */
  sex?: Sex;
  /** YYYY-MM-DD; defaults to today in Asia/Jakarta. */
  today?: string;
};

export type NikParseResult = IssueSummary &
  IdentityNumberParts & {
    /** YYYY-MM-DD, null when temporary or impossible. */
    birthDate: string | null;
    sex: Sex | null;
  };

const nikCodes = {
  format: 'NIK_FORMAT',
  region: { province: 'NIK_PROVINCE_UNKNOWN', regency: 'NIK_REGENCY_UNKNOWN', district: 'NIK_DISTRICT_UNKNOWN' },
  serialZero: 'NIK_SERIAL_ZERO',
} as const;

/** @throws RangeError when `options.today` is not a YYYY-MM-DD date. */
export function parseNik(nik: string, options: ParseNikOptions = {}): NikParseResult {
  const today = options.today ?? todayInJakarta();
  if (!isIsoDate(today)) throw new RangeError(`today harus tanggal YYYY-MM-DD: ${today}`);

  const { parts, issues, datePart } = readIdentityNumber(nik, nikCodes);
  const birth = datePart === null ? { birthDate: null, sex: null } : readBirth(datePart, today, options, issues);
  return { ...summarizeIssues(issues), ...parts, ...birth };
}

/** Decodes DDMMYY, pushing an error for an impossible date and warnings for disagreements. */
function readBirth(
  ddmmyy: string,
  today: string,
  options: ParseNikOptions,
  issues: IdentityIssue[],
): { birthDate: string | null; sex: Sex | null } {
  const writtenDay = Number(ddmmyy.slice(0, 2));
  const month = Number(ddmmyy.slice(2, 4));
  const twoDigitYear = Number(ddmmyy.slice(4, 6));

  const sex: Sex | null = writtenDay >= 1 && writtenDay <= 31 ? 'L' : writtenDay >= 41 && writtenDay <= 71 ? 'P' : null;
  if (options.sex && sex && options.sex !== sex) {
    issues.push(identityIssue('NIK_SEX_MISMATCH', { found: sex, expected: options.sex }));
  }
  if (sex === null) {
    issues.push(identityIssue('NIK_BIRTH_DATE_INVALID', { detail: `tanggal ${ddmmyy.slice(0, 2)}` }));
    return { birthDate: null, sex };
  }

  const day = sex === 'P' ? writtenDay - 40 : writtenDay;
  const year = birthYear(day, month, twoDigitYear, today, options.birthDate);
  const detail = impossibleDateDetail(day, month, year);
  if (detail) {
    issues.push(identityIssue('NIK_BIRTH_DATE_INVALID', { detail }));
    return { birthDate: null, sex };
  }

  const birthDate = isoDate(year, month, day);
  if (options.birthDate && isIsoDate(options.birthDate) && options.birthDate !== birthDate) {
    issues.push(identityIssue('NIK_BIRTH_DATE_MISMATCH', { found: birthDate, expected: options.birthDate }));
  }
  return { birthDate, sex };
}

/**
 * The century is not in the NIK. Take the recorded birth year when it ends in the same
 * two digits (a 100-year-old is then not read as a baby); otherwise the latest year
 * that does not put the birth after today. Either way the birth is never after today.
 */
function birthYear(day: number, month: number, twoDigitYear: number, today: string, recorded?: string): number {
  const recordedYear = recorded && isIsoDate(recorded) ? Number(recorded.slice(0, 4)) : null;
  if (recordedYear !== null && recordedYear % 100 === twoDigitYear && isoDate(recordedYear, month, day) <= today) {
    return recordedYear;
  }
  const year = fullYear(twoDigitYear, today);
  return isoDate(year, month, day) > today ? year - 100 : year;
}
